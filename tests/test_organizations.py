"""Organization phrases composed from a head and a country (exonym.resolver.institutions and
exonym.resolver.organizations). Every sentence here was written for these tests."""

from __future__ import annotations

import unicodedata

import pytest

import exonym
from exonym.gazetteer import Gazetteer
from exonym.model import Entry, Name
from exonym.resolver.institutions import heads, learn_institutions, stem_fits, word_fits


def _found(gaz: Gazetteer, text: str, **kw: object) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.id) for m in gaz.resolve(text, **kw)]


@pytest.mark.parametrize(
    ("text", "span", "entry"),
    [
        # a country's name, genitive or adjective, before or after the head, in any case
        (
            "Azerbaijan's foreign ministry answered within the hour.",
            "Azerbaijan's foreign ministry",
            "azerbaijani-ministry-of-foreign-affairs",
        ),
        ("Das armenische Außenministerium widersprach am Abend.", "armenische Außenministerium", "armenian-ministry-of-foreign-affairs"),
        (
            "Le ministère des Affaires étrangères de l'Arménie a répondu.",
            "ministère des Affaires étrangères de l'Arménie",
            "armenian-ministry-of-foreign-affairs",
        ),
        ("La Fiscalía georgiana abrió una causa.", "Fiscalía georgiana", "georgian-prosecutors-office"),
        ("Представители Службы безопасности Украины приехали утром.", "Службы безопасности Украины", "ukrainian-security-service"),
        (
            "Ukrayna Silahlı Kuvvetleri'nin açıklamasına göre saldırı durduruldu.",
            "Ukrayna Silahlı Kuvvetleri'nin",
            "ukrainian-armed-forces",
        ),
        ("Azərbaycan ordusunun bölmələri geri çəkilib.", "Azərbaycan ordusunun", "azerbaijani-armed-forces"),
        ("Учения прошли вместе с армянскими вооружёнными силами.", "армянскими вооружёнными силами", "armenian-armed-forces"),
        ("Ռուսաստանի ԱԳՆ-ն հայտարարություն է տարածել։", "Ռուսաստանի ԱԳՆ-ն", "russian-ministry-of-foreign-affairs"),
        ("ელჩი საქართველოს თავდაცვის სამინისტროში მიიწვიეს.", "საქართველოს თავდაცვის სამინისტროში", "georgian-ministry-of-defence"),
        # an army whose own name has no word for army (Israel Defense Forces) is still its
        # country's army, in any language; so is a service named "national security"
        ("The Israeli army said it struck targets overnight.", "Israeli army", "israel-defense-forces"),
        ("قال الجيش الإسرائيلي إنه استهدف مواقع.", "الجيش الإسرائيلي", "israel-defense-forces"),
        (
            "Служба национальной безопасности Армении задержала двух человек.",
            "Служба национальной безопасности Армении",
            "armenian-national-security-service",
        ),
        (
            "Le Service de sécurité nationale d'Arménie a arrêté deux suspects.",
            "Service de sécurité nationale d'Arménie",
            "armenian-national-security-service",
        ),
        # Azerbaijani names an office with its possessive ending, q softened to ğ
        ("Gürcüstan Baş Prokurorluğu məlumat yayıb.", "Gürcüstan Baş Prokurorluğu", "georgian-prosecutors-office"),
    ],
)
def test_a_head_beside_a_country_is_its_institution(gaz: Gazetteer, text: str, span: str, entry: str) -> None:
    found = _found(gaz, text)
    assert (span, entry) in found, found
    assert not any(s != span and s in span for s, _ in found), found  # the country mention inside is gone


@pytest.mark.parametrize(
    "text",
    [
        "The defence ministry said nothing about the convoy.",  # no country
        "This army is the best the league has seen.",  # an article beside a head
        "Armenian officials met in Yerevan. Army units stayed at the base.",  # punctuation between them
        "The French army held exercises near Lyon.",  # a country whose army the gazetteer lacks
        "La marina militare italiana ha annunciato esercitazioni.",  # nor has it Italy's navy
    ],
)
def test_no_organization_without_a_country_that_has_it(gaz: Gazetteer, text: str) -> None:
    assert not [e for _, e in _found(gaz, text) if gaz.get(e).type == "organization"]


def test_a_head_read_as_a_place_stays_a_place(gaz: Gazetteer) -> None:
    # Ordu is a Turkish city and the Turkish and Azerbaijani word for army
    assert ("Ordu", "ordu-tr") in _found(gaz, "Türkiyənin Ordu şəhərində yağış yağıb.")


def test_composed_mentions_explain_themselves_and_obey_types(gaz: Gazetteer) -> None:
    text = "Georgia's defence ministry announced the drill."
    (m,) = gaz.resolve(text)
    assert m.method == "composed" and m.entry.id == "georgian-ministry-of-defence"
    assert "'defence ministry' names a state's ministry of defence" in m.explanation
    assert '"Georgia\'s" names Georgia' in m.explanation
    assert [x.id for x in gaz.resolve(text, types="place")] == ["georgia"]


