"""The multilingual glossary: names per locale, house styles, rendering and export."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exonym.data.folder import scan
from exonym.errors import InputError, InvalidLanguageTag
from exonym.glossary.export import export, select
from exonym.glossary.names import parse_locale
from exonym.glossary.render import render

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "tass-2020-07-16-rudenko-bulbuloglu-border.txt"
TBX = "{urn:iso:std:iso:30042:ed-2}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# -- name_in: the fallback chain, scripts, periods -------------------------------------------
@pytest.mark.parametrize(
    ("locale", "chain"),
    [
        ("az-Cyrl-AZ", ("az-Cyrl-AZ", "az-Cyrl", "az-AZ", "az", "en")),
        ("zh-TW", ("zh-Hant-TW", "zh-Hant", "zh-TW", "zh", "en")),  # script from babel's likely subtags
        ("sr-Latn", ("sr-Latn", "sr", "en")),
        ("EN_us", ("en-Latn-US", "en-Latn", "en-US", "en")),
    ],
)
def test_fallback_chain(locale: str, chain: tuple[str, ...]) -> None:
    assert parse_locale(locale).chain == chain


def test_names_follow_the_chain(gaz) -> None:
    assert gaz.name_in("ganja", "az-Cyrl-AZ").text == "Ҝәнҹә"  # az-Cyrl
    assert gaz.name_in("ganja", "az-AZ").text == "Gəncə"  # az, Latin by default
    assert gaz.name_in("ganja", "ru").text == "Гянджа"
    assert gaz.name_in("ganja", "hy").text == "Գանձակ"
    fallback = gaz.name_in("ganja", "tlh")  # a language without names: English, flagged
    assert (fallback.text, fallback.step, fallback.fallback) == ("Ganja", "en", True)
    assert gaz.get("ganja").name_in("ru") == "Гянджа"


def test_scripts_of_one_language(gaz) -> None:
    # CLDR gives Serbian country names in Cyrillic (sr) and Latin (sr-Latn); Chinese in Hans and Hant
    assert gaz.name_in("germany", "sr").text == "Немачка"
    assert gaz.name_in("germany", "sr-Latn").text == "Nemačka"
    assert gaz.name_in("taiwan", "zh-Hant-TW").text == gaz.name_in("taiwan", "zh-TW").text == "台灣"


def test_unknown_and_invalid_locales(gaz) -> None:
    assert gaz.name_in("baku", "xx").text == "Baku"  # well formed, unknown: English
    for bad in ("1!", "", "az--Cyrl", "toolonglanguage"):
        with pytest.raises(InvalidLanguageTag):
            gaz.name_in("baku", bad)


@pytest.mark.parametrize(
    ("entry", "locale", "at", "expected"),
    [
        ("ganja", "en", 1980, "Kirovabad"),
        ("ganja", "ru", 1980, "Кировабад"),
        ("ganja", "en", 1900, "Elisavetpol"),
        ("ganja", "en", None, "Ganja"),
        ("gyumri", "en", 1980, "Leninakan"),
        ("gyumri", "ru", 1980, "Ленинакан"),
        ("gyumri", "en", 2020, "Gyumri"),
    ],
)
def test_periods(gaz, entry: str, locale: str, at: int | None, expected: str) -> None:
    assert gaz.name_in(entry, locale, at=at).text == expected


# -- styles over the disputed places of the seed's world -------------------------------------
@pytest.mark.parametrize(
    ("entry", "locale", "style", "first", "later"),
    [
        ("khankendi", "en", "neutral", "Khankendi (Stepanakert)", "Khankendi"),
        ("khankendi", "ru", "neutral", "Ханкенди (Степанакерт)", "Ханкенди"),
        ("khankendi", "hy", "neutral", "Խանքենդի (Ստեփանակերտ)", "Խանքենդի"),
        ("shusha", "en", "neutral", "Shusha (Shushi)", "Shusha"),
        ("khankendi", "ru", "az-official", "Ханкенди", "Ханкенди"),
        ("khankendi", "ru", "am-official", "Степанакерт", "Степанакерт"),
        ("khankendi", "hy", "az-official", "Խանքենդի", "Խանքենդի"),
        ("shusha", "en", "am-official", "Shushi", "Shushi"),
        ("nagorno-karabakh", "en", "am-official", "Artsakh", "Artsakh"),
        ("nagorno-karabakh", "en", "un", "Nagorno-Karabakh", "Nagorno-Karabakh"),
        ("tovuz-district", "en", "neutral", "Tovuz District", "Tovuz District"),  # undisputed: unchanged
        ("baku", "ru", "neutral", "Баку", "Баку"),
    ],
)
def test_styles(gaz, entry: str, locale: str, style: str, first: str, later: str) -> None:
    assert gaz.name_in(entry, locale, style=style).text == first
    assert gaz.name_in(entry, locale, style=style, first=False).text == later


def test_unknown_style_is_a_clear_error(gaz) -> None:
    with pytest.raises(InputError, match="known styles: am-official, az-official, neutral, un"):
        gaz.name_in("baku", "en", style="tabloid")


BAD_STYLES = """\
neutral:
  title: Neutral
  first_mention: "{name} ({others})"
