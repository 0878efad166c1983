"""The index: the packed maps against plain dicts, the fuzzy index against a brute-force scan, and
the keys build_index makes for a few entries."""

from __future__ import annotations

import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from exonym.model import Entry, Name
from exonym.resolver.fuzzy import FuzzyIndex
from exonym.resolver.index import FOLDED, LATIN, SHORT, Index, build_index
from exonym.resolver.packed import PackedMap, PackedSet, postings
from exonym.text.normalize import fold

keys = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x600), min_size=1, max_size=12)


@given(
    st.dictionaries(
        keys, st.one_of(st.integers(0, 2**32 - 1), st.lists(st.integers(0, 2**32 - 1), min_size=2, max_size=4).map(tuple)), max_size=60
    ),
    st.lists(keys, max_size=20),
)
def test_packed_map_answers_like_a_dict(source: dict[str, int | tuple[int, ...]], others: list[str]) -> None:
    packed = PackedMap(source)
    for k, v in source.items():
        assert postings(packed.get(k)) == postings(v)
        assert k in packed
    for k in others:
        if k not in source:
            assert packed.get(k) is None  # a 64-bit collision here would be one in 10^17
    assert len(packed) == len(source)


@given(st.sets(keys, max_size=60), st.lists(keys, max_size=20))
def test_packed_set_answers_like_a_set(items: set[str], others: list[str]) -> None:
    packed = PackedSet(items)
    assert all(x in packed for x in items)
    assert not any(x in packed for x in others if x not in items)


def _one_edit(word: str, rnd: random.Random) -> str:
    i = rnd.randrange(len(word) + 1)
    letter = rnd.choice(string.ascii_lowercase)
    op = rnd.choice(("insert", "delete", "replace"))
    if op == "insert" or not word:
        return word[:i] + letter + word[i:]
    i = min(i, len(word) - 1)
    return word[:i] + ("" if op == "delete" else letter) + word[i + 1 :]


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_fuzzy_index_finds_every_key_within_one_edit_as_a_scan_does(seed: int) -> None:
    rnd = random.Random(seed)
    words = {"".join(rnd.choice("aeioubkmnrstvz") for _ in range(rnd.randint(5, 16))) for _ in range(300)}
    index = FuzzyIndex(words)
    for word in rnd.sample(sorted(words), 25):
        query = _one_edit(word, rnd)
        if len(query) < FuzzyIndex.MIN_LENGTH:  # shorter words are never misspellings of a name
            assert index.candidates(query) == []
            continue
        scan = {k for k in index.keys if Levenshtein.distance(query, k) <= 1 and abs(len(k) - len(query)) <= 3}
        found = set(index.candidates(query))
        assert scan <= found, f"{query!r}: missed {sorted(scan - found)}"


def test_fuzzy_index_leaves_out_short_and_far_keys() -> None:
    index = FuzzyIndex(["tbilisi", "tbilisy", "baku", "stepanakert"])
    assert "baku" not in index.keys  # too short to misspell safely
    assert "tbilisi" in index.candidates("tbilsi") and "stepanakert" not in index.candidates("tbilsi")
    assert index.candidates("qwertyuiop") == []


def _entry(eid: str, etype: str, *names: tuple[str, str, str]) -> Entry:
    from exonym.text.scripts import detect_script

    return Entry(eid, etype, names[0][0], tuple(Name(t, (lang,), kind, detect_script(t), ("editor",)) for t, lang, kind in names))


def _keys(index: Index, key: str) -> set[tuple[str, int]]:
    return {(index.entry_ids[index.name_entry[n]], level) for n, level in index.lookup_key(key)}


def test_build_index_keys() -> None:
    index = build_index(
        [
            _entry("tovuz-district", "district", ("Tovuz District", "en", "exonym"), ("Товузский район", "ru", "exonym")),
            _entry("ganja", "city", ("Gəncə", "az", "official"), ("Гянджа", "ru", "exonym"), ("Գանձակ", "hy", "exonym")),
            _entry("karabakh", "disputed-territory", ("მთიანი ყარაბაღი", "ka", "exonym")),
        ]
    )
    assert ("tovuz-district", SHORT) in _keys(index, "tovuz")  # the division without its generic term
    assert ("ganja", FOLDED) in _keys(index, fold("Gəncə"))
    assert ("ganja", LATIN) in _keys(index, "ganja")  # the Turkic reading of an Azerbaijani name
    assert ("ganja", LATIN) in _keys(index, "gyandzha")  # Russian transliterated
    assert ("karabakh", FOLDED) in _keys(index, fold("მთიან ყარაბაღი"))  # the declined adjective
    assert index.stems.get("товуз район") is not None  # the Slavic stem key
    assert index.max_words.get("tovuz") == 2
    assert "tovuz district" not in index.lower_firsts


def test_index_round_trips_through_its_sections() -> None:
    index = build_index([_entry("ganja", "city", ("Gəncə", "az", "official"), ("Ganja", "en", "exonym"))])
    again = Index.from_sections(index.to_sections())
    assert _keys(again, "ganja") == _keys(index, "ganja")
    assert again.fuzzy.keys == index.fuzzy.keys and list(again.priors) == list(index.priors)


def test_affixes_are_learned_from_names_that_carry_them() -> None:
    """A word many entries' names carry around another of their names is a type word; one entry
    is not enough, and a word that is itself a name is not an affix."""
    towns = ["Aldor", "Belmar", "Corvin", "Dunmere", "Elstow", "Farnel", "Gorran", "Halwick"]
    many = [_entry(t.lower(), "district", (t, "en", "exonym"), (f"Distretto di {t}", "it", "exonym")) for t in towns]
    declined = [_entry(t.lower() + "-fi", "district", (t + "a", "en", "exonym"), (f"{t}an piirikunta", "fi", "exonym")) for t in towns]
    one = [_entry("lonely", "district", ("Lonely", "en", "exonym"), ("Lonely Shire", "en", "exonym"))]
    named = [_entry(t.lower() + "-x", "district", (t, "en", "exonym"), (f"Aldor {t}", "en", "exonym")) for t in towns[1:]]
    affixes = build_index(many + declined + one + named).affixes
    assert "<distretto di" in affixes
    assert ">piirikunta" in affixes  # Saatlın piirikunta beside Saatlı: the name inside is declined
    assert ">shire" not in affixes  # one entry
    assert "<aldor" not in affixes  # a name itself


def test_loosely_romanized_names_add_no_latin_key() -> None:
    """A Bengali name is read by its own spelling: its romanization would land on other places'
    names (কর্স, Corsica in Bengali, romanizes to kars)."""
    index = build_index([_entry("corsica", "first-level-division", ("Corsica", "en", "exonym"), ("কর্স", "bn", "exonym"))])
    assert _keys(index, "kars") == set()
    assert ("corsica", FOLDED) in _keys(index, fold("কর্স"))