def test_nfd_input_gives_the_same_phrase(gaz: Gazetteer) -> None:
    text = "Le ministère de la Défense géorgien a démenti."
    nfd = unicodedata.normalize("NFD", text)
    for t in (text, nfd):
        found = _found(gaz, t)
        assert [e for _, e in found] == ["georgian-ministry-of-defence"], found
        assert unicodedata.normalize("NFC", found[0][0]) == "ministère de la Défense géorgien"


def test_head_words_are_read_with_their_endings() -> None:
    assert word_fits("обороны", "оборона") and word_fits("außenministeriums", "außenministerium")
    assert word_fits("сил", "силы") and word_fits("სამინისტრომ", "სამინისტრო")
    assert not word_fits("ministerpräsident", "ministerium") and not word_fits("order", "ordu")
    assert all(h.institution for hs in heads("en").values() for h in hs)


def test_country_words_by_their_stem() -> None:
    assert stem_fits("ruso", "rusia") and stem_fits("oekraiense", "oekraine") and stem_fits("azero", "azerbaigian")
    assert not stem_fits("the", "thekhi", short=False)
    assert stem_fits("rosyjski", "rosja") and not stem_fits("rosyjski", "rosja", short=False)  # 3 letters: own language only


def _entry(eid: str, etype: str, names: list[tuple[str, str]], parents: tuple[str, ...] = ()) -> Entry:
    return Entry(eid, etype, names[0][0], tuple(Name(t, (lang,), "official", "Latn", ("test",)) for t, lang in names), parents)


def test_an_organization_is_its_countrys_institution_by_its_own_names() -> None:
    country = _entry("ruritania", "country", [("Ruritania", "en"), ("Ruritanien", "de")])
    other = _entry("borduria", "country", [("Borduria", "en")])
    entries = [
        country,
        other,
        _entry(
            "ruritanian-mod",
            "organization",
            [("Ministry of Defence of Ruritania", "en"), ("Ruritanian Defence Ministry", "en")],
            ("ruritania",),
        ),
        # more words than a head and its country: another body, not the state's army
        _entry("ruritanian-rebels", "organization", [("Ruritanian Revolutionary Army", "en")], ("ruritania",)),
        # two entries for one institution and country: neither is chosen
        _entry("bordurian-army", "organization", [("Bordurian Army", "en")], ("borduria",)),
        _entry("bordurian-forces", "organization", [("Armed Forces of Borduria", "en")], ("borduria",)),
    ]
    assert learn_institutions(entries) == {"ministry-of-defence ruritania": "ruritanian-mod"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Georgian parliament passed the budget on Tuesday.", [("Georgian parliament", "parliament-of-georgia")]),
        ("El Parlamento de Georgia aprobó la reforma.", [("Parlamento de Georgia", "parliament-of-georgia")]),
        ("საქართველოს პარლამენტმა ბიუჯეტი მიიღო.", [("საქართველოს პარლამენტმა", "parliament-of-georgia")]),
        ("Azərbaycan parlamenti iclas keçirib.", [("Azərbaycan parlamenti", "milli-majlis")]),
        ("Национальное собрание Армении приняло закон.", [("Национальное собрание Армении", "national-assembly-of-armenia")]),
        # no entry for France's parliament: nothing is composed, and France is not read either
        ("The French parliament voted.", []),
    ],
)
def test_parliaments_are_composed_like_the_other_institutions(gaz: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dışişleri Bakanı Hakan Fidan Ankara'da konuştu.", ["ankara"]),  # the minister, not his ministry
        ("Russian Foreign Minister Sergei Lavrov arrived in Baku.", ["baku"]),
        ("Gürcistan Dışişleri Bakanlığı açıklama yaptı.", ["georgian-ministry-of-foreign-affairs"]),
        ("Georgia's foreign ministry urged both sides to keep talking.", ["georgian-ministry-of-foreign-affairs"]),
        ("МИД Турции призвал стороны к сдержанности.", ["turkish-ministry-of-foreign-affairs"]),
        ("Ադրբեջանի ՊՆ-ն հայտարարել է, որ կրակոցներ են եղել։", ["azerbaijani-ministry-of-defence"]),  # Armenian ՊՆ
    ],
)
def test_a_ministers_title_is_not_the_ministry(gaz: Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.entry.id for m in gaz.resolve(text)] == expected


def test_a_proclitic_on_the_first_word_of_a_many_word_name(gaz: Gazetteer) -> None:
    """Arabic writes ل (for), و (and), ب (with) into the first word of a phrase: لحزب الله is
    "for Hezbollah", as والنبطية is "and Nabatieh"."""
    found = gaz.resolve("استهدف مواقع لحزب الله قرب الحدود.")
    assert [(m.text, m.entry.id) for m in found] == [("لحزب الله", "hezbollah")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sekretarz generalny ONZ przyjechał do Kijowa.", "united-nations"),
        ("دبیرکل سازمان ملل از تهران دیدار کرد.", "united-nations"),
        ("აშშ-ის ელჩი თბილისში ჩავიდა.", "united-states"),
    ],
)
def test_short_names_of_the_un_and_the_us(text: str, expected: str) -> None:
    assert expected in [m.entry.id for m in exonym.resolve(text)]