loud:
  first_mention: "{name}"
  prefer_used_by: [atlantis]
  colour: red
"""


def test_styles_are_validated(valid_copy: Path) -> None:
    (valid_copy / "styles.yaml").write_text(BAD_STYLES, encoding="utf-8")
    got = sorted((d.line, d.code, d.message.split(":")[0]) for d in scan(valid_copy).diagnostics)
    assert [(line, code) for line, code, _ in got] == [(3, "E206"), (4, "E206"), (6, "E206"), (7, "E206")]
    assert "unknown placeholder {others}" in " ".join(d.message for d in scan(valid_copy).diagnostics)


# -- render -----------------------------------------------------------------------------------
SEED_RENDERINGS = {
    # the seed's place mentions, in text order, rendered under the neutral style
    "ru": [
        "Москва",
        "Москва",
        "Товузский район",
        "Тавушская область",
        "Армения",
        "Баку",
        "Азербайджан",
        "Армения",
        "Азербайджан",
        "Нагорный Карабах (Арцах)",
    ],
    # Tavush Province's Azerbaijani name comes from Who's On First (Tavuş)
    "az": [
        "Moskva",
        "Moskva",
        "Tovuz rayonu",
        "Tavuş",
        "Ermənistan",
        "Bakı",
        "Azərbaycan",
        "Ermənistan",
        "Azərbaycan",
        "Dağlıq Qarabağ (Artsakh)",
    ],
    # Armenian records only the Armenian side's names of Nagorno-Karabakh: nothing to bracket
    "hy": [
        "Մոսկվա",
        "Մոսկվա",
        "Թովուզի շրջան",
        "Տավուշի մարզ",
        "Հայաստան",
        "Բաքու",
        "Ադրբեջան",
        "Հայաստան",
        "Ադրբեջան",
        "Լեռնային Ղարաբաղ",
    ],
    "en": [
        "Moscow",
        "Moscow",
        "Tovuz District",
        "Tavush Province",
        "Armenia",
        "Baku",
        "Azerbaijan",
        "Armenia",
        "Azerbaijan",
        "Nagorno-Karabakh (Artsakh)",
    ],
}


@pytest.mark.parametrize("locale", sorted(SEED_RENDERINGS))
def test_seed_article_rendering(gaz, locale: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    result = render(gaz, text, to=locale, style="neutral")
    got = [c.suggestion for c in result.changes][: len(SEED_RENDERINGS[locale])]
    assert got == SEED_RENDERINGS[locale]
    assert all(c.status in ("replaced", "same") for c in result.changes)  # English source: nothing inflected
    # later mentions of an entry drop the brackets
    firsts = {c.entry_id: c.suggestion for c in reversed(result.changes)}
    assert all("(" not in c.suggestion for c in result.changes if firsts[c.entry_id] != c.suggestion)


def test_inflected_mentions_are_flagged_not_replaced(gaz) -> None:
    text = "Переговоры в Нагорном Карабахе и в Баку продолжились; Степанакерт молчал."
    result = render(gaz, text, to="ru", style="az-official", mark=True)
    by_text = {c.original: c for c in result.changes}
    assert by_text["Нагорном Карабахе"].status == "review"
    assert by_text["Нагорном Карабахе"].suggestion == "Нагорный Карабах"
    assert by_text["Степанакерт"].status == "replaced" and by_text["Степанакерт"].replacement == "⟦Ханкенди⟧"
    assert "⟦?Нагорном Карабахе → Нагорный Карабах⟧" in result.text
    # into a language without cases the same mention is simply replaced
    english = render(gaz, text, to="en", style="neutral")
    assert "Nagorno-Karabakh" in english.text


def _outside(text: str, spans: list[tuple[int, int]]) -> list[str]:
    pieces, pos = [], 0
    for a, b in spans:
        pieces.append(text[pos:a])
        pos = b
    pieces.append(text[pos:])
    return pieces


FILLER = st.text(alphabet=st.sampled_from(list("abc xyz,.\n\t«»—éıİ")), max_size=12)
PLACES = st.sampled_from(["Baku", "Bakıda", "Ганджа", "Stepanakert", "Шуша", "Ереване", "Tovuz", "Moscow", "Ganja"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.tuples(FILLER, PLACES), max_size=6), tail=FILLER, to=st.sampled_from(["ru", "en", "hy", "az"]), mark=st.booleans())
def test_render_keeps_everything_outside_the_replaced_spans(gaz, parts, tail, to, mark) -> None:
    text = "".join(f + " " + p + " " for f, p in parts) + tail
    result = render(gaz, text, to=to, style="neutral", mark=mark)
    changed = [c for c in result.changes if c.replacement != c.original]
    assert _outside(text, [(c.start, c.end) for c in changed]) == _outside(result.text, [(c.out_start, c.out_end) for c in changed])
    for c in result.changes:
        assert result.text[c.out_start : c.out_end] == c.replacement
        assert text[c.start : c.end] == c.original


# -- export -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tbx(gaz) -> ET.Element:
    return ET.fromstring(export(gaz, "tbx", langs="ru,en,hy,az", within=["azerbaijan", "armenia", "georgia"]))


def _terms(tbx: ET.Element, entry: str, lang: str) -> dict[str, str]:
    concept = tbx.find(f".//{TBX}conceptEntry[@id='{entry}']")
    assert concept is not None, entry
    out = {}
    for sec in concept.findall(f"{TBX}langSec"):
        if sec.get(LANG) == lang:
            for term_sec in sec.findall(f"{TBX}termSec"):
                status = next(n.text for n in term_sec.findall(f"{TBX}termNote") if n.get("type") == "administrativeStatus")
                out[term_sec.findtext(f"{TBX}term")] = status
    return out


def test_tbx_structure(tbx: ET.Element) -> None:
    assert tbx.tag == f"{TBX}tbx" and tbx.get("type") == "TBX-Basic" and tbx.get("style") == "dca"
    assert tbx.find(f"{TBX}tbxHeader/{TBX}fileDesc/{TBX}sourceDesc/{TBX}p") is not None
    concepts = tbx.findall(f"{TBX}text/{TBX}body/{TBX}conceptEntry")
    assert len(concepts) > 1000
    for concept in concepts[:200]:
        assert concept.get("id")
        for sec in concept.findall(f"{TBX}langSec"):
            assert sec.get(LANG).split("-")[0] in {"ru", "en", "hy", "az"}
            for term_sec in sec.findall(f"{TBX}termSec"):
                assert [c.tag for c in term_sec][:4] == [f"{TBX}term", f"{TBX}termNote", f"{TBX}termNote", f"{TBX}termNote"]


def test_tbx_statuses_for_ganja_and_nagorno_karabakh(tbx: ET.Element, gaz) -> None:
    ganja_en = _terms(tbx, "ganja", "en")
    assert ganja_en["Ganja"] == "preferredTerm-admn-sts"
    assert ganja_en["Kirovabad"] == "supersededTerm-admn-sts"
    assert _terms(tbx, "ganja", "ru")["Кировабад"] == "supersededTerm-admn-sts"
    assert _terms(tbx, "ganja", "az")["Gəncə"] == "preferredTerm-admn-sts"
    nk_en = _terms(tbx, "nagorno-karabakh", "en")
    assert nk_en["Nagorno-Karabakh"] == "preferredTerm-admn-sts"
    assert nk_en["Artsakh"] == "admittedTerm-admn-sts"
    # a house style that avoids a side's names deprecates them
    styled = ET.fromstring(export(gaz, "tbx", langs="en", within=["azerbaijan"], style="az-official"))
    assert _terms(styled, "nagorno-karabakh", "en")["Artsakh"] == "deprecatedTerm-admn-sts"
    assert _terms(styled, "khankendi", "en")["Stepanakert"] == "deprecatedTerm-admn-sts"


def test_csv_round_trips(gaz) -> None:
    text = export(gaz, "csv", langs="ru,en,hy,az", within=["azerbaijan", "armenia", "georgia"], style="neutral")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == ["id", "type", "label", "ru", "en", "hy", "az"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["ganja"]["az"] == "Gəncə" and by_id["ganja"]["ru"] == "Гянджа"
    assert by_id["khankendi"]["ru"] == "Ханкенди"
    # written again, the rows give back the same text
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert out.getvalue() == text


def test_csv_keeps_every_selected_entry_with_empty_cells(gaz) -> None:
    """README: one row per entry, empty where the gazetteer has no name in that language."""
    text = export(gaz, "csv", langs="en,ka", within=["armenia"])
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [r["id"] for r in rows] == [e.id for e in select(gaz, within=["armenia"])]
    unnamed = [r for r in rows if not r["ka"]]
    assert unnamed and all(not gaz.get(r["id"]).names_in("ka") for r in unnamed)


def test_cli_export_and_render(tmp_path: Path) -> None:
    target = tmp_path / "glossary.tbx"
    proc = subprocess.run(
        [sys.executable, "-m", "exonym", "export", "--format", "tbx", "--langs", "ru,en,hy,az", "--within", "armenia", "-o", str(target)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert ET.parse(target).getroot().get("type") == "TBX-Basic"
    proc = subprocess.run(
        [sys.executable, "-m", "exonym", "render", str(SEED), "--to", "ru", "--style", "neutral", "--mark"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0 and "⟦Товузский район⟧" in proc.stdout and "⟦Москва⟧" in proc.stdout
    bad = subprocess.run([sys.executable, "-m", "exonym", "render", str(SEED), "--to", "!!"], capture_output=True, text=True)
    assert bad.returncode == 1 and "invalid language tag" in bad.stderr


# -- found in review -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("locale", "expected"), [("zh", "格鲁吉亚"), ("zh-CN", "格鲁吉亚"), ("zh-Hans", "格鲁吉亚"), ("zh-TW", "喬治亞"), ("zh-Hant", "喬治亞")]
)
def test_chinese_scripts_follow_the_tag(gaz, locale: str, expected: str) -> None:
    # Han text is both scripts: the name's tag (zh = Hans by CLDR, zh-Hant) decides
    assert gaz.name_in("georgia", locale).text == expected


def test_deprecated_codes_extensions_and_private_use(gaz) -> None:
    assert gaz.name_in("georgia", "iw").text == gaz.name_in("georgia", "he").text != "Georgia"
    assert gaz.name_in("georgia", "sh").text == gaz.name_in("georgia", "sr-Latn").text
    assert gaz.name_in("georgia", "ru-RU-u-ca-gregory").text == gaz.name_in("georgia", "ru").text
    assert gaz.name_in("georgia", "en-x-house").text == "Georgia"


def test_asking_for_this_year_changes_nothing(gaz) -> None:
    import datetime

    now = datetime.date.today().year
    for entry in ("khankendi", "shusha", "ganja", "gyumri"):
        for style in (None, "neutral"):
            assert gaz.name_in(entry, "en", at=now, style=style).text == gaz.name_in(entry, "en", style=style).text


@pytest.mark.parametrize(
    ("text", "to", "style", "expected"),
    [
        ("Baku’s port", "en", "az-official", "Baku’s port"),
        ("Stepanakert's mayor", "en", "az-official", "Khankendi's mayor"),
        ("Stepanakert's mayor", "ru", "az-official", "Ханкенди's mayor"),
    ],
)
def test_render_keeps_a_possessive(gaz, text: str, to: str, style: str, expected: str) -> None:
    assert render(gaz, text, to=to, style=style).text == expected


def test_vowel_endings_count_as_inflection(gaz) -> None:
    result = render(gaz, "Поехали в Шушу. Я живу в Гяндже. Gəncəyə və Bakıya.", to="uk")
    assert [c.status for c in result.changes] == ["review"] * 4


def test_tbx_values_are_tbx_basic(gaz) -> None:
    root = ET.fromstring(export(gaz, "tbx", langs="und,en,ru", within=["absheron-district"]))
    values = {n.get("type"): set() for n in root.iter(f"{TBX}termNote")}
    for n in root.iter(f"{TBX}termNote"):
        values[n.get("type")].add(n.text)
    assert values["partOfSpeech"] <= {"noun", "verb", "adjective", "adverb", "other"}
    assert values["termType"] <= {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"}
    ids = [c.get("id") for c in root.iter(f"{TBX}conceptEntry")]
    assert "_28-may" in ids and all(i[0].isalpha() or i[0] == "_" for i in ids)


def test_tbx_deprecates_what_the_style_avoids(gaz) -> None:
    styled = ET.fromstring(export(gaz, "tbx", langs="ru", within=["azerbaijan"], style="az-official"))
    statuses = _terms(styled, "khankendi", "ru")
    assert statuses["Степанакерт"] == "deprecatedTerm-admn-sts"  # the same name as the avoided side's
    assert statuses["Ханкенди"] == "preferredTerm-admn-sts"


def test_style_duplicates_and_empty_titles_are_errors(valid_copy: Path) -> None:
    (valid_copy / "styles.yaml").write_text("a:\n  title: A\n  title: B\na:\n  title: C\nb:\n  title: ''\n", encoding="utf-8")
    got = sorted((d.line, d.code) for d in scan(valid_copy).diagnostics)
    assert got == [(3, "E206"), (4, "E206"), (7, "E206")]


def test_an_empty_selection_is_an_error_not_an_empty_file(gaz) -> None:
    with pytest.raises(InputError, match="nothing to export"):
        export(gaz, "tbx", langs="tlh", within=["armenia"])
