"""Unit tests of the text layer: keys (normalize), words (tokens), language files and morphology."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exonym.text import lang
from exonym.text.lang import arabic, armenian, georgian, slavic, turkic, westslavic
from exonym.text.langguess import guess_language
from exonym.text.normalize import fold, latin_key, skeleton
from exonym.text.scripts import char_script, detect_script
from exonym.text.slug import slug
from exonym.text.tokens import split, starts_sentence, tokenize

WORDS = Path(lang.__file__).with_name("words")


# -- normalize ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bakı", "BAKI"),  # dotless ı folds with I
        ("İstanbul", "istanbul"),  # dotted İ loses its dot
        ("Nagorno–Karabakh", "Nagorno-Karabakh"),  # every dash is a space
        ("Ереван", "ереван"),
        ("Երևան", "ԵՐԵՎԱՆ"),  # և is եւ in lower case and ԵՎ in capitals
        ("Azərbaycan'ın", "azərbaycanın"),  # apostrophes go
        ("Ёлки", "елки"),
    ],
)
def test_fold_makes_equal_what_readers_take_as_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("й", "и"), ("ї", "і"), ("Bakı", "Bakü")])
def test_fold_keeps_letters_that_are_letters_of_their_own(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@given(st.text(max_size=40))
def test_fold_is_the_same_for_nfc_and_nfd(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize(
    ("text", "key"),
    [("Ստեփանակերտ", "stepanakert"), ("Товуз", "tovuz"), ("თბილისი", "tbilisi"), ("Αθήνα", "athina"), ("Gəncə", "gence")],
)
def test_latin_key_transliterates_every_script(text: str, key: str) -> None:
    assert latin_key(text) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("दिल्ली", "dili"),  # Devanagari: virama, vowel signs, the final inherent vowel unspoken
        ("अज़रबैजान", "azarbaijan"),  # a nukta, and the inherent vowel dropped between syllables
        ("ਪੰਜਾਬ", "panjab"),  # Gurmukhi's tippi is a nasal
        ("চেন্নাই", "chenai"),
        ("ಬೆಂಗಳೂರು", "bengaluru"),  # the southern scripts keep their final vowel
        ("తెలంగాణ", "telangana"),
        ("ශ්‍රී ලංකාව", "sri lankava"),  # Sinhala names its letters and signs in its own way
        ("𑄝𑄇𑄪", "baku"),  # Chakma names its consonants with a long vowel (KAA)
        ("서울", "seoul"),
        ("세데레크", "sederek"),  # the ㅡ a loanword writes after a lone consonant is silent
        ("アゼルバイジャン", "azerubaijan"),  # a small kana changes the syllable before it
        ("Μπακού", "baku"),  # Greek digraphs
        ("Ισμαΐλι", "ismaili"),  # a diaeresis parts two vowels
        ("גנג׳ה", "gnjh"),  # Hebrew: consonants, and a geresh makes ג a j
    ],
)
def test_latin_key_romanizes_syllabic_scripts(text: str, key: str) -> None:
    assert latin_key(text) == key
    assert latin_key(unicodedata.normalize("NFD", text)) == key


def test_turkic_reading_spells_as_english_does() -> None:
    assert latin_key("Gəncə", turkic=True) == "ganja"
    assert latin_key("Xankəndi", turkic=True) == "khankandi"


def test_skeleton_meets_romanizations_of_one_name() -> None:
    assert skeleton(latin_key("Khankendy")) == skeleton(latin_key("Xankəndi")) == skeleton(latin_key("Ханкенди"))
    assert skeleton("stepanakert") != skeleton("stepanavan")


def test_scripts() -> None:
    assert char_script("ա") == "Armn" and char_script("1") is None
    assert detect_script("Բաքու, Baku") == "Armn" and detect_script("Baku, Բաքու") == "Armn"  # five letters to four
    assert detect_script("東京") == "Hani" and detect_script("とうきょう") == "Jpan"


def test_slugs() -> None:
    assert [slug(x) for x in ("Ереван", "Şəki", "Tovuz District", "北京")] == ["yerevan", "shaki", "tovuz-district", "beijing"]


# -- tokens ---------------------------------------------------------------------------------------
def test_tokens_index_the_callers_string() -> None:
    text = "l'Arménie, Azərbaycan'ın\u00a0Երևանում; 東京で"
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
    assert [t.text for t in tokenize(text)] == ["l'Arménie", "Azərbaycan'ın", "Երևանում", "東京で"]


def test_astral_marks_stay_inside_words() -> None:
    # U+11301 GRANTHA SIGN CANDRABINDU is a mark outside the basic plane: the word is one token.
    word = "ab\U00011301cd"
    assert [t.text for t in tokenize(f"x {word} y")] == ["x", word, "y"]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Baku is", "Baku", True),
        ("In Baku", "Baku", False),
        ("said. Baku", "Baku", True),
        ("word – Baku", "Baku", True),
        ("x:   \n Baku", "Baku", True),
        # a semicolon ends no sentence, except Greek's question mark
        ("a partner; Ede", "Ede", False),
        ("Πού είναι; Αθήνα", "Αθήνα", True),
    ],
)
def test_sentence_starts(text: str, word: str, expected: bool) -> None:
    assert starts_sentence(text, text.index(word)) is expected


# -- language files -------------------------------------------------------------------------------
SCHEMA = json.loads(WORDS.with_name("words.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted(WORDS.glob("*.yaml")), ids=lambda p: p.stem)
def test_word_lists_follow_the_schema_and_their_scripts(path: Path) -> None:
    data = lang.read_word_file(path)
    jsonschema.validate(data, SCHEMA)
    allowed = set(data["scripts"])
    for key, value in data.items():
        lists = value.values() if isinstance(value, dict) else [value] if isinstance(value, list) else []
        for words in lists:
            for word in words:
                if key == "scripts":
                    continue
                assert unicodedata.is_normalized("NFC", word), (key, word)
                scripts = {s for s in map(char_script, word) if s}
                assert scripts <= allowed, (
                    f"{path.name}: {key}: {word!r} mixes scripts {sorted(scripts)}; the language is written in {sorted(allowed)}"
                )


def test_languages_know_their_facts() -> None:
    assert lang.language("az-Cyrl-AZ").code == "az"
    assert {"az", "tr"} <= lang.turkic_reading()
    assert {"ru", "hy", "ka", "az"} <= lang.inflecting() and "en" not in lang.inflecting()
    assert lang.all_type_cues()[fold("rayonu")] == frozenset({"district"})
    assert fold("Bezirk") in lang.all_generic_terms()


def test_every_family_module_reads_a_script() -> None:
    assert {m.SCRIPT for m in lang.families()} >= {"Cyrl", "Latn", "Armn", "Geor", "Arab"}


# -- morphology -----------------------------------------------------------------------------------
def test_a_polish_plural_of_persons_is_no_case_form_of_a_noun() -> None:
    # Polscy (Poles, Polish) softens k before -y as no noun's genitive does (Polski, of Poland)
    assert ("polska", False) not in westslavic.bases("polscy")
    assert ("polska", False) in westslavic.bases("polsce")


def test_each_word_of_a_slavic_name_of_several_words_keeps_a_short_stem() -> None:
    assert slavic.name_stem(fold("Біла Церква")) == ("біл церкв", False)
    assert slavic.name_stem(fold("Тула")) == ("тула", False)  # one word: the whole word


def test_a_short_slavic_name_is_indexed_by_its_case_forms() -> None:
    assert {"туле", "тулу", "тулой", "тулі"} <= set(slavic.name_variants([fold("Тула")]))
    assert {"уфы", "уфе"} <= set(slavic.name_variants([fold("Уфа")]))
    assert "оби" in slavic.name_variants([fold("Обь")])
    # a stem long enough is indexed as a stem; names of several words are read word by word
    assert slavic.name_variants([fold("Москва")]) == slavic.name_variants(["нижний", "тагил"]) == []


def test_slavic_stems_of_case_forms_meet_the_name_stem() -> None:
    name = slavic.name_stem(fold("Нагорный Карабах"))[0]
    forms = [fold(w) for w in "Нагорном Карабахе".split()]
    stems = [{s for s, _ in slavic.stems(w)} for w in forms]
    assert name.split() == [next(iter(stems[0] & {name.split()[0]})), next(iter(stems[1] & {name.split()[1]}))]
    assert ("товуз", True) in slavic.stems(fold("Товузском"))
    assert any(s == "карабах" for s, _ in slavic.stems(fold("Карабасі")))  # Ukrainian softening


def test_slavic_short_stems_only_for_major_names() -> None:
    assert slavic.name_stem(fold("Рига"), short=True)[0] == "риг"
    assert slavic.name_stem(fold("Рига"))[0] == "рига"  # a minor place keeps four letters
    assert any(s == "риг" for s, _ in slavic.stems(fold("Ризі")))  # Ukrainian softening of г


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("Wrocławia", "Wrocław"),
        ("Lwowie", "Lwów"),
        ("Litwy", "Litwa"),
        ("Czechami", "Czechy"),
        ("Polsce", "Polska"),
        ("Praze", "Praha"),
        ("Vídni", "Vídeň"),
        ("Drážďanech", "Drážďany"),
        ("Ostravou", "Ostrava"),
        ("Zakopanem", "Zakopane"),  # a name declined as an adjective
        ("Zakopanego", "Zakopane"),
        ("Olomouckém", "Olomoucký"),  # Czech adjectival names: locative, genitive, instrumental
        ("Olomouckého", "Olomoucký"),
        ("Zlínským", "Zlínský"),
        ("Českých", "České"),
        ("Budějovicích", "Budějovice"),  # locative plural of a soft noun
        ("Hranic", "Hranice"),  # genitive plural with no ending
        ("Varů", "Vary"),  # Czech genitive plural in -ů (z Karlových Varů)
        ("Koźlu", "Koźle"),  # a neuter in -e: its locative, and its genitive Koźla
        ("Koźla", "Koźle"),
    ],
)
def test_west_slavic_bases_give_the_nominative(word: str, name: str) -> None:
    assert fold(name) in {b for b, _ in westslavic.bases(fold(word))}


def test_west_slavic_bases_leave_a_short_word_alone() -> None:
    assert westslavic.bases(fold("ale")) == []


def test_turkic_bases_respect_vowel_harmony() -> None:
    assert (fold("Bakı"), False) in turkic.bases(fold("Bakıda"))
    assert (fold("Bakı"), True) in turkic.bases(fold("Bakılı"))  # of Baku: an adjective
    assert not any(b == "tovuz" for b, _ in turkic.bases(fold("Tovuzdə")))  # back vowel, front suffix


def test_armenian_bases() -> None:
    assert (fold("Երևան"), False) in armenian.bases(fold("Երևանում"))
    assert (fold("Բաքու"), False) in armenian.bases(fold("Բաքվում"))
    assert armenian.syncope("խումբ") == "խմբ" and armenian.syncope("բաքու") is None


def test_georgian_bases_and_variants() -> None:
    assert ("თბილისი", False) in georgian.bases("თბილისში")
    assert georgian.name_variants(["მთიანი", "ყარაბაღი"]) == ["მთიან ყარაბაღი"]


def test_georgian_stems_in_a_and_e_come_back_before_an_ending_in_i() -> None:
    # (the final vowel of მცხეთა and ოჩამჩირე gives way to the genitive's and instrumental's -ი)
    assert ("მცხეთა", False) in georgian.bases("მცხეთის")
    assert ("ოჩამჩირე", False) in georgian.bases("ოჩამჩირის")
    assert ("გაგრა", False) in georgian.bases("გაგრით")
    assert ("მცხეთა", False) in georgian.bases("მცხეთასთან")  # dative -ს, then -თან (near)
    assert ("ბაქა", False) not in georgian.bases("ბაქოს")  # -ო stays
    # and after a stem's -ი- (names in -ია: იტალია, სირია)
    assert ("იტალია", False) in georgian.bases("იტალიის")
    assert ("სირია", False) in georgian.bases("სირიით")


def test_arabic_proclitics_and_persian_suffixes() -> None:
    bases = dict(arabic.bases(fold("بالقاهرة")))
    assert fold("القاهرة") in bases
    assert dict(arabic.bases(fold("آذربایجانی")))[fold("آذربایجان")] is True
    # after a long vowel, -ی is the ezafe (the name itself) and -یی the adjective
    assert dict(arabic.bases(fold("باکوی")))[fold("باکو")] is False
    assert dict(arabic.bases(fold("باکویی")))[fold("باکو")] is True


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kuşadası'ndaki liman yarın açılıyor, belediye başkanı açıkladı.", "tr"),  # ı ş, and no ə anywhere
        ("Gəncədəki festival sabah başlayır, nazirlik bildirib.", "az"),  # ə tells it from Turkish
        ("Тбілісі приймає делегації з Єревана та Баку.", "uk"),  # і є
        ("ფესტივალი ხვალ თბილისში დაიწყება.", "ka"),  # the only language that writes Georgian
        ("Ve Štěpánkově ulici otevřeli novou knihovnu.", "cs"),  # ě ř
        # words shared by several languages are a fraction of a vote each: "a" and "do" are
        # Portuguese too, and must not outvote the one ř
        ("Delegace přiletěla do Brna a poté odjela.", "cs"),
        ("De minister is in het noorden van het land op bezoek.", "nl"),  # de, en, in are Spanish too
        # a word with ə is Azerbaijani alone, though its ş is Turkish too
        ("Bakıda məşqçi yeni komandanı təqdim etdi.", "az"),
    ],
)
def test_language_guess_reads_letters_and_scripts(text: str, lang: str) -> None:
    words = split(text).words
    assert guess_language([fold(w) for w in words], raw=words) == lang


def test_an_elided_article_votes_for_the_languages_that_elide_it() -> None:
    # de, a, au are Romanian words too: d' (and l') written into the next word tells French
    words = split("Le skieur, originaire de Saint-Lary, a pris au départ d'Oloron la tête de la course.").words
    assert guess_language([fold(w) for w in words], raw=words) == "fr"
    # a Turkish ending after an apostrophe is no elision
    words = split("Ankara'da ve İzmir'de yağmur bekleniyor.").words
    assert guess_language([fold(w) for w in words], raw=words) == "tr"


def test_day_and_month_names_vote_for_their_language() -> None:
    from exonym.text.calendar import calendar_word_languages

    words = split("La orquesta de tango actuará en julio en la provincia de Santa Fe.").words
    folded = [fold(w) for w in words]
    assert guess_language(folded, raw=words) is None  # de, la, en: Spanish, French, Dutch alike
    assert guess_language(folded, raw=words, calendar=calendar_word_languages()) == "es"  # julio: Spanish alone


def test_german_genitive_bases() -> None:
    from exonym.text.lang import german

    assert german.bases("bremens") == [("bremen", False)]
    assert german.bases("inns") == [("inn", False)]
    assert german.bases("paris") == [("pari", False)]  # a base only; the resolver reads it in German text alone
    assert german.bases("graz") == [] and german.bases("hess") == [] and german.bases("aus") == []


def test_a_spaced_hyphen_is_a_dash_that_may_start_a_sentence() -> None:
    text = "HUESCA, 2 oct (EFE).- Un incendio; OLOMOUC (ČTK) - Mezi nimi; Sachsen-Anhalt"
    assert starts_sentence(text, text.index("Un "))
    assert starts_sentence(text, text.index("Mezi"))
    assert not starts_sentence(text, text.index("Anhalt"))


def test_spanish_articles_vote_for_spanish() -> None:
    from exonym.text.langguess import guess_language

    raw = "Un profesor de Sevilla dio una charla en Lima, a orillas del Pacífico.".replace(",", "").replace(".", "").split()
    assert guess_language([fold(w) for w in raw], raw=raw) == "es"
