"""Resolution: candidate spans -> Mentions, with disambiguation from context and an explanation
for each; and `lookup`, the same mechanisms for a single name."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from exonym.errors import InputError, InvalidLanguageTag
from exonym.model import ENTRY_TYPES, GLOSSARY_TYPES, PLACE_TYPES, Name
from exonym.resolver.budget import Budget
from exonym.resolver.index import IMPORTED, MAJOR, WEAK
from exonym.resolver.match import (
    CHECK_EVERY,
    FUZZY_CUTOFF,
    FUZZY_CUTOFF_UNCASED,
    LONGEST_WORD,
    UNCASED_FUZZY_MIN,
    Hit,
    Matcher,
    Memo,
    Span,
    WordForms,
    word_forms,
)
from exonym.resolver.organizations import composer
from exonym.resolver.persons import HeadlineLines, after_honorific, before_surname_uncased, case_ending, person_reason
from exonym.resolver.results import Candidate, Mention
from exonym.resolver.scoring import METHOD_SCORES, score, weight
from exonym.text import lang as languages
from exonym.text.calendar import month_words
from exonym.text.lang import CUE_TYPES, turkic
from exonym.text.lang.german import GENITIVE as GERMAN_GENITIVE
from exonym.text.langguess import guess_language
from exonym.text.langtags import canonical_tag, language_of
from exonym.text.normalize import APOSTROPHES, DASHES, fold, latin_key
from exonym.text.romanize import LOOSELY_ROMANIZED, SYLLABIC
from exonym.text.scripts import detect_script
from exonym.text.tokens import APOSTROPHE, DASH_SET, Words, split, starts_sentence

if TYPE_CHECKING:
    from exonym.gazetteer import Gazetteer

MAX_QUERY_LENGTH = 256
SKELETON_CONFIRM = 78  # rapidfuzz ratio between Latin keys for a skeleton match to stand
SKELETON_CONFIRM_UNCASED = 88  # stricter where capitals give no evidence (Arabic, Georgian)
MIN_MENTION_SCORE = 50
TYPE_GROUPS = {"place": PLACE_TYPES, "places": PLACE_TYPES, "glossary": GLOSSARY_TYPES}

_SETTLEMENT = frozenset({"city", "town", "village"})
# entry id -> (score, hit, name): the best reading of a span by each entry
Readings = dict[str, tuple[float, Hit, Name]]
_ADMIN = frozenset({"first-level-division", "district", "disputed-territory"})


def parse_types(types: Any) -> frozenset[str] | None:
    """None, 'city,town', ['city'], or the groups 'place' / 'glossary' -> a set of entry types."""
    if types is None:
        return None
    items = types.split(",") if isinstance(types, str) else list(types)
    out: set[str] = set()
    for item in items:
        t = str(item).strip()
        if not t:
            continue
        if t in TYPE_GROUPS:
            out |= TYPE_GROUPS[t]
        elif t in ENTRY_TYPES:
            out.add(t)
        else:
            raise InputError(f"unknown type {t!r}; known: {', '.join(ENTRY_TYPES)}, place, glossary", parameter="types")
    return frozenset(out) if out else None


def _stopwords(text_lang: str | None) -> frozenset[str]:
    """Words never read as names at a sentence start: the text's language's, or every
    language's when it is not known."""
    if text_lang is None:
        return languages.all_stopwords()
    found = languages.language(text_lang)
    return found.stopwords if found else frozenset()


def _lang_hint(lang: str | None) -> str | None:
    if lang is None:
        return None
    try:
        return canonical_tag(lang)
    except InvalidLanguageTag as exc:
        raise exc.about("lang") from None


@lru_cache(maxsize=4)
def _matcher(index: Any) -> Matcher:
    return Matcher(index)


def _hit_cache(gaz: Gazetteer) -> Memo:
    """Gate results per surface form, kept by the index's matcher: spans repeat across a text
    and across texts."""
    return _matcher(gaz.index).hit_cache


class _Resolution:
    """One text's spans scored against each other."""

    def __init__(
        self,
        gaz: Gazetteer,
        text: str,
        lang: str | None,
        types: frozenset[str] | None,
        include_adjectives: bool,
        budget: Budget | None = None,
    ) -> None:
        self.gaz = gaz
        self.budget = budget
        self.text = text
        self.lang = lang
        self.types = types
        self.include_adjectives = include_adjectives
        self.ranking_only = False  # lookup: rank by how well the name matches, not by evidence
        self.index = gaz.index
        self.words = split(text)
        self.infos = _matcher(self.index).infos(self.words, False)  # each word's forms and role, without the Turkic hint
        self._forms: list[WordForms] | None = None
        self._lower_words: set[str] | None = None
        self._lower_marked: set[str] | None = None
        sample = [info[0] for info in self.infos[:400]]
        self.text_lang = (
            language_of(lang)
            if lang
            else guess_language([f.fold for f in sample], raw=[f.word for f in sample], calendar=self.index.calendar_languages)
        )

    def plain_forms(self) -> list[WordForms]:
        """The words' forms read without the Turkic hint."""
        if self._forms is None:
            self._forms = [info[0] for info in self.infos]
        return self._forms

    def ancestors(self, entry_id: str) -> frozenset[str]:
        return self.gaz.ancestor_set(entry_id)

    def entry_hits(self, span: Span) -> Readings:
        """Best hit per entry, after the precision gates (cached per surface and setting)."""
        # lookup() scores a different set of hits (fuzzy ones added) by other rules: keep apart.
        key = (
            self.text[span.start : span.end],
            span.first_word_case,
            span.sentence_start,
            self.text_lang,
            self.types,
            self.ranking_only,
            self._hits_key(span.hits),
        )
        return _hit_cache(self.gaz).get_or(key, lambda: self._entry_hits(span))  # type: ignore[no-any-return]

    def _hits_key(self, hits: list[Hit]) -> Any:
        """What tells one span's hits from another's over the same surface. In a text, a span's
        exact hits follow from its surface; fuzzy ones (kept by the matcher) are told by identity.
        A lookup scores several hit lists over one surface (whole, exact only, fuzzy only): by
        content, since its lists are made per call and their ids are reused."""
        if self.ranking_only:
            return tuple((h.name_id, h.method, h.score) for h in hits)
        return id(hits) if hits and hits[0].method == "fuzzy" else 0

    def _entry_hits(self, span: Span) -> Readings:
        surface = unicodedata.normalize("NFC", self.text[span.start : span.end])
        script = detect_script(surface)
        best: Readings = {}
        ix = self.index
        for hit in span.hits:
            entry_id = ix.entry_ids[ix.name_entry[hit.name_id]]
            entry = self.gaz.entries[entry_id]
            name = entry.names[ix.name_pos[hit.name_id]]
            if self.types is not None and entry.type not in self.types:
                continue
            if not self._case_ok(span, surface, name, hit):
                continue
            if entry.type in PLACE_TYPES and not self.ranking_only and self._a_capital_dropped(span, name):
                continue
            if span.first_word_case == "lower" and not self.ranking_only and not self._own_language(name):
                continue  # a lower-case word is a name only in its own language: Turkish bilim is not Belém in Riffian
            if not self.ranking_only and self._is_minor(entry_id) and not self._minor_reading_ok(span, surface, name, hit):
                continue
            if hit.method in ("folded", "inflected") and not self.ranking_only and not self._marks_agree(surface, name):
                continue
            if hit.method in ("folded", "inflected", "transliterated") and _hamza_added(surface, name.text):
                continue  # a hamza is a consonant, not a mark: مرفأ (a port) is not Merefa's مرفا
            if hit.method == "fuzzy" and case_ending(surface) and not self._widely_used(name):
                continue  # a name before a Turkish ending misspelt is one many read: Avrupa'ya is not Maori "Arūpa"
            if self._is_weak(hit) and not self.ranking_only and hit.method == "fuzzy":
                continue  # a misspelling of an import's unlabelled variant is too little: Menschen is not "Muenchen"
            if self._is_weak(hit) and not self.ranking_only and _letter_count(surface) <= 3:
                continue  # an import's unlabelled three-letter variant is too little: "a man called Ben" is not Bern
            if hit.method == "inflected" and not self.ranking_only and not self._declines_here(surface, name):
                continue  # Meloni is not Melo with a Turkish accusative: Italian adds no case ending
            if hit.method == "transliterated" and not self.ranking_only and self._read_across_an_abjad(surface, entry, name):
                continue
            if hit.method == "inflected" and not self.ranking_only and self._article_cut_for_a_foreign_name(surface, name):
                continue
            if hit.method in ("folded", "inflected") and not hit.derived and _adjective_by_its_marks(surface, name.text, self.text_lang):
                hit = Hit(hit.name_id, hit.method, hit.score, True, hit.short)  # Turecká (Turkish), not Turecka (of Turkey)
            confirm = SKELETON_CONFIRM if span.first_word_case != "none" else SKELETON_CONFIRM_UNCASED
            if hit.method == "romanization variant" and fuzz.ratio(latin_key(surface), latin_key(name.text)) < confirm:
                continue  # the skeleton only proposes; the spelling must still be close
            if hit.method in ("romanization variant", "fuzzy") and not self.ranking_only and fold(surface) in self.index.calendar_words:
                continue  # a day or a month is read as written, never as a near spelling (Sunday is not Sendai)
            if (
                hit.method in ("romanization variant", "fuzzy")
                and not self.ranking_only
                and _adjective_of(surface, name.text, self.text_lang)
            ):
                continue  # Armeense, Ázerbájdžánský: an adjective made from the name, not a misspelt place
            if hit.method in _NEAR and not self.ranking_only and self._opens_with_a_small_word(span):
                continue  # "À Paris" is not Zulu "i-Paris" misspelt: a preposition is no part of a name read near
            if (
                hit.method == "romanization variant"
                and not self.ranking_only
                and self._nouns_capitalised()
                and name.script != detect_script(surface)
            ):
                continue  # every German noun is capitalised, and many lie a skeleton away from a transliterated name (Zugang, زیگانگ)
            if span.sentence_start and span.first_word_case == "title" and not self._sentence_start_ok(surface, name, hit, entry_id):
                continue
            value = hit.score
            exact = surface == name.text or (hit.short and (name.text.startswith(surface + " ") or name.text.endswith(" " + surface)))
            if hit.method == "folded" and exact:
                value = METHOD_SCORES["exact"] + (weight("short_form") if hit.short else 0)
                hit = Hit(hit.name_id, "exact", value, hit.derived, hit.short)
            if self._is_weak(hit) and not self.ranking_only:
                value += weight("import_variant")
            if self.text_lang and self.text_lang in _languages_of(name.langs):
                value += weight("own_language")
            elif name.is_adjective:
                value += weight("foreign_adjective")
            old = best.get(entry_id)
            if old is None or value > old[0] or (value == old[0] and name.script == script != old[2].script):
                # (of names read as well, the one in the text's script explains the reading:
                # Latin Astaradakı is Astara's Azerbaijani name declined, not its Arabic one)
                best[entry_id] = (value, hit, name)
        return best

    @staticmethod
    def _read_across_an_abjad(surface: str, entry: Any, name: Name) -> bool:
        """Whether a word in Arabic or Hebrew letters is read through the name of another script
        of an entry that has names in its own: Persian شیرازی (of Shiraz, a surname) reads
        "shirazi" as Georgian შირაზი does, but Shiraz is شیراز in these letters, and a word
        that misses all of an entry's names in its own script is another word."""
        script = detect_script(surface)
        return script in _ABJADS and name.script != script and any(n.script == script for n in entry.names)

    def _article_cut_for_a_foreign_name(self, surface: str, name: Name) -> bool:
        """Whether an Arabic word is read, its article cut off, as another language's name: the
        article takes a name in Arabic, and the rest of التركية, السورية (Turkish, Syrian) spells
        Persian ترکیه and سوریه, Turkey and Syria, by chance."""
        return self.text_lang == "ar" and fold(surface).startswith("ال") and "ar" not in _languages_of(name.langs)

    def _opens_with_a_small_word(self, span: Span) -> bool:
        """Whether a span of several words starts with a function word or a preposition of place."""
        if span.first == span.last:
            return False
        return self._small_word(self.plain_forms()[span.first].fold)

    def _small_word(self, word: str) -> bool:
        """Whether a folded word is a function word of the text's language or a preposition of place."""
        return word in _stopwords(self.text_lang) or word in languages.all_place_prepositions()

    def _marks_agree(self, surface: str, name: Name) -> bool:
        """Whether a word read with its marks folded away may still be the name. A short word
        is not a name met only once an accent is dropped (Ben is not Haitian "Bèn"). And a word
        of the text's own language that writes a marked letter where the name, recorded in that
        language, has another letter is another word: Azerbaijani "Görüşün" (the meeting's) is
        not Gorus, where "Baki" typed without its ı still reads Bakı."""
        word, written = _lower(surface), _lower(name.text)
        if word == written:
            return True
        if _letter_count(surface) <= 3 and not _a_declined_form(surface, name):
            return False
        if self.text_lang is None or self.text_lang not in _languages_of(name.langs):
            return True
        # the name's last letter may change before an ending (Turkish Çorak, Çorağı), or more of
        # them (Polish Gniezno, Gnieźnie): not compared; word by word, each taking its own ending
        # (Zielonej Górze, Zielona Góra)
        cut = languages.stem_end_changes(self.text_lang)
        pairs = zip(word.split(), written.split(), strict=False) if word.count(" ") == written.count(" ") else [(word, written)]
        return not any(a != b and _marked_latin(a) for w, n in pairs for a, b in zip(w, n[:-cut], strict=False))

    def _declines_here(self, surface: str, name: Name) -> bool:
        """Whether a word in Latin letters may carry a case ending here. The endings read off Latin
        words are Turkic and West Slavic ones (Bakıda, Wrocławia) and the German genitive -s
        (Bremens): in a text known to be in another language a word ends so by chance (Meloni is
        not Melo), unless an apostrophe sets the ending off (Bakü'de, Russia's)."""
        if detect_script(surface) != "Latn" or any(c in APOSTROPHES for c in surface):
            return True
        genitive = _lower(surface) == _lower(name.text) + GERMAN_GENITIVE
        if self.text_lang == "de":
            return genitive  # des Inns, Sachsen-Anhalts; German has no other ending
        if genitive:
            return self.text_lang is None  # a bare -s is no Turkic or Slavic case ending
        if self.text_lang in languages.turkic_reading() and " " not in surface:
            # a Turkish or Azerbaijani word takes that family's endings, not a Czech one: Rize
            # opening a Turkish sentence is the town, not Riga's Czech locative (v Rize)
            key = latin_key(name.text)
            return any(latin_key(base) == key for base, _ in turkic.bases(fold(surface)))
        return self.text_lang is None or self.text_lang in languages.latin_case_languages()

    def _own_language(self, name: Name) -> bool:
        """Whether the name is tagged with the text's language (or either is unknown)."""
        return self.text_lang is None or not name.langs or not _languages_of(name.langs).isdisjoint((self.text_lang, "und"))

    def _stranger_short_name(self, span: Span, entry_id: str, name: Name) -> bool:
        """Whether a word of four letters or fewer matches only a name recorded in languages the
        project does not read, none of them the text's: "End" is India in Jola-Fonyi and Wolof,
        and in an English headline it is the verb. Such a reading needs the text's support; so
        does a word of any length read across scripts through such a name (Georgian საათს, an
        hour, is not Chad by Yangben's "Sáat")."""
        surface = self.text[span.start : span.end]
        if span.first != span.last or (_letter_count(surface) > _STRANGER_LETTERS and detect_script(surface) == name.script):
            return False
        return self._stranger_name(entry_id, name)

    def _without_strangers(self, hits: Readings) -> Readings:
        """The readings without those by a spelling that only languages the project does not
        read give their entry, when another entry has the spelling in the text's language:
        "England" in English is England, not Walser's name for the United Kingdom."""
        if len(hits) < 2 or self.text_lang is None:
            return hits
        own = [e for e, (_, h, n) in hits.items() if h.method in _SPELT and self.text_lang in _languages_of(n.langs)]
        if not own:
            return hits
        kept = {e: r for e, r in hits.items() if not self._stranger_name(e, r[2])}
        return kept or hits

    def _stranger_name(self, entry_id: str, name: Name) -> bool:
        """Whether an entry has this spelling only in languages the project does not read, none
        of them the text's."""
        if self.text_lang is None:
            return False
        text_lang = self.text_lang
        spelt = name.text.casefold()

        def compute() -> bool:
            known = languages.languages()
            langs = [lang for n in self.gaz.entries[entry_id].names if n.text.casefold() == spelt for lang in n.langs]
            # (an untagged spelling, und, may be of any language: no stranger)
            return bool(langs) and not any(language_of(lang) in (text_lang, "und") or language_of(lang) in known for lang in langs)

        # a country has hundreds of names: kept per entry, spelling and language
        return bool(_hit_cache(self.gaz).get_or(("stranger", entry_id, spelt, text_lang), compute))

    def _is_weak(self, hit: Hit) -> bool:
        """Whether the hit is by an import's alternate spelling with no stated language (not the
        entry's label): little evidence on its own."""
        return bool(self.index.name_flags[hit.name_id] & WEAK)

    def _is_minor(self, entry_id: str) -> bool:
        """An entry known only from an importer's dataset that is neither a state nor a city of a
        million (see exonym.resolver.index.is_major): a town among tens of thousands."""
        return self.index.entry_flags[self.gaz.index_number(entry_id)] & (IMPORTED | MAJOR) == IMPORTED

    def _widely_used(self, name: Name) -> bool:
        """Whether a name is the text's language's or written so in many languages."""
        return self.text_lang in _languages_of(name.langs) or len(name.langs) >= _SHARED_NAME

    def _minor_reading_ok(self, span: Span, surface: str, name: Name, hit: Hit) -> bool:
        """A minor entry is read from its spelling only: tens of thousands of towns lie within a
        letter or two of common words (Monday, Moanda), so no romanization variant, no fuzzy
        match and no name of another script read in this one (Baku is not Бакъу, Bacău's
        Bulgarian name). (A word of three letters in a script without capitals needs a
        preposition of place: see _minor_supported.) But a long word one slip away from a
        town's name is that name misspelt (Civitavechia): few words lie so near a long name. Its
        full name, in the text's language or in many (Lithuanian "Fiorentinas" is not misspelt in
        "la Fiorentina", the football club), and not with another ending (Fiorentino)."""
        if hit.method == "fuzzy" and span.first == span.last and " " not in name.text:
            word = APOSTROPHE.split(surface)[0] if case_ending(surface) else surface  # Kırkareli'de: Kırkareli
            key, name_key = latin_key(word), latin_key(name.text)
            if _letter_count(word) >= _LONG_TYPO and fuzz.ratio(key, name_key) >= _LONG_TYPO_SCORE and not _another_ending(key, name_key):
                return self._widely_used(name)
        if hit.method in ("romanization variant", "fuzzy"):
            return False
        return not (hit.method == "transliterated" and name.script != detect_script(surface))

    def _a_capital_dropped(self, span: Span, name: Name) -> bool:
        """Whether a later word of the span is in lower case where the place's name, word for
        word, capitalises it: "Минеральная вода" (mineral water) is not Минеральные Воды. A type
        word may drop its capital (Lachin district, Tavush region), and small words the name
        writes in lower case stay so (Rio de Janeiro)."""
        words = self.plain_forms()[span.first + 1 : span.last + 1]
        name_words = name.text.split()
        if not words or len(words) + 1 != len(name_words) or self.text_lang in languages.turkic_reading():
            return False  # (Turkic type words follow the name in their case forms: Ağrı dağına)
        generic = languages.all_generic_terms()
        return any(
            f.case == "lower" and n[:1].isupper() and f.fold not in generic and not _cue_types(f)
            for f, n in zip(words, name_words[1:], strict=True)
        )

    @staticmethod
    def _case_ok(span: Span, surface: str, name: Name, hit: Hit) -> bool:
        """Proper names are capitalised: a lower-case word matches only a name written in lower
        case itself, by spelling (no Nice in "a nice gesture", no Benin in "been", no Togo in
        "того"); a short all-caps word matches only an abbreviation or the same capitals."""
        first = next((c for c in name.text if c.isalpha()), "")
        name_lowercase = bool(first) and first.islower()
        if span.first_word_case == "lower" and (not name_lowercase or hit.method in ("romanization variant", "fuzzy")):
            return False
        letters = _letter_count(surface)
        if name.kind == "abbreviation" and hit.method not in ("folded", "exact", "inflected"):
            return False  # an abbreviation is matched as written, never through another script
        head = _SUFFIX_START.split(surface, maxsplit=1)[0]
        if name.kind == "abbreviation" and name.text.isupper() and _letter_count(head) <= 2 and not head.isupper():
            return False  # two capitals are read only in capitals, whatever ending follows: "Un'..." is not the UN (Nato, Onu may be)
        if span.first_word_case == "none" and letters <= 3 and hit.method not in ("folded", "exact"):
            return False
        if letters <= 3 and span.first_word_case == "upper":
            return name.kind == "abbreviation" or surface == name.text or name.text.isupper()
        # two letters are a name only as written, an abbreviation only in capitals: Spanish "Un" is not the UN
        return not (letters <= 2 and not (surface == name.text or (name.kind == "abbreviation" and surface.isupper())))

    def _proper_noun(self, span: Span, hit: Hit, entry_id: str) -> bool:
        """A capitalised word mid-sentence, or with an apostrophe suffix (Ankara'da), matching a
        large place exactly is evidence enough even through an import's variant; in a script
        without capitals, so is a preposition of place before it (في اللاذقية)."""
        if hit.method not in ("exact", "folded", "inflected"):
            return False
        prior = self.index.priors[self.gaz.index_number(entry_id)]
        if not span.sentence_start and span.first_word_case in ("title", "upper"):
            return bool(prior >= 40)
        # (a preposition before a word is weaker evidence than a capital: a city of some 300,000
        # or more, and not a variant that takes in a type word, مدينة حمص, whose name is حمص)
        return (
            span.first_word_case == "none"
            and prior >= _PLACED_VARIANT_PRIOR
            and (self._after_place_preposition(span) or self._dateline(span))
            and self.plain_forms()[span.first].fold not in languages.all_type_cues()
        )

    def _retry(self, matcher: Matcher, span: Span, turkic: bool) -> list[Span]:
        w = self.words
        first = bisect.bisect_left(w.starts, span.start)
        last = bisect.bisect_right(w.starts, span.end)
        inner = [k for k in range(first, last) if w.ends[k] <= span.end]
        if len(inner) > 1:
            # the span without its last word ("Києві та", read as a whole only by a loose
            # romanization, is Києві), then what follows that reading, or the span without its
            # first word
            out: list[Span] = []
            k = inner[0]
            head_end = w.ends[inner[-2]]
            # (not the first part of a hyphenated word: Сент of Сент-Питерсберге is no town)
            head = (
                []
                if self.text[head_end : head_end + 1] in DASH_SET
                else matcher.spans(self.text[span.start : head_end], turkic_hint=turkic)
            )
            if head and head[0].start == 0:
                s = head[0]
                out.append(
                    Span(s.start + span.start, s.end + span.start, s.hits, s.first_word_case, span.sentence_start, s.first + k, s.last + k)
                )
            after = out[0].end if out else w.ends[inner[0]]
            rest_words = [j for j in inner if w.starts[j] >= after]
            if rest_words:
                k = rest_words[0]
                rest = w.starts[k]
                sub = matcher.spans(self.text[rest : span.end], turkic_hint=turkic)
                out += [Span(s.start + rest, s.end + rest, s.hits, s.first_word_case, False, s.first + k, s.last + k) for s in sub]
            return out
        if len(inner) == 1 and not any(h.method == "fuzzy" for h in span.hits):
            forms = word_forms(w.words[inner[0]], turkic) if turkic else self.plain_forms()[inner[0]]
            if forms.case in ("title", "upper", "none"):
                uncased_ok = forms.case != "none" or len(forms.latin) >= UNCASED_FUZZY_MIN.get(forms.script or "", 99)
                if uncased_ok and len(forms.latin) >= 6 and (not span.sentence_start or forms.case == "none" or len(forms.latin) >= 8):
                    hits = matcher.fuzzy_hits(forms.latin, FUZZY_CUTOFF if forms.case != "none" else FUZZY_CUTOFF_UNCASED)
                    if hits:
                        return [Span(span.start, span.end, hits, span.first_word_case, span.sentence_start, span.first, span.last)]
        return []

    def _sentence_start_ok(self, surface: str, name: Name, hit: Hit, entry_id: str) -> bool:
        """A capitalised first word of a sentence is no evidence of a name ("Man geht ...",
        "Para el Gobierno"): it needs a recorded name of its own language or a widely shared one,
        or the place's label in a text of its country's language, where nouns are written in lower
        case (Hopa, whose name GeoNames tags for English only, opening a Turkish sentence)."""
        if " " in surface or len(surface) >= 8:
            return True
        if self._is_weak(hit) or hit.method in ("romanization variant", "fuzzy"):
            return False
        if fold(surface) in _stopwords(self.text_lang):
            return False
        if self.text_lang is None:
            return True
        if self._widely_used(name):
            return True
        # (not where every noun is capitalised: "Singen ist das Motto" is singing)
        return name.text == self.gaz.entries[entry_id].name and not self._nouns_capitalised() and self._at_home(entry_id)

    def run(self) -> list[Mention]:
        scored = self._contrasted(self._without_persons(self._readings()))
        mentions = self._choose(scored)
        if self.types is None or "organization" in self.types:
            mentions = composer(self.gaz).compose(self.text, self.words, self.plain_forms(), mentions, self.text_lang)
        return mentions

    def _capitalised_throughout(self, span: Span) -> bool:
        """Whether a span of several words has every word after its first capitalised too, in a
        text whose language writes its nouns in lower case (a name, not a capital that opens a
        sentence)."""
        if span.first == span.last or self.text_lang is None or self._nouns_capitalised() or not self._stands_alone(span):
            return False  # (nor a part of a longer capitalised phrase: "La Guardia Civil")
        forms = self.plain_forms()
        if forms[span.first].fold in _stopwords(self.text_lang):
            return False  # an article that opens a sentence: "La Guardia ..."
        return all(forms[k].case in ("title", "upper") for k in range(span.first + 1, span.last + 1))

    def _own_division_cue(self, k: int, scored: list[tuple[Span, Readings]]) -> bool:
        """Whether a word beside span k names a division's type, and not as the end of the
        container named right before it (Գեղարքունիքի մարզի Մարտունի: the province's word)."""
        if not self._type_cue(scored[k][0]) & _PROVINCES:
            return False
        if k == 0:
            return True
        before, span = scored[k - 1][0], scored[k][0]
        return not (not self.text[before.end : span.start].strip() and self._ends_in_division_word(before))

    def _contrasted(self, scored: list[tuple[Span, Readings]]) -> list[tuple[Span, Readings]]:
        """A name the text qualifies only where it comes again is another place where it came
        first: in "un festival à Vienne ... un orchestre venu de Vienne, en Autriche" the first
        Vienne is not Vienna, whose country the writer named to tell the second apart. A
        reading inside a container that qualifies a later span of the same readings, and not
        this one, is dropped when another reading is left."""
        groups: dict[frozenset[str], list[int]] = {}
        for k, (_, hits) in enumerate(scored):
            if len(hits) > 1:
                groups.setdefault(frozenset(hits), []).append(k)
        out = None
        for ks in groups.values():
            if len(ks) < 2:
                continue
            readings = scored[ks[0]][1]
            later: set[str] = set()  # the containers that qualify a span of the group after this one
            for k in reversed(ks):  # (once over the group: a text may repeat a name 20,000 times)
                qualifiers = self._local_context(k, scored)[1]
                others = later - qualifiers
                if others:
                    hits = scored[k][1]
                    kept = {e: r for e, r in hits.items() if others.isdisjoint(self.ancestors(e))}
                    if any(not self._is_weak(h) for _, h, _ in kept.values()) and len(kept) < len(hits):
                        out = out if out is not None else list(scored)
                        out[k] = (scored[k][0], kept)
                # (a later span with a division's type word beside it may be the place's namesake
                # district in the same province: "Kurstadt Baden ... des Bezirks Baden in
                # Niederösterreich"; a town's type word says the same town: "Մարտունի քաղաքում")
                if qualifiers and not self._own_division_cue(k, scored):
                    later |= {c for c in qualifiers if any(c in self.ancestors(e) for e in readings)}
        return out if out is not None else scored

    def _readings(self) -> list[tuple[Span, Readings]]:
        """Every candidate span with the readings that pass the precision gates. A span whose
        readings all fail is retried: its words may hold a shorter or a misspelt name that the
        longest match hid."""
        turkic = self.text_lang in languages.turkic_reading()
        matcher = _matcher(self.index)
        infos = self.infos if not turkic else None
        queue = deque(matcher.spans(self.text, turkic_hint=turkic, words=self.words, infos=infos, budget=self.budget))
        out: list[tuple[Span, Readings]] = []
        seen = 0
        while queue:
            seen += 1
            span = queue.popleft()
            if self.budget is not None and seen % CHECK_EVERY == 0:
                self.budget.reached("reading", span.start, len(self.text))
            hits = self.entry_hits(span)
            if not hits:
                queue.extendleft(reversed(self._retry(matcher, span, turkic)))
                continue
            if span.sentence_start and span.first_word_case == "title":
                surface = self.text[span.start : span.end]
                if self._written_lower(word_forms(surface, False).fold, surface):  # "Split the bill ... split": a common word
                    continue
            if self._bare_type_word(span):
                continue  # in a script without capitals, the word for "city" (مدينة) is not Medina
            if self._quoted_whole(span):
                # «Волгу», «Արարատ» կոնյակ: a place's name in quotation marks of its own is a
                # brand's, a car's, a club's; a place needs no quotes (an organization may have them)
                hits = {e: r for e, r in hits.items() if self.gaz.entries[e].type in _QUOTED_TYPES}
                if not hits:
                    continue
            out.append((span, hits))
        return out

    def _short_uncased(self, span: Span) -> bool:
        """A one-word span of three letters or fewer in a script without capitals."""
        return (
            span.first_word_case == "none" and span.first == span.last and sum(c.isalpha() for c in self.text[span.start : span.end]) <= 3
        )

    def _bare_type_word(self, span: Span) -> bool:
        """A one-word span, in a script without capitals, that is a word for a place's type, as
        it stands or with its article or a clitic off (المدينة is "the city")."""
        if span.first != span.last or span.first_word_case != "none" or span.start != self.words.starts[span.first]:
            return False
        forms, cues = self.plain_forms()[span.first], languages.all_type_cues()
        return forms.fold in cues or any(not derived and base in cues for base, derived in forms.bases)

    @staticmethod
    def _named_by_namesakes(scored: list[tuple[Span, Readings]], named: list[frozenset[str]]) -> dict[int, dict[str, int]]:
        """For each span, how many other spans that read one of its entries name each division
        their readings nest in: the same name again is no support of itself (Batman the film and
        Batman'dan, the city or its province, do not make each other the city). Counted per
        entry, in one pass (a long text repeats a name thousands of times), and for a span read
        as several entries, by the entry most read so."""
        by_entry: dict[str, dict[str, int]] = {}
        for k, certain in enumerate(named):
            for e in scored[k][1] if certain else ():
                counts = by_entry.setdefault(e, {})
                for a in certain:
                    counts[a] = counts.get(a, 0) + 1
        out: dict[int, dict[str, int]] = {}
        if not by_entry:
            return out
        for k, (_, hits) in enumerate(scored):
            found: dict[str, int] = {}
            for e in hits.keys() & by_entry.keys():
                for a, n in by_entry[e].items():
                    found[a] = max(found.get(a, 0), n - (a in named[k]))  # (its own share left out)
            if found:
                out[k] = found
        return out

    def _base(self, entry_id: str, match: float) -> float:
        return score(match, self.index.priors[self.gaz.index_number(entry_id)])

    def _choose(self, scored: list[tuple[Span, Readings]]) -> list[Mention]:
        """One entry per span, from its readings and what the other spans establish."""
        # Anchors are spans with one clear reading; they are the context the others lean on.
        anchors: list[str | None] = []
        leaders: list[str] = []
        # the containers that a span's close readings share when none is clear: Montevideo, the
        # city or its department, is in Uruguay either way
        shared: list[frozenset[str]] = []
        # of those, the ones that are a close reading themselves, inside which the others lie:
        # Kermanshah, the city or its province, names the province either way
        named: list[frozenset[str]] = []
        for span, hits in scored:
            common: frozenset[str] = frozenset()
            if len(hits) == 1:
                leader = next(iter(hits))
                anchor: str | None = leader
            else:
                ranked = sorted((self._base(e, s), e) for e, (s, _, _) in hits.items())[::-1]
                leader = ranked[0][1]
                anchor = leader if ranked[0][0] - ranked[1][0] >= _CLEAR_MARGIN else None
                if anchor is None:
                    close = [e for b, e in ranked if ranked[0][0] - b < _CLEAR_MARGIN]
                    common = frozenset.intersection(*(self.ancestors(e) | {e} for e in close))
                    if self._is_minor(leader):
                        # small places of one spelling say where only when one holds the others,
                        # and then only that one (a chance word read as a town and its province
                        # would put its country in the text)
                        common &= hits.keys()
                        if common and (self._after_article(span) or self._common_word(span)):
                            common = frozenset()  # "mit dem Zug", by train: a noun names no canton
            if (
                (anchor is not None or common)
                and self._is_minor(leader)
                and self._short_uncased(span)
                and not self._after_place_preposition(span)
            ):
                anchor, common = None, frozenset()  # three letters without capitals (خوی, temper, and Khoy) put no country in the text
            anchors.append(anchor)
            leaders.append(leader)
            shared.append(common)
            named.append(common & hits.keys())
        # Counted over the whole text, so that each span can leave itself out in O(1).
        mentioned, contained = self._counts(e for e in anchors if e is not None)
        guessed: dict[str, int] = {}
        for common, certain in zip(shared, named, strict=True):
            for a in common:
                contained[a] = contained.get(a, 0) + 1
                if a not in certain:
                    guessed[a] = guessed.get(a, 0) + 1
        echoed = self._named_by_namesakes(scored, named)
        # (read once: the clear readings they rest on stand for every pass)
        list_kinds = [self._list_types(k, scored, anchors) if len(hits) > 1 else frozenset() for k, (_, hits) in enumerate(scored)]
        mentions: list[Mention] = []
        unread: list[int] = []  # spans no reading of which was good enough (see _second_look)
        unnamed: list[int] = []  # the other spans left unread: read again if the text names one of their readings
        unsure: dict[int, int] = {}  # span -> its mention's place in `mentions`, read with no clear reading
        for k, (span, hits) in enumerate(scored):
            if self.budget is not None and k % CHECK_EVERY == CHECK_EVERY - 1:
                self.budget.reached("choosing", span.start, len(self.text))
            own = anchors[k]
            context = _Context(
                mentioned,
                contained,
                own,
                self.ancestors(own) if own is not None else shared[k],
                self._local_context(k, scored),
                self._type_cue(span),
            )
            context.guessed = guessed
            context.qualifies = self._qualified_before(k, scored)
            context.list_types = list_kinds[k] if own is None else frozenset()
            context.own_guess = shared[k] - named[k] if own is None else frozenset()
            context.echoed = echoed.get(k, {})
            if context.bracket:
                # "Tovuz (known as Tavush in Armenia)": names in apposition are read at one level,
                # two districts or two towns, when they are not one place.
                context.partner_levels = {_level(self.gaz.entries[leaders[j]].type) for j in context.bracket}
            mention = self._mention(span, hits, context)
            if mention is not None:
                found = [self._with_type_word(span, mention, *self._room(scored, k))]
                if own is None and len(hits) > 1:
                    unsure[k] = len(mentions)
            else:
                found = self._inner_mentions(span, self._room(scored, k)[1], mentioned, contained)
                if not found and ((span.sentence_start and self._opens_quote(span)) or self._listed(k, scored)):
                    unread.append(k)
                elif not found:
                    unnamed.append(k)
            for m in found:
                mentions.append(m)
                if self.budget is not None:
                    self.budget.add_mentions()
                    if len(mentions) % CHECK_EVERY == 0:
                        self.budget.check()
        first = _FirstPass(mentioned, contained, guessed, shared)
        first.list_kinds = list_kinds
        first.echoes = self._echoes(scored, unnamed, mentions)
        return self._second_look(scored, sorted({*unread, *first.echoes}), unsure, mentions, anchors, leaders, first)

    def _second_look(
        self,
        scored: list[tuple[Span, Readings]],
        unread: list[int],
        unsure: dict[int, int],
        mentions: list[Mention],
        anchors: list[str | None],
        leaders: list[str],
        first: _FirstPass,
    ) -> list[Mention]:
        """Two kinds of span read again with everything the text was found to mention, where
        that is more than its clear readings (the anchors) showed: `unsure`, the spans read with
        no clear reading (Córdoba beside Sevilla), and `unread`, the spans that open a quotation
        and no reading of which was good enough. In "ROMA — ... «Napoli avrà ...»" the dateline
        is read as Rome only once its readings are weighed, and Rome puts Naples in a country the
        text names. Unread spans only there: a quotation's first word is capitalised whatever it
        is, so it needs the text's support, and a place that opens a quoted remark is that
        support's common case; so is an item of a list ("Bitlis ve Muş'ta ...", "بدهوك
        والسليمانية"), whose neighbour's reading is that support. Elsewhere at a sentence's start
        the same support lifts common words ("Mobile phone footage ..." in a text on Florida).
        `unread` also holds the echoes (see _echoes), read again as themselves, not as a list's
        items or a quotation's first words."""
        found = [m.entry.id for m in mentions]
        partners = self._list_partner_countries(scored, [k for k in unread if k not in first.echoes])
        # (an unread span is read again whatever was found: it is read as a quotation's or a list's
        # first word this time, which the first reading did not know)
        if not (unread or unsure) or (not unread and not set(found) - {a for a in anchors if a is not None} and not partners):
            return mentions
        mentioned, contained = self._counts(found)
        # A span read one way among several, no reading clear on its own, is read again with the
        # same fuller context, its own first reading left out of it: "Sevilla, Córdoba y Granada"
        # are Spain's once Seville is read, not Argentina's Córdoba and the island of Grenada.
        for k, at in unsure.items():
            span, hits = scored[k]
            own = mentions[at].entry.id
            if first.reads_alike(k, hits, own, mentioned, contained, self.ancestors):
                continue  # nothing the span's readings lean on has changed: the same reading
            context = _Context(mentioned, contained, own, self.ancestors(own), self._local_context(k, scored), self._type_cue(span))
            if context.bracket or context.same:
                continue  # a name in apposition is read with its partner, which is no container of it
            context.qualifies = self._qualified_before(k, scored)
            context.list_types = first.list_kinds[k]
            mention = self._mention(span, hits, context)
            if mention is not None and mention.entry.id != own:
                mentions[at] = self._with_type_word(span, mention, *self._room(scored, k))
        more = []
        for n, k in enumerate(unread):
            span, hits = scored[k]
            if self.budget is not None and n % CHECK_EVERY == CHECK_EVERY - 1:
                self.budget.reached("choosing", span.start, len(self.text))
            around = contained
            if k in partners:
                # items of one list, none read yet, whose readings lie in one country support
                # each other ("ტრაბზონიდან და რიზედან": from Trabzon and Rize)
                around = dict(contained)
                for country in partners[k]:
                    around[country] = around.get(country, 0) + 1
            context = _Context(mentioned, around, None, frozenset(), self._local_context(k, scored), self._type_cue(span))
            context.partner_levels = {_level(self.gaz.entries[leaders[j]].type) for j in context.bracket}
            context.opens_remark_or_list = k not in first.echoes
            context.qualifies = self._qualified_before(k, scored)
            context.list_types = first.list_kinds[k]
            mention = self._mention(span, hits, context)
            if mention is not None:
                more.append(self._with_type_word(span, mention, *self._room(scored, k)))
                if self.budget is not None:
                    self.budget.add_mentions()
                    if len(more) % CHECK_EVERY == 0:
                        self.budget.check()
        return sorted(mentions + more, key=lambda m: m.start) if more else mentions

    def _echoes(self, scored: list[tuple[Span, Readings]], unnamed: list[int], mentions: list[Mention]) -> set[int]:
        """The spans left unread that repeat, word for word, a name the text was read to give a
        place to: it means that place again (BRAGA in a dateline, then "a câmara de Braga"), and
        they are read again with what was found. Not at a sentence's start nor after an article,
        where a word is as often the common word the name was taken from ("Rugby clubs ... in
        Rugby", "Der Zug nach Zug")."""
        named: dict[str, set[str]] = {}
        for m in mentions:
            named.setdefault(fold(m.text), set()).add(m.entry.id)
        # so are the spans one of whose readings lies in a province or district that a place
        # read lies in, by a name spelt as recorded ("в Джермуке ... в Егегнадзоре": both towns
        # of Vayots Dzor, the second by a variant that needs the text's support)
        # (another place's: a name does not lean on itself read elsewhere, Batman the film on
        # Batman'dan, the city)
        entries = self.gaz.entries
        regions: dict[str, set[str]] = {}
        for m in mentions:
            for a in (m.entry.id, *self.ancestors(m.entry.id)):
                if a in entries and entries[a].type in _PROVINCES:
                    regions.setdefault(a, set()).add(m.entry.id)

        def in_a_region_read(readings: Readings) -> bool:
            return any(
                h.method in _SPELT and any(a in regions and not regions[a] <= readings.keys() for a in self.ancestors(e))
                for e, (_, h, _) in readings.items()
            )

        return {
            k
            for k in unnamed
            if (
                not named.get(fold(self.text[scored[k][0].start : scored[k][0].end]), set()).isdisjoint(scored[k][1])
                or in_a_region_read(scored[k][1])
            )
            and not scored[k][0].sentence_start
            and not self._after_article(scored[k][0])
        }

    def _counts(self, entry_ids: Iterable[str]) -> tuple[dict[str, int], dict[str, int]]:
        """How often each entry is read, and how often each is an ancestor of one read."""
        mentioned: dict[str, int] = {}
        contained: dict[str, int] = {}
        for e in entry_ids:
            mentioned[e] = mentioned.get(e, 0) + 1
            for a in self.ancestors(e):
                contained[a] = contained.get(a, 0) + 1
        return mentioned, contained

    def _room(self, scored: list[tuple[Span, Readings]], k: int) -> tuple[int, int]:
        """Where span k's mention may reach: from the previous span's end to the next's start."""
        return (scored[k - 1][0].end if k else 0), (scored[k + 1][0].start if k + 1 < len(scored) else len(self.text))

    def _quoted_whole(self, span: Span) -> bool:
        """Whether the span fills a pair of quotation marks by itself: «Волгу», „Brno“, "Ararat"."""
        if span.start == 0 or span.end >= len(self.text):
            return False
        closing = _QUOTE_PAIRS.get(self.text[span.start - 1])
        return closing is not None and self.text[span.end] in closing

    def _list_partner_countries(self, scored: list[tuple[Span, Readings]], unread: list[int]) -> dict[int, set[str]]:
        """For each unread span, the countries its readings share with an unread neighbour it is
        listed with."""
        waiting = set(unread)
        out: dict[int, set[str]] = {}
        for k in unread:
            if k + 1 not in waiting or not self._joined(scored[k][0], scored[k + 1][0]):
                continue
            here, there = (self._countries(scored[j][1]) for j in (k, k + 1))
            if here & there:
                out.setdefault(k, set()).update(here & there)
                out.setdefault(k + 1, set()).update(here & there)
        return out

    def _countries(self, readings: Readings) -> set[str]:
        return {a for e in readings for a in self.ancestors(e) if a in self.gaz.entries and self.gaz.entries[a].type == "country"}

    def _joined(self, first: Span, second: Span) -> bool:
        """Whether two names stand as items of one list: a comma or one function word of the
        text's language between them, or the conjunction Arabic writes into the second."""
        return self._joined_by(first, second, _stopwords(self.text_lang))

    def _list_types(self, k: int, scored: list[tuple[Span, Readings]], anchors: list[str | None]) -> frozenset[str]:
        """The one kind of place (settlement, first-level division, district, country) that the
        clearly read items of span k's list are, if they are all one: "Minas Gerais, Goiás e
        Bahia" lists states, "Viña del Mar, Valparaíso y Quilpué" towns."""
        kinds: set[str] = set()
        for step in (-1, 1):
            j = k
            while (
                abs(j - k) < _LIST_REACH
                and 0 <= j + step < len(scored)
                and self._items_of_a_list(*(scored[i][0] for i in sorted((j, j + step))))
            ):
                j += step
                anchor = anchors[j]
                if anchor is not None:
                    kinds.add(_list_kind(self.gaz.entries[anchor].type))
        return frozenset(kinds) if len(kinds) == 1 else frozenset()

    def _items_of_a_list(self, first: Span, second: Span) -> bool:
        """Whether two names are items of one list by what joins them: a comma, a word for "and"
        or "or" of the text's language, or the conjunction Arabic writes into the second (not any
        function word, as _joined takes: "قالت سارة إن جدة", Sara said that a grandmother)."""
        return self._joined_by(first, second, languages.and_words(self.text_lang))

    def _joined_by(self, first: Span, second: Span, joining: frozenset[str]) -> bool:
        """Whether a comma, one of the `joining` words or the conjunction Arabic writes into the
        second name stands between two names."""
        gap = self.text[first.end : second.start]
        if gap.strip() == "," or (gap == " " and self.text[second.start] == _ARABIC_AND):
            return True
        words = gap.split()
        return len(words) == 1 and gap.startswith(" ") and gap.endswith(" ") and fold(words[0]) in joining

    def _listed(self, k: int, scored: list[tuple[Span, Readings]]) -> bool:
        """Whether span k is an item of a list with a neighbouring name ("Bitlis ve Muş'ta",
        "Leeds, York and Hull", "بدهوك والسليمانية"): see _joined."""
        return (k > 0 and self._joined(scored[k - 1][0], scored[k][0])) or (
            k + 1 < len(scored) and self._joined(scored[k][0], scored[k + 1][0])
        )

    def _opens_quote(self, span: Span) -> bool:
        """Whether an opening quotation mark stands right before the span («Napoli, „Brno), or
        the dash that opens a line of dialogue in Spanish, Portuguese or Russian (—Calahorra
        necesita ...)."""
        before = self.text[max(0, span.start - 2) : span.start].rstrip()
        if not before:
            return False
        if before[-1] in _DIALOGUE_DASHES:
            line_start = self.text.rfind("\n", 0, span.start) + 1
            return not self.text[line_start : span.start].strip()[:-1]
        return before[-1] in _OPENING_QUOTES

    def _with_type_word(self, span: Span, mention: Mention, floor: int, limit: int) -> Mention:
        """A division's mention takes in the word beside it that names its type ("Tovuz
        bölgesindeki", "Քարվաճառի շրջանը", "مقاطعة كلبجار"): a division's name is its name with
        its generic term, as "Tovuz District" is, whatever the language has made of that term."""
        entry_type = mention.entry.type
        if entry_type == "physical-feature":
            return self._with_feature_word(span, mention, floor, limit)
        if entry_type not in ("district", "first-level-division", "city", "town"):
            return mention
        # a town before a district's type word stands for the district it heads, which the
        # gazetteer does not have apart from it ("Kuşadası ilçesinde")
        named = "district" if entry_type in ("city", "town") else entry_type
        w, forms = self.words, self.plain_forms()
        before = span.first - 1
        end = self._type_word_after(span, limit, frozenset({named}))
        if end is not None:
            return replace(mention, end=end, text=self.text[mention.start : end])
        # A type word before the name is its head only in Arabic and Persian (مقاطعة كلبجار, استان
        # تهران, as one name); "Bezirk Tovuz", "région Occitanie" read as the name in apposition.
        arabic = detect_script(mention.text) == "Arab"
        if (
            arabic
            and named == entry_type
            and before >= 0
            and w.starts[before] >= floor
            and span.start == w.starts[span.first]
            and self.text[w.ends[before] : span.start] == " "
            and entry_type in _divisions_called_districts(_cue_types(forms[before]), {entry_type})
        ):
            return replace(mention, start=w.starts[before], text=self.text[w.starts[before] : mention.end])
        return mention

    def _type_word_after(self, span: Span, limit: int, types: frozenset[str]) -> int | None:
        """The end of the word right after the span (one space between, ending by `limit`) when
        it names all of `types`, else None."""
        w, after = self.words, span.last + 1
        if (
            after < len(w)
            and w.ends[after] <= limit
            and self.text[span.end : w.starts[after]] == " "
            and types <= self._own_cue_types(self.plain_forms()[after])
        ):
            return w.ends[after]
        return None

    def _with_feature_word(self, span: Span, mention: Mention, floor: int, limit: int) -> Mention:
        """A river's, lake's or sea's mention takes in the word after it that names its kind
        ("Aras Nehri'nin", "Litani River", "Samur çayının"), in Arabic and Persian the one before
        it as well (نهر الفرات, as a division's type word there), and leaves out one before it that
        a source wrote into the name elsewhere ("fleuve Saint-Laurent", "rio Amazonas" read as
        "Saint-Laurent", "Amazonas"), as a division's type word before it is left out in those
        languages."""
        w, forms = self.words, self.plain_forms()
        feature = CUE_TYPES["feature"]
        first = span.first
        end = self._type_word_after(span, limit, feature)
        if end is not None:
            return replace(mention, end=end, text=self.text[mention.start : end])
        before = first - 1
        if (
            detect_script(mention.text) in _ABJADS
            and before >= 0
            and w.starts[before] >= floor
            and mention.start == w.starts[first]
            and self.text[w.ends[before] : mention.start] == " "
            and feature <= _cue_types(forms[before])
        ):
            return replace(mention, start=w.starts[before], text=self.text[w.starts[before] : mention.end])
        if (
            first < span.last
            and mention.start == w.starts[first]
            and w.words[first][:1].islower()
            and feature <= _cue_types(forms[first])
            and detect_script(mention.text) not in _ABJADS
        ):
            start = w.starts[first + 1]
            return replace(mention, start=start, text=self.text[start : mention.end])
        return mention

    def _inner_mentions(self, span: Span, limit: int, mentioned: dict[str, int], contained: dict[str, int]) -> list[Mention]:
        """When no reading of a span stands ("Şuşa şəhəri" read as a division the text gives no
        support for, "La Guardia Civil" read as La Guardia), the names the longest match hid are
        read on their own: those in its words but the last, then those that start at a later word
        of it and may run on to `limit` (the next span's start)."""
        if span.first == span.last:
            return []
        w = self.words
        candidates = self._found_between(w.starts[span.first], w.ends[span.last - 1], span.first, span.sentence_start)
        candidates += [s for s in self._found_between(w.starts[span.first + 1], limit, span.first + 1, False) if s.start < span.end]
        out: list[Mention] = []
        queue = deque(candidates)
        while queue:
            inner = queue.popleft()
            if (out and inner.start < out[-1].end) or self._bare_type_word(inner):
                continue  # (مدينة, "city", left alone when "مدينة حمص" is not read whole)
            hits = self.entry_hits(inner)
            mention = None
            if hits:
                context = _Context(mentioned, contained, None, frozenset(), (set(), set(), set()), self._type_cue(inner))
                mention = self._mention(inner, hits, context)
            if mention is not None:
                out.append(mention)
            elif inner.first != inner.last:
                queue.extendleft(reversed(self._found_between(inner.start, w.ends[inner.last - 1], inner.first, inner.sentence_start)))
        return out

    def _found_between(self, start: int, end: int, first_word: int, sentence_start: bool) -> list[Span]:
        """The matcher's spans in text[start:end], placed in the whole text (word `first_word`
        begins at `start`)."""
        if end <= start:
            return []
        turkic = self.text_lang in languages.turkic_reading()
        found = _matcher(self.index).spans(self.text[start:end], turkic_hint=turkic)
        k = first_word
        return [
            Span(s.start + start, s.end + start, s.hits, s.first_word_case, sentence_start and s.start == 0, s.first + k, s.last + k)
            for s in found
        ]

    def _mention(self, span: Span, hits: Readings, context: _Context) -> Mention | None:
        """The best-supported reading of a span, or None when none is good enough."""
        if context.cue:
            hits = self._with_cued_namesakes(hits, context.cue)
            context.cue = _divisions_called_districts(context.cue, {self.gaz.entries[e].type for e in hits})
        if not context.cue & _PROVINCES:
            hits = self._with_namesake_towns(hits)
        hits = self._without_strangers(hits)
        results = []
        # A name recorded in a language outranks an import's unlabelled variant of another entry
        # (Mosel: the river's German name, and a variant of Mosul's): the variant needs context.
        # (a division's name cut from its type word attests nothing: محافظة اللاذقية cut to
        # اللاذقية is no better than the city's own untagged name)
        attested = any(not self._is_weak(h) and h.method in _SPELT and not h.short for _, h, _ in hits.values())
        # A minor town sharing its spelling with a major entry (a river, a state, a city of a
        # million) needs a word beside it to be read: "The Samur marks the border" is the river.
        # (of the same spelling: a major entry's name in another script, read across, is no rival)
        script = detect_script(self.text[span.start : span.end])
        rivals = self._major_spellings(hits, script)
        feature_named = context.cue == _FEATURE_CUE and self._feature_word_beside(span)
        for entry_id, (s, hit, name) in hits.items():
            if (
                hit.method == "fuzzy"
                and self.gaz.entries[entry_id].type == "organization"
                and _head_cut(self.text[span.start : span.end], name.text)
            ):
                continue
            if feature_named and self.gaz.entries[entry_id].type != "physical-feature":
                continue  # "Van Gölü", "озеро Севан": a lake's name, not the town's
            minor = self._is_minor(entry_id)
            major_rival = minor and self._has_major_rival(entry_id, rivals)
            if major_rival and not self._minor_supported(span, entry_id, 0.0, context, major_rival=True):
                continue  # (against a major rival the bonus plays no part: settled before weighing it)
            bonus, why = self._evidence(entry_id, context, self._is_weak(hit))
            if attested and self._is_weak(hit) and not bonus:
                continue
            if (
                minor
                and not major_rival
                and not self._minor_supported(span, entry_id, bonus, context, declined=_declined(hit), across=name.script != script)
            ):
                continue
            if not bonus and self._stranger_short_name(span, entry_id, name):
                continue
            if minor and self._reads_as_a_word(span, hit, name) and not self._placed_here(span, entry_id, context):
                continue
            if minor and self._a_facility_head(span):
                continue  # "Baku Airport": the airport's head word, not a town called Airport
            if hit.method == "inflected" and self._unmarked_turkish_ending(span, hit, entry_id):
                continue
            if minor and hit.method == "inflected" and self._in_plural(span, name):
                continue
            if minor and self._named_by_a_direction(entry_id) and not self._beside_its_type_or_container(span, entry_id, context):
                continue  # "the south", الجنوب, Zuid: Lebanon's South Governorate only as such
            if hit.short and minor and not bonus:
                continue  # an imported division's name without its type word needs the text's support: جنوب (south) is not Cameroon's South Province
            if self._is_weak(hit):
                if not bonus and not self._proper_noun(span, hit, entry_id):
                    continue  # an import's variant with no language needs context
                if context.parent.isdisjoint(self.ancestors(entry_id)):
                    bonus *= _IMPORT_VARIANT_CONTEXT  # (a container named beside it counts in full: "ad Alessandria, in Egitto")
            results.append((self._base(entry_id, s) + bonus, entry_id, hit, name, why))
        marked = self._marks_kept(span, results)
        if marked:
            # Laçin'de: the Turkish name spelt with its ç, not Kabyle "Lacin" (China) met only
            # once the cedilla is folded away; a reading the text supports still stands
            results = [r for r in results if r[1] in marked or r[4]]
        if any(r[2].method in _SPELT and r[3].script == script for r in results):
            # a name in the text's own script beats a reading through another script's letters
            # that nothing in the text supports: Armenian Թալինում is Talin (Թալին), not Tallinn's
            # Latin "Talin" read across scripts
            results = [r for r in results if r[3].script == script or r[4]]
        if script in _ABJADS and span.first == span.last:
            # Arabic and Hebrew letters leave most vowels out: a consonant more or less is another
            # word (کامیون, a truck, is one letter from کامیرون, Cameroon), so a near spelling of
            # one word there needs the text's support, unless only vowel letters differ
            # (أرمنيا for أرمينيا, ارمنستن for ارمنستان)
            surface = _consonants(self.text[span.start : span.end])
            results = [r for r in results if r[2].method not in _NEAR or r[4] or _consonants(r[3].text) == surface]
        if attested or any(r[2].method in _SPELT for r in results):
            # a name read as it is spelt beats another entry's near spelling that nothing in the
            # text supports, whatever their priors: Lachín is Lachin, not China's Kabyle "Lacin";
            # so does a town's name whose reading the text does not support (ATLANTA is not the
            # Atlas mountains' "Atlante" when Atlanta has no support)
            results = [r for r in results if r[2].method not in _NEAR or r[4]]
        if self.text_lang is not None and any(r[2].method == "exact" and self._own_language(r[3]) for r in results):
            # a name of the text's language as written beats another language's name met only once
            # folded, unless the text supports it: Arabic مراكش is Marrakesh, not Persian مراکش
            # (Morocco), whose kaf folds into the Arabic one
            results = [r for r in results if r[2].method != "folded" or self._own_language(r[3]) or r[4]]
        if self.text_lang is not None and any(
            r[2].method == "exact" and self._own_language(r[3]) and not self._is_weak(r[2]) for r in results
        ):
            # so does it beat another language's name as written, of a name few languages share,
            # unless the text supports it or it is the entry's label (the tags of an import's name
            # are often short of languages): Polish "Dunaj" is the Danube, not Vienna's Slovene name
            results = [
                r
                for r in results
                if r[2].method != "exact"
                or self._own_language(r[3])
                or self._widely_used(r[3])
                or r[4]
                or r[3].text == self.gaz.entries[r[1]].name
            ]
        if self.text_lang is not None and any(r[2].method == "inflected" and self._own_language(r[3]) for r in results):
            # a case ending of the text's language declines that language's names: Czech "Dunaji"
            # is the Danube's Czech Dunaj, not Vienna's Slovene one; Polish "Koła" is Koło, not an
            # Uzbek name of a Sudanese state (unless the text supports the other reading)
            results = [r for r in results if r[2].method != "inflected" or self._own_language(r[3]) or r[4]]
        if any(r[2].derived for r in results) and any(
            not r[2].derived and not r[3].is_adjective and r[2].method in _SPELT for r in results
        ):
            # a case form of a name beats an adjective of a shorter one: Покровськом is Pokrovsk's
            # instrumental, not an adjective of Pokrov's
            results = [r for r in results if not r[2].derived]
        qualified = False
        if len(results) > 1 and context.qualifies:
            # a name that qualifies the one before it is its container: "León, en Guanajuato" is
            # the state, "Athens, Georgia" the US state
            # (a town filed under its country alone may lie in any of its states, not in any of
            # its districts: "Sheki, Gabala and Ismailly" is a list of towns)
            containers = [
                r
                for r in results
                if any(
                    r[1] in self.ancestors(e)
                    or (self.gaz.entries[r[1]].type == "first-level-division" and self._in_country_division(r[1], e))
                    for e in context.qualifies
                )
            ]
            qualified = bool(containers)
            results = containers or results
        if len(results) > 1 and context.list_types and not context.cue and not qualified:
            # an item of a list is the kind of place its clearly read items are
            alike = [r for r in results if _list_kind(self.gaz.entries[r[1]].type) in context.list_types]
            results = alike or results
        if len(results) > 1 and not context.cue & _PROVINCES and not qualified:
            results = self._towns_before_their_divisions(results)
        if len(results) > 1 and self._after_article(span) and any(self.gaz.entries[r[1]].type not in _SETTLEMENTS for r in results):
            # a town's name takes no article, a region's may: "les autorités du Québec"
            results = [r for r in results if self.gaz.entries[r[1]].type not in _SETTLEMENTS]
        if not results:
            return None
        if len(results) > 1:
            # between namesakes, the one in a country whose language the text is written in
            # (Paraná in Portuguese is Brazil's state; Ede in Dutch the Dutch town)
            results = [
                (r[0] + _HOME_LANGUAGE, r[1], r[2], r[3], [*r[4], _HOME_REASON]) if r[2].method in _SPELT and self._at_home(r[1]) else r
                for r in results
            ]
            results.sort(key=lambda r: (-r[0], r[1]))
        best, entry_id, hit, name, why = results[0]
        if best < _MIN_MENTION:
            return None
        # a name that is itself an adjective in form (Хмельницький, Кропивницький) declines as one:
        # its case forms are the place, not an adjective made from it
        is_adjective = name.is_adjective or (hit.derived and not _adjectival_name(name.text))
        if is_adjective and hit.derived and self.gaz.entries[entry_id].type in context.cue:
            # an adjective made from a division's name before a word for its type is the division
            # named: Армавірської області, the Armavir oblast's
            is_adjective = False
        if is_adjective and not self.include_adjectives:
            return None
        lifted = (
            any(w != _HOME_REASON for w in why) and len(results) > 1 and results[1][0] > self._base(entry_id, hit.score) - _CONTEXT_MARGIN
        )
        entries = self.gaz.entries
        positions = self.index.name_pos
        start = self._name_start(span, entry_id)
        return Mention(
            start,
            span.end,
            self.text[start : span.end],
            entries[entry_id],
            round(min(100.0, best), 1),
            "context" if lifted else hit.method,
            name,
            tuple(Candidate(entries[e], round(min(100.0, sc), 1), n, h.method, positions[h.name_id]) for sc, e, h, n, _ in results[1:6])
            if len(results) > 1
            else (),
            is_adjective,
            tuple(why),
            hit.method,
            hit.short,
            positions[hit.name_id],
        )

    def _name_start(self, span: Span, entry_id: str) -> int:
        """Where the mention of a division begins: after a type word that precedes its name, with
        its of-word ("Kanton Glarus", "wilaya de Tlemcen", "provincia di Kotayk" mention Glarus,
        Tlemcen, Kotayk; a type word that follows stays in: "Tovuz rayonu"), the span convention
        of the evaluation sets. Only when the rest is itself a name of that division, not when a
        capital the language gives no common noun makes the type word part of the name (Región de
        Murcia), and not in Arabic letters, where it is written as part of the name (استان اردبیل)."""
        entry_type = self.gaz.entries[entry_id].type
        if span.last <= span.first or entry_type not in ("first-level-division", "district"):
            return span.start
        forms = self.plain_forms()
        k = span.first
        if forms[k].script == "Arab" or entry_type not in languages.all_type_cues().get(forms[k].fold, ()):
            return span.start
        if forms[k].case != "lower" and not self._nouns_capitalised():
            return span.start  # a capital makes the type word the name's own: Región de Murcia
        k += 1
        if k < span.last and forms[k].fold in languages.all_of_words():
            k += 1
        ix = self.index
        hits = _matcher(ix).sequence_hits(forms[k : span.last + 1])
        if any(ix.entry_ids[ix.name_entry[h.name_id]] == entry_id for h in hits):
            return self.words.starts[k]
        return span.start

    def _major_spellings(self, hits: Readings, script: str) -> set[str]:
        """The major entries (states, cities of a million, curated places) a span spells as
        written, in its own script. (A division named like its town is no rival of it, see
        _towns_before_their_divisions; nor is an adjective of a shorter name: Курска is Kursk's
        genitive, not Кура's adjective.)"""
        return {
            e
            for e, (_, h, n) in hits.items()
            if h.method in _SPELT and not h.derived and not self._is_weak(h) and not self._is_minor(e) and n.script == script
        }

    def _has_major_rival(self, entry_id: str, rivals: set[str]) -> bool:
        """Whether a minor entry shares its spelling with a major one that does not contain it."""
        return any(r not in self.ancestors(entry_id) and not self._in_country_division(r, entry_id) for r in rivals)

    def _towns_before_their_divisions(self, results: list[Any]) -> list[Any]:
        """Without a word for its type, a name that a division shares with a town inside it is
        the town (Derna, Nabatieh, Latakia: news names the governorate with its word), however
        the sources tag the two names' languages; the division keeps what it alone is given
        (named in apposition at a district's level: "Tovuz (known as Tavush in Armenia)";
        containing places the text names)."""
        entries = self.gaz.entries
        # a town by a name recorded in some language (not an import's untagged variant: Bihar
        # Sharif's "Bihar" is the state's name, given to the town by the import), or by any name
        # when the division is read by its name cut of its type word (اللاذقية, a variant of
        # Latakia's, is محافظة اللاذقية without محافظة; or a big city by any name: Alessandria,
        # Alexandria's untagged Italian name, is the city, not the governorate Natural Earth
        # names so in Italian)
        towns = {r[1]: (set(r[4]), self._is_weak(r[2])) for r in results if entries[r[1]].type in _SETTLEMENTS and r[2].method in _SPELT}
        if not towns:
            return results

        def yields(r: Any) -> bool:
            # (the places the text names around the division are around its town too)
            division, why = r[1], {w for w in r[4] if not w.endswith(_CONTAINED_REASON)}
            return (
                entries[division].type in _PROVINCES
                and r[2].method in _SPELT
                and any(
                    (self._heads(division, t) or self._namesake_sibling(division, t))
                    and why <= town_why
                    and (r[2].short or not weak or not self._is_minor(t))
                    for t, (town_why, weak) in towns.items()
                )
            )

        return [r for r in results if not yields(r)]

    def _heads(self, division: str, town: str) -> bool:
        """Whether a town (not a village: Syunik village is no seat of Syunik Province) lies in
        the division, or may lie in it (see _in_country_division)."""
        return self.gaz.entries[town].type in ("city", "town") and (
            division in self.ancestors(town) or self._in_country_division(division, town)
        )

    def _at_home(self, entry_id: str) -> bool:
        """Whether the text's language is an official language of a country the entry lies in."""
        if self.text_lang is None or self.text_lang in _LINGUA_FRANCA:
            return False
        entries = self.gaz.entries
        for a in (entry_id, *self.ancestors(entry_id)):
            found = entries.get(a)
            code = found.ids.get("iso3166") if found is not None and found.type == "country" else None
            if isinstance(code, str) and self.text_lang in _official_languages(code):
                return True
        return False

    def _namesake_sibling(self, division: str, town: str) -> bool:
        """Whether a division bears a town's name beside it, under the same parent (a Georgian
        municipality and its town, both filed under their region): the division the town heads.
        (Labels romanized apart count: Qvareli Municipality, Kvareli.)"""
        entries = self.gaz.entries
        d, t = entries[division], entries[town]
        return bool(set(d.parents or ()) & set(t.parents or ())) and _same_label(_label_core(d.name), _label_core(t.name))

    def _in_country_division(self, division: str, town: str) -> bool:
        """Whether a town filed under its country alone (the world's capitals and big cities:
        Kharkiv, Mérida in Mexico) may lie in a first-level division of that country: the
        gazetteer does not say which, so any of them is taken to be possible."""
        entries = self.gaz.entries
        found = entries.get(division)
        parents = entries[town].parents or ()
        if found is None or found.type not in _PROVINCES or not parents or entries[town].type not in _SETTLEMENTS:
            return False
        return all(p in entries and entries[p].type == "country" for p in parents) and bool(set(found.parents or ()) & set(parents))

    def _with_namesake_towns(self, hits: Readings) -> Readings:
        """Readings with, beside a division read by its bare name, the town inside it of the same
        name that the sources spell otherwise: Czech "Mykolajivu" matches only the oblast's
        short name, yet hospitals "v Mykolajivu" are in the city (which _towns_before_their_divisions
        then prefers, without a word for the division's type). The town is read by the
        division's match."""
        entries, added = self.gaz.entries, {}
        for entry_id, (value, hit, name) in hits.items():
            if entries[entry_id].type not in _PROVINCES:
                continue
            towns = _hit_cache(self.gaz).get_or(
                ("namesake towns", entry_id, name.text), lambda e=entry_id, n=name.text: self._namesake_towns(e, n)
            )
            for town_id in towns:
                reading = None if town_id in hits else self._reading_by_label(town_id, hit, False)
                if reading is not None:
                    added[town_id] = (value, *reading)
        return {**hits, **added} if added else hits

    def _namesake_towns(self, division: str, name: str) -> tuple[str, ...]:
        """The towns in a division whose label this name of the division spells, romanized apart
        maybe (Mykolajiv, Mykolayiv); not by a region's own name (Львівщина is Lviv Oblast, not
        Lviv), nor a label with a type word (Texas City), nor a division's name with its own."""
        if _label_core(name) != fold(name):
            return ()
        key, entries = latin_key(name), self.gaz.entries
        return tuple(
            t
            for t in self.gaz.children(division)
            if entries[t].type in ("city", "town")
            and _label_core(entries[t].name) == fold(entries[t].name)
            and _same_label(latin_key(entries[t].name), key)
        )

    def _reading_by_label(self, entry_id: str, hit: Hit, short: bool) -> tuple[Hit, Name] | None:
        """A reading of an entry by its label, with another reading's match (see
        _with_cued_namesakes); `short`: a division's label read without its type word."""
        ix, entry = self.index, self.gaz.entries[entry_id]
        number = self.gaz.index_number(entry_id)
        pos = next((k for k, n in enumerate(entry.names) if n.text == entry.name), 0)
        name_id = bisect.bisect_left(ix.name_entry, number) + pos  # an entry's names are numbered in a row
        if name_id < len(ix.name_entry) and ix.name_entry[name_id] == number and ix.name_pos[name_id] == pos:
            return Hit(name_id, hit.method, hit.score, hit.derived, short), entry.names[pos]
        return None

    def _with_cued_namesakes(self, hits: Readings, cue: frozenset[str]) -> Readings:
        """Readings with, beside a town, its parent of the same name when the word beside the
        span names the parent's type: "im Rayon Schamachi", spelt like the town's Czech name,
        is Shamakhi District. The parent is read by the town's match."""
        added = {}
        for entry_id, (value, hit, _) in hits.items():
            entry = self.gaz.entries[entry_id]
            if entry.type in cue:
                continue
            core = _label_core(entry.name)
            for parent_id in entry.parents or ():
                parent = self.gaz.entries.get(parent_id)
                if parent is None or parent.type not in cue or parent_id in hits or _label_core(parent.name) != core:
                    continue
                reading = self._reading_by_label(parent_id, hit, True)
                if reading is not None:
                    added[parent_id] = (value, *reading)
        return {**hits, **added} if added else hits

    def _marks_kept(self, span: Span, results: list[Any]) -> set[str]:
        """The entries with a name the span spells with the same accented letters, when the span
        has any and some other reading matched only with them folded away; else nothing."""
        surface = unicodedata.normalize("NFC", self.text[span.start : span.end]).casefold()
        if surface.isascii() or unicodedata.normalize("NFD", surface) == surface:
            return set()
        kept = {r[1] for r in results if surface.startswith(self._casefolded_names(r[1]))}
        return kept if kept and len(kept) < len(results) else set()

    def _casefolded_names(self, entry_id: str) -> tuple[str, ...]:
        """An entry's names, casefolded, once per entry (a country has hundreds)."""
        key = ("casefolded names", entry_id)
        cache = _hit_cache(self.gaz)
        found = cache.get(key)  # a look-up first: no closure made per reading on the common path
        if found is None:
            found = cache.get_or(key, lambda: tuple({n.text.casefold() for n in self.gaz.entries[entry_id].names}))
        return found  # type: ignore[no-any-return]

    def _minor_supported(
        self,
        span: Span,
        entry_id: str,
        bonus: float,
        context: _Context,
        major_rival: bool = False,
        declined: bool = False,
        across: bool = False,
    ) -> bool:
        """Whether the text supports reading a minor entry here. A word that is also a common word
        (written in lower case elsewhere in the text, a day or month, a function word) needs a
        word beside it: its type ("Lage district"), a place containing it ("Lage, Germany") or a
        preposition of place ("in Lage"). Any other word needs either that or the text naming a
        place around it, or it must stand as a name on its own: capitalised inside a sentence, in
        a language that does not capitalise its nouns (see _stands_as_name). Against a major
        entry of the same spelling (major_rival) only what tells them apart counts: its type or
        a place containing it beside it, or places the text names inside it."""
        entry_type = self.gaz.entries[entry_id].type
        local = (
            entry_id in context.same
            or bool(context.parent & self.ancestors(entry_id))
            or entry_type in context.cue
            # a name that qualifies the one before it as its container, which one of that one's
            # readings lies in: "Frankfort, die kleine Hauptstadt von Kentucky"
            or any(entry_id in self.ancestors(e) for e in context.qualifies)
            # a town before a district's type word: the district it heads ("Çarşamba ilçesinde")
            or (entry_type in ("city", "town") and "district" in context.cue and not context.cue & _SETTLEMENTS)
            # an item of a list of that kind of place: "Minas Gerais, Goiás e Bahia" (states)
            or _list_kind(entry_type) in context.list_types
        )
        if local or self._names_its_type(span, entry_type):
            return True
        if self._short_uncased(span):
            # three letters in a script without capitals are as often a common word (حمص is
            # chickpeas as well as Homs): only a preposition of place before them says a town
            # ("في كلس", "در رشت"), and of a town at home or near places the text names (از is
            # "from" in time too: "از سال آینده", from next year, is no Sal of Cape Verde), or a
            # division it lies in, named ("آمل ... در مازندران")
            if self._after_place_preposition(span):
                return bonus > 0 or self._at_home(entry_id)
            return self._near_context(entry_id, context)
        if major_rival:  # "in Paris" says a place, not which of two of that spelling;
            # places the text names inside this one do (Georgia with Atlanta and Savannah), and
            # so do places it names in the same province (Córdoba beside Seville, in Andalusia)
            return context.is_contained(entry_id) or any(
                self.gaz.entries[a].type in _PROVINCES and context.is_contained(a)
                for a in self.ancestors(entry_id)
                if a in self.gaz.entries
            )
        if span.first == span.last and self.plain_forms()[span.first].fold in self.index.calendar_words:
            return False  # "im Mai", "in May": a preposition of time as much as of place
        if self.gaz.entries[entry_id].type in _SETTLEMENTS and self._after_article(span):
            return False  # "in die Halle", "auf dem Hof", "zum Essen": a town's name takes no article (a region's may: la Corse)
        if self._after_place_preposition(span) or (
            self._placed_by_its_ending(span) and not across and not self._bare_division_abroad(span, entry_id, bonus)
        ):
            # (a case ending that says where is no support for a name read from another script:
            # Georgian პორტიდან, from the port, is not the Spanish town Porta)
            return True
        if self._common_word(span) and (
            self._always_common(self.plain_forms()[span.first].fold) or not (self._stands_as_name(span) and self._stands_alone(span))
        ):
            # (written in lower case elsewhere, a word capitalised inside a sentence of a language
            # that writes its nouns in lower case is the name: "des moulins de Moulins"; not a
            # word of a longer capitalised name: "la lingua latina ... l'America Latina")
            return False
        if (
            span.sentence_start
            and span.first_word_case == "title"
            and entry_type in _SETTLEMENTS
            and not context.opens_remark_or_list
            and not self._opens_quote(span)
            and not self._near_context(entry_id, context)
        ):
            # a sentence's first word is capitalised anyway: "Reading the charge sheet", "Sens
            # de l'humour", "Fermo restando" need more than their country named somewhere (a
            # quoted remark's first word, and a list's, is read with its country: see _second_look)
            # A name in a case form is no word that a capital merely opens: Rustavidə, Բագրատաշենի
            # (in Rustavi, of Bagratashen) are read as inside the sentence, with their country
            # named or a name too long to be a common word's chance match
            # So is a name of several words each capitalised, where nouns are not: "Jindřichův
            # Hradec, Třeboň a Tábor" opens with a town
            return (
                bool(case_ending(self.words.words[span.last]))
                or self._dateline(span)
                or self._capitalised_throughout(span)
                or (declined and (bonus > 0 or _letter_count(self.text[span.start : span.end]) >= _LONG_DECLINED))
            )
        return bonus > 0 or self._stands_as_name(span) or self._uncased_city_at_home(span, entry_id)

    def _uncased_city_at_home(self, span: Span, entry_id: str) -> bool:
        """Whether a one-word span in a script without capitals names a city of some 300,000
        or more in a country whose language the text is written in, by a name of five letters or
        more and without the Arabic article, which makes adjectives and nouns of most words (ارومیه
        in Persian is Urmia; الزرقاء is also "the blue")."""
        if span.first != span.last or span.first_word_case != "none":
            return False
        surface = self.text[span.start : span.end]
        if _letter_count(surface) < _UNCASED_CITY_LETTERS or self.plain_forms()[span.first].fold.startswith("ال"):
            return False
        return self.index.priors[self.gaz.index_number(entry_id)] >= _PLACED_VARIANT_PRIOR and self._at_home(entry_id)

    def _named_by_a_direction(self, entry_id: str) -> bool:
        """Whether a division's name, its type word off, is a compass point or the like (South
        Governorate, Northern, Central, Capital): in any language such a name is also the word
        for a part of any country."""
        entry = self.gaz.entries[entry_id]
        return entry.type in _PROVINCES and _direction_label(entry.name)

    def _beside_its_type_or_container(self, span: Span, entry_id: str, context: _Context) -> bool:
        """Whether a division's type word (any division's) or a place containing it stands beside the span."""
        return (
            bool(context.cue & _PROVINCES)
            or bool(context.parent & self.ancestors(entry_id))
            or self._names_its_type(span, self.gaz.entries[entry_id].type)
        )

    def _bare_division_abroad(self, span: Span, entry_id: str, bonus: float) -> bool:
        """Whether a span in a script without capitals reads as a division of a country whose
        language the text is not written in, with nothing in the text for it: a case ending
        of place says no more there than that a noun is in the locative (Georgian ცენტრში, in
        the centre, is no Centre-Val de Loire, whose Georgian short name is ცენტრი)."""
        return (
            span.first_word_case == "none" and not bonus and self.gaz.entries[entry_id].type in _PROVINCES and not self._at_home(entry_id)
        )

    def _placed_by_its_ending(self, span: Span) -> bool:
        """Whether the span's last word ends in a case ending that says where, as a preposition
        of place would (Georgian ტრაპიზონიდან, from Trabzon; Armenian Ախալքալաքից)."""
        word = self.plain_forms()[span.last]
        endings = languages.place_endings(word.script)
        return bool(endings) and word.fold.endswith(endings) and any(base != word.fold for base, _ in word.bases)

    def _near_context(self, entry_id: str, context: _Context) -> bool:
        """Whether the text names the place again, a place inside it, or a division it lies in."""
        if context.is_mentioned(entry_id) or context.is_contained(entry_id):
            return True
        entries = self.gaz.entries
        return any(
            a in entries and entries[a].type in _PROVINCES and (context.is_mentioned(a) or context.is_contained(a))
            for a in self.ancestors(entry_id)
        )

    def _unmarked_turkish_ending(self, span: Span, hit: Hit, entry_id: str) -> bool:
        """Whether a small place's one-word name takes an ending in Turkish text without the
        apostrophe Turkish writes before a proper name's endings (Yola'da): "yolu" (its road) is
        no form of Yola. Azerbaijani writes none (Bakıda), so only Turkish."""
        if self.text_lang != "tr" or span.first != span.last or hit.derived or not self._is_minor(entry_id):
            return False
        return not any(c in APOSTROPHES for c in self.text[span.start : span.end])

    def _in_plural(self, span: Span, name: Name) -> bool:
        """Whether a one-word span ends in a plural ending its name does not have (Persian
        انگورها, grapes: a noun's plural, no form of a town's name)."""
        if span.first != span.last:
            return False
        word = self.plain_forms()[span.first]
        endings = languages.plural_endings(word.script)
        return bool(endings) and word.fold.endswith(endings) and not fold(name.text).endswith(endings)

    def _reads_as_a_word(self, span: Span, hit: Hit, name: Name) -> bool:
        """Whether a small town's name here reads as well as another word that a Slavic text
        makes of it: a surname's genitive ("на родине Чехова", "читали Пушкина": the towns
        Chekhov and Pushkino decline the same), or an adjective before its noun ("Мирный договор",
        a peace treaty, not the town Mirny)."""
        surface = fold(self.text[span.start : span.end])
        if detect_script(surface) != "Cyrl":
            return False
        if hit.method == "inflected" and surface.endswith(_SURNAME_CASE_ENDINGS) and not fold(name.text).endswith(_SURNAME_CASE_ENDINGS):
            return True
        if hit.method == "inflected" and span.first == span.last and surface.endswith(_ADJECTIVAL_NAME) and not _adjectival_name(name.text):
            return True  # an adjective in the nominative (Курский, of Kursk; a surname too) is no case form of the name
        after = span.last + 1
        if not _adjectival_name(name.text) or after >= len(self.words) or self.text[span.end : self.words.starts[after]] != " ":
            return False
        forms = self.plain_forms()[after]
        return forms.case == "lower" and not self._small_word(forms.fold)

    def _placed_here(self, span: Span, entry_id: str, context: _Context) -> bool:
        """Whether the words right beside a span say it is this place: a preposition of place,
        its type word, a place containing it, its other name in apposition."""
        return (
            entry_id in context.same
            or bool(context.parent & self.ancestors(entry_id))
            or self.gaz.entries[entry_id].type in context.cue
            or self._after_place_preposition(span)
        )

    def _names_its_type(self, span: Span, entry_type: str) -> bool:
        """Whether the span's first or last word, inside a name of several words, names the
        entry's type: "استان اردبیل", "Kharkiv Oblast" are read with their type word, as a type
        word beside the name is."""
        if span.first == span.last:
            return False
        forms = self.plain_forms()
        return any(entry_type in _cue_types(forms[i]) for i in (span.first, span.last))

    def _common_word(self, span: Span) -> bool:
        if span.first != span.last:
            return False
        word = self.plain_forms()[span.first].fold
        return self._written_lower(word, self.text[span.start : span.end]) or self._always_common(word)

    def _always_common(self, word: str) -> bool:
        """Whether a folded word is common wherever it stands: a day, a month, a stopword."""
        return word in self.index.calendar_words or word in _stopwords(self.text_lang)

    def _stands_alone(self, span: Span) -> bool:
        """Whether neither the word before the span nor the word after it, beside it, is
        capitalised."""
        w = self.words

        def capitalised(i: int) -> bool:
            word = APOSTROPHE.split(w.words[i])[-1]  # dall'America: America
            return word[:1].isupper()

        before = span.first > 0 and w.text[w.ends[span.first - 1] : w.starts[span.first]] == " " and capitalised(span.first - 1)
        after = span.last + 1 < len(w.words) and w.text[w.ends[span.last] : w.starts[span.last + 1]] == " " and capitalised(span.last + 1)
        return not before and not after

    def _written_lower(self, folded: str, surface: str) -> bool:
        """Whether the text writes this word (folded, and as written) in lower case elsewhere,
        with the same marks: "un maçon de Mâcon" has a mason and a town, "Split the bill ...
        split" one word."""
        if folded not in self.lower_words():
            return False
        if self._lower_marked is None:
            self._lower_marked = {_lower(t) for t, (f, _) in zip(self.words.words, self.infos, strict=True) if f.case == "lower"}
        return _lower(surface) in self._lower_marked

    def _adjectives_precede(self) -> bool:
        found = languages.language(self.text_lang)
        return found is not None and found.adjectives_precede and not found.capitalises_nouns

    def _nouns_capitalised(self) -> bool:
        found = languages.language(self.text_lang)
        return found is not None and found.capitalises_nouns

    def _stands_as_name(self, span: Span) -> bool:
        if span.first_word_case in ("title", "upper") and case_ending(self.words.words[span.last]):
            return True  # Turkish and Azerbaijani put an apostrophe only before a proper noun's ending
        if self._dateline(span):
            return True
        if span.sentence_start or span.first_word_case != "title" or self._after_a_lowercase_prefix(span):
            return False
        if self._joined_by_a_small_word(span):
            return True  # Frankfurt am Main, Rio de Janeiro: no run of common words, in any language
        found = languages.language(self.text_lang)
        return found is not None and not found.capitalises_nouns

    def _after_a_lowercase_prefix(self, span: Span) -> bool:
        """Whether the span's first word is the second half of a hyphenated word whose first half
        is in lower case: a capital there is the compound's, no sign of a name on its own (Рош
        га-Шана, the Jewish new year, is no Schaan)."""
        k, w = span.first, self.words
        return k > 0 and self.text[w.ends[k - 1] : w.starts[k]] in DASH_SET and w.words[k - 1][:1].islower()

    def _joined_by_a_small_word(self, span: Span) -> bool:
        """Whether a name of three words or more opens and ends with a capital and has a word in
        lower case between (am, de, upon, an der)."""
        if span.last - span.first < 2 or self.infos[span.last][0].case != "title":
            return False
        return any(self.infos[i][0].case == "lower" for i in range(span.first + 1, span.last))

    def _dateline(self, span: Span) -> bool:
        """Whether the span is a news item's dateline, the place it was filed from at the start
        of a line: in capitals before a dash ("ATLANTA — ...", "TBILISI, Dec 5 (Reuters) - ..."),
        in a script without capitals as it is written ("اللاذقية (رويترز) - ..."), or in any case
        before a comma and a date ("Москва, 8 апреля.", "ლანჩხუთი, 8 აპრილი.")."""
        if span.first_word_case == "lower":
            return False
        line_start = self.text.rfind("\n", 0, span.start) + 1
        if self.text[line_start : span.start].strip():
            return False
        if span.first_word_case in ("upper", "none") and _DATELINE_TAIL.match(self.text, span.end) is not None:
            return True
        date = _DATE_AFTER.match(self.text, span.end)
        return date is not None and fold(date.group("month1") or date.group("month2")) in month_words()

    def _after_article(self, span: Span) -> bool:
        """Whether the word before the span is an article of the text's language, or a
        preposition fused with one (German zum, im); only when the language is known."""
        found = languages.language(self.text_lang)
        if found is None:
            return False
        elided = self.text[self.words.starts[span.first] : span.start]
        if elided:  # "l'Alliance": the article is written into the token
            return fold(elided.rstrip("'’")) in found.determiners
        j = span.first - 1
        if j < 0 or self.text[self.words.ends[j] : span.start].strip():
            return False
        return self.plain_forms()[j].fold in found.determiners

    def _after_place_preposition(self, span: Span) -> bool:
        """Whether the word before the span is a preposition of place of the text's language (of
        any language when it is not known): "in Lage", "из Лаге", "في ..."."""
        j = span.first - 1
        # from the start of the span's first word: "près d'Eraskh" starts inside it, after an elided de
        if j < 0 or self.text[self.words.ends[j] : self.words.starts[span.first]].strip():
            return False
        prepositions = languages.place_prepositions(self.text_lang)
        forms = self.plain_forms()
        if forms[j].fold in prepositions:
            return True
        if self._second_of_two_governed(span, j, prepositions):
            return True
        # past one adjective, where only names are capitalised: "в подмосковном Клину", "in
        # nearby Lage" (not "in the Reading room": an article is no adjective)
        w = self.words
        return (
            j > 0
            and forms[j].case == "lower"
            and forms[j].fold not in _stopwords(self.text_lang)
            and forms[j].fold not in languages.all_determiners()
            and self._adjectives_precede()
            and not self.text[w.ends[j - 1] : w.starts[j]].strip()
            and forms[j - 1].fold in prepositions
        )

    def _second_of_two_governed(self, span: Span, j: int, prepositions: frozenset[str]) -> bool:
        """Whether the span is the second of two one-word names one preposition governs, joined
        by a function word ("میان اصفهان و یزد", between Isfahan and Yazd) or by the conjunction
        Arabic writes into the second ("بين طرطوس وصيدا")."""
        forms = self.plain_forms()

        def name_like(i: int) -> bool:
            return forms[i].case in ("title", "upper", "none") and forms[i].fold not in _stopwords(self.text_lang)

        if self.text[span.start] == _ARABIC_AND and span.start == self.words.starts[span.first]:
            return j >= 1 and name_like(j) and forms[j - 1].fold in prepositions
        return (
            j >= 2
            and forms[j].fold in _stopwords(self.text_lang)
            and forms[j].case != "title"
            and name_like(j - 1)
            and forms[j - 2].fold in prepositions
        )

    def lower_words(self) -> set[str]:
        """The folded words the text writes in lower case: common words, not names, there.
        (Georgian letters are lower-case ones to Unicode, but running Georgian has no capitals:
        its words carry no case, as WordForms.case says.)"""
        if self._lower_words is None:
            # "d'Avignon", "l'Abruzzo" start with a small letter but write a name after it
            self._lower_words = {
                f.fold
                for t, (f, _) in zip(self.words.words, self.infos, strict=True)
                if f.case == "lower" and not (f.tail and t[f.tail_offset : f.tail_offset + 1].isupper())
            }
        return self._lower_words

    def _evidence(self, entry_id: str, context: _Context, weak: bool = False) -> tuple[float, list[str]]:
        """What the text around a span says for one reading: (bonus, reasons), by the weights of
        exonym.resolver.scoring."""
        why: list[str] = []
        bonus = 0.0
        anc = self.ancestors(entry_id)
        if entry_id in context.same:
            bonus += _W_SAME
            why.append("named again beside it in apposition")
        qualifiers = anc & context.parent if context.parent else frozenset()
        if context.parent and not qualifiers:
            qualifiers = frozenset(d for d in context.parent if self._in_country_division(d, entry_id))
        if qualifiers:
            bonus += _W_PARENT
            why.append(f"qualified by {', '.join(sorted(qualifiers))} beside it")
        # an import's untagged variant leans only on containers that clear readings establish
        known = [
            a for a in anc if context.is_mentioned(a) or (context.is_contained_by_anchors(a, entry_id) if weak else context.is_contained(a))
        ]
        if known:
            bonus += _W_INSIDE
            if any(self.gaz.entries[a].type in _DIVISIONS for a in known):
                bonus += _W_DIVISION  # a named district says more than a named country
            why.append(f"in {', '.join(sorted(known)[:3])}{_CONTAINED_REASON}")
        elif context.is_contained(entry_id):
            bonus += _W_CONTAINS
            why.append("contains other places the text mentions")
        elif context.is_mentioned(entry_id):
            bonus += _W_ELSEWHERE
            why.append("mentioned elsewhere in the text")
        if context.partner_levels or context.cue:
            entry_type = self.gaz.entries[entry_id].type
            if _level(entry_type) in context.partner_levels:
                bonus += _W_LEVEL
                why.append("at the level of the name in apposition")
            if entry_type in context.cue:
                bonus += _W_CUE
                why.append("the word beside it names its type")
        return bonus, why

    def _without_persons(self, scored: list[tuple[Span, Readings]]) -> list[tuple[Span, Readings]]:
        """Drop one-word place names that the text shows to be part of a person's name
        (Michael Jordan, Ararat Mirzoyan), and the same word alone elsewhere in it."""
        if self.ranking_only:
            return scored
        persons: set[str] = set()  # words read as a person's name wherever they stand in the text
        only_here: set[int] = set()  # positions in scored read so there only
        single: dict[int, int] = {}  # position in scored -> token index, for one-word spans
        starts = [span.start for span, _ in scored]  # spans do not overlap: sorted by start

        w = self.words

        def covered(t: int) -> bool:
            """Inside a span that names something other than a minor entry (a town called
            Michael does not make "Michael" a known word), or a minor one after a preposition of
            place ("Под Тобольском Иртыш ...": Tobolsk, then the river, no given name and surname)."""
            k = bisect.bisect_right(starts, w.starts[t]) - 1
            if k < 0 or scored[k][0].end < w.ends[t]:
                return False
            if all(h.method == "fuzzy" for _, h, _ in scored[k][1].values()):
                return False  # a near spelling knows no word: "Raúl Medina" read near "Al Madinah"
            return not all(self._is_minor(e) for e in scored[k][1]) or self._after_place_preposition(scored[k][0])

        # (only text that declines a noun phrase's last word alone reads them, Turkic, Armenian
        # and Georgian: see known; Russian declines a given name with its surname)
        declined = (
            {span.first for span, hits in scored if span.first == span.last and all(h.method == "inflected" for _, h, _ in hits.values())}
            if self.text_lang in languages.turkic_reading() or self.text_lang in _LAST_WORD_DECLINED
            else set()
        )

        def known(t: int) -> bool:
            word = w.words[t]
            folded = fold(word)
            return (
                covered(t)
                # a Turkic noun phrase takes its case ending on its last word: "Dağıstanın
                # Dərbənd şəhəri" is Dagestan's Derbent, a name in the genitive is no given name
                # (nor is Armenian Սիսիանից, from Sisian, before Գորիս)
                or t in declined
                or folded in languages.all_type_cues()
                or folded in self.index.calendar_words
                or ">" + folded in self.index.affixes  # a word names carry after them: City, River, Station
                or self._is_known_word(word)
            )

        headline = HeadlineLines(w)
        surnames: set[int] = set()  # token indexes read as a surname after a given name
        for k, (span, hits) in enumerate(scored):
            i = span.first
            if span.start != w.starts[i] or w.ends[i] != span.end or not all(self.gaz.entries[e].is_place for e in hits):
                continue
            if after_honorific(w, i, self.text_lang):
                only_here.add(k)  # "Mr Washington" (here only: "بانو ایران" is a woman, Iran elsewhere the country)
                continue
            if span.first_word_case == "none" and before_surname_uncased(w, i, known):
                only_here.add(k)  # (here only: without capitals nothing else marks the person)
                continue
            if span.first_word_case != "title":
                continue
            single[k] = i
            as_written = any(hit.method in ("exact", "folded") for _, hit, _ in hits.values())
            reason = person_reason(w, i, known, headline, self.text_lang, as_written)
            if reason is not None and reason.spreads:
                persons.add(fold(w.words[i]))
            elif reason is not None:
                only_here.add(k)
            if reason is not None and reason.surname_next:
                surnames.add(i + 1)  # Georgia Harrison: Harrison, a minor town's name, is her surname
        only_here |= {k for k, i in single.items() if i in surnames}
        only_here |= self._name_pairs(scored, single, headline)
        only_here |= {k for k, (span, _) in enumerate(scored) if k not in single and span.first == span.last and span.first in surnames}
        if not persons and not only_here:
            return scored
        # the same word elsewhere is the person's too, unless a word beside it names it a place
        # ("Aydın şəhərində ... Aydın Quliyev": the town, then the wrestler; "A Marino ... Luca
        # Marino")
        return [
            item
            for k, item in enumerate(scored)
            if k not in only_here
            and not (
                k in single
                and fold(w.words[single[k]]) in persons
                and not self._type_cue(item[0])
                and not self._after_place_preposition(item[0])
            )
        ]

    def _name_pairs(self, scored: list[tuple[Span, Readings]], single: dict[int, int], headline: HeadlineLines) -> set[int]:
        """Two one-word place names side by side with nothing between them, inside a sentence
        and before a lower-case word or the sentence's end, are a person's given name and surname ("el delantero
        Santiago Lima marcó", "la defensa Victoria Medellín fue"): places in a row take a comma
        or a conjunction, and a place with its country or state is a name of its own when it is
        one (Paris, Texas takes a comma)."""
        w, out = self.words, set()
        for k, i in single.items():
            if k + 1 not in single or single[k + 1] != i + 1 or self.text[w.ends[i] : w.starts[i + 1]] != " ":
                continue
            if i == 0 or starts_sentence(self.text, w.starts[i]) or not w.words[i - 1][:1].islower():
                continue
            # declined names stand in a row ("Ağdərədən Kəlbəcərə": from Aghdara to Kalbajar)
            if not all(any(h.method in ("exact", "folded") for _, h, _ in scored[j][1].values()) for j in (k, k + 1)):
                continue
            # before a lower-case word, or closing the sentence ("anunció su director, Santiago Mérida.")
            closes = self.text[w.ends[i + 1] : w.ends[i + 1] + 2].rstrip() in (".", "!", "?") or w.ends[i + 1] == len(self.text)
            if (closes or (i + 2 < len(w) and w.words[i + 2][:1].islower())) and not headline(i):
                out |= {k, k + 1}
        return out

    def _a_facility_head(self, span: Span) -> bool:
        """Whether a one-word span is a facility's or an institution's head word (the words
        files' `name_heads`) right after a capitalised word: Baku Airport, Kyiv Station."""
        k = span.first
        if span.last != k or k == 0:
            return False
        found = languages.language(self.text_lang)
        heads = found.name_heads if found is not None else languages.all_name_heads()
        w = self.words
        return self.plain_forms()[k].fold in heads and self.text[w.ends[k - 1] : w.starts[k]] == " " and w.words[k - 1][:1].isupper()

    def _is_known_word(self, word: str) -> bool:
        """Whether a word alone is a name in the gazetteer (Azerbaijani, Soviet, Tavush ...), a
        minor entry's aside: among tens of thousands of towns some are called Michael."""
        if len(word) > LONGEST_WORD:
            return False
        ix = self.index

        def compute() -> bool:
            spans = _matcher(ix).spans(word, turkic_hint=False)
            return any(
                s.start == 0
                and s.end == len(word)
                and any(h.method in _SPELT and ix.entry_flags[ix.name_entry[h.name_id]] != IMPORTED for h in s.hits)
                for s in spans
            )

        return bool(_hit_cache(self.gaz).get_or(("known word", word), compute))

    def _feature_word_beside(self, span: Span) -> bool:
        """Whether the word right after or right before the span is a word for a river, lake, sea
        or range (not one further off: "the Rocky Mountains west of Boulder")."""
        w, folds = self.words, self.plain_forms()
        beside = []
        if span.last + 1 < len(w) and not self.text[span.end : w.starts[span.last + 1]].strip(" -\u00a0"):
            beside.append(span.last + 1)
        if span.first > 0 and not self.text[w.ends[span.first - 1] : w.starts[span.first]].strip(" -\u00a0"):
            beside.append(span.first - 1)
        return any(_cue_types(folds[k]) == _FEATURE_CUE for k in beside)

    def _type_cue(self, span: Span) -> frozenset[str]:
        """Types named by the word right after or before a span: "Tavush village", "село Х"."""
        w = self.words
        folds = self.plain_forms()
        i = span.last + 1
        j = span.first - 1
        # the gap before is measured from the span's first word: "district d'Aghdam", "la ville
        # d'Erevan" start inside it, after an elided of-word or article, and the word before is the cue
        before = w.starts[span.first]
        out: frozenset[str] = frozenset()
        cues = languages.type_cues_read_in(self.text_lang) or languages.all_type_cues()
        found = languages.language(self.text_lang)
        if i < len(w) and not (found is not None and found.type_words_precede) and not self._declined_before_a_noun(span):
            gap = self.text[span.end : w.starts[i]]
            if len(gap) <= 3 and not gap.strip(" -\u00a0"):
                out = _cue_types(folds[i], cues)
        # In Turkic languages the type word follows its name as a postposition: "Tovuz rayonunun
        # Ağdam kəndi" is Tovuz's district and Ağdam's village, so a type word before says nothing.
        if j >= 0 and self.text_lang not in languages.turkic_reading():
            gap = self.text[w.ends[j] : before]
            if len(gap) <= 3 and not gap.strip(" -\u00a0"):
                word = folds[j].fold
                out |= _cue_types(folds[j], cues) or self._elided_cue(j)
                # "the village of Tavush", "la ville de Gandja": the cue two words back
                if j > 0 and word in languages.all_of_words() and not self.text[w.ends[j - 1] : w.starts[j]].strip():
                    out |= cues.get(folds[j - 1].fold, frozenset()) or self._elided_cue(j - 1)
                    # ... and three back past an adjective: "l'État américain de Géorgie",
                    # "dello stato americano della Georgia"
                    # (the text's own language's words only: Turkish "il" is not Italian "il")
                    if (
                        found is not None
                        and j > 1
                        and folds[j - 1].case == "lower"
                        and not self.text[w.ends[j - 2] : w.starts[j - 1]].strip()
                    ):
                        out |= found.type_cues.get(folds[j - 2].fold, frozenset())
        if self._owns_a_district(span) or self._before_a_province_office(span):
            out |= CUE_TYPES["province"]
        return out

    def _declined_before_a_noun(self, span: Span) -> bool:
        """Whether a Turkic name takes its own case ending before the next word: its type word
        would take the ending instead ("Kür çayında", on the Kura river), so the word after names
        something else ("Lənkəranda çay", tea in Lankaran; "Tovuzun kəndləri", Tovuz's villages)."""
        if self.text_lang not in languages.turkic_reading() or not span.hits:
            return False
        return case_ending(self.text[span.start : span.end]) or all(h.method == "inflected" for h in span.hits)

    def _own_cue_types(self, forms: WordForms) -> frozenset[str]:
        """The entry types a word beside a name names in a text of its language (see
        languages.type_cues_read_in; every language's words when it is not known)."""
        return _cue_types(forms, languages.type_cues_read_in(self.text_lang) or None)

    def _elided_cue(self, k: int) -> frozenset[str]:
        """The types a word names behind an elided article written into it: "nell'oblast di
        Donetsk", "l'État de Géorgie"."""
        tail = self.plain_forms()[k].tail  # the word after its elided article (see WordForms)
        return languages.all_type_cues().get(tail, frozenset()) if tail else frozenset()

    def _before_a_province_office(self, span: Span) -> bool:
        """Whether the word right after the span names its province's office ("Adana Valisi",
        Adana's governor) or makes it what the next name is part of ("Konya'ya bağlı Ereğli"):
        both speak of the province. The word is no part of the name."""
        i = span.last + 1
        w = self.words
        if i >= len(w) or self.text[span.end : w.starts[i]] != " ":
            return False
        word = self.plain_forms()[i].fold
        if word in languages.all_province_offices():
            return True
        # "Konya'ya bağlı Ereğli": what a town is part of is its province
        return word in languages.all_part_of_words() and i + 1 < len(w) and w.words[i + 1][:1].isupper()

    def _owns_a_district(self, span: Span) -> bool:
        """A name in the Turkish genitive before a district named with its type word is that
        district's province: "Samsun'un Çarşamba ilçesinde" (in Samsun's district Çarşamba)."""
        w, i = self.words, span.last + 1
        if i + 1 >= len(w) or self.text_lang not in languages.turkic_reading():
            return False
        if not _TURKISH_GENITIVE.search(self.text[span.start : span.end]) or self.text[span.end : w.starts[i]] != " ":
            return False
        return w.words[i][:1].isupper() and "district" in _cue_types(self.plain_forms()[i + 1])

    def _local_context(self, k: int, scored: list[tuple[Span, Readings]]) -> tuple[set[str], set[str], set[int]]:
        """Entries of the neighbouring spans that qualify span k: "X (Y)", "X, Y", "X in Y".
        (same place, containing places, bracketed partners)"""
        span = scored[k][0]
        same: set[str] = set()
        parent: set[str] = set()
        bracket: set[int] = set()
        for j in (k - 1, k + 1):
            if not 0 <= j < len(scored):
                continue
            other, other_hits = scored[j]
            if (other.start - span.end if j > k else span.start - other.end) > 40:
                continue
            gap = self.text[span.end : other.start] if j > k else self.text[other.end : span.start]
            # "Stepanakert (Khankendi)": both names of one place, each a real name of it.
            if _OPEN_BRACKET.fullmatch(gap if j > k else gap[-3:]):
                strong_other = {e for e, (_, h, _) in other_hits.items() if not self._is_weak(h)}
                strong_here = {e for e, (_, h, _) in scored[k][1].items() if not self._is_weak(h)}
                same |= strong_other & strong_here
            if _BRACKETED.fullmatch(gap) and any(self.gaz.entries[e].is_place for e in other_hits):
                bracket.add(j)  # (not an agency after a dateline: "اللاذقية (رويترز) -")
            after = j > k and self._qualifying_gap(gap, other)
            if after or (j < k and self._genitive_container(other, gap)):
                parent |= self._containers(other_hits)
            elif j < k and not gap.strip() and self.plain_forms()[other.last].fold.endswith(languages.all_in_endings()):
                parent |= self._containers(other_hits)  # "İspanya'daki Toledo": the Toledo in Spain
            elif j < k and _one_word(gap) in languages.all_part_of_words():
                parent |= self._containers(other_hits)  # "Konya'ya bağlı Ereğli": Ereğli in Konya
            elif j < k or gap == " ":
                # "the Turkish town of Kazan", and after the name where adjectives follow their
                # noun: "أونتاريو الكندية", "la Guadalajara mexicana"
                parent |= self._adjective_of_a_container(other_hits, gap)
        return same, parent, bracket

    def _adjective_of_a_container(self, readings: Readings, gap: str) -> frozenset[str]:
        """The countries and divisions of a span read only as an adjective, when it stands beside
        a name with at most its type word and a joining word between: "the Turkish town of
        Kazan", "the American city of Alexandria", "в американській Пармі" name the Kazan,
        Alexandria and Parma in those countries; else nothing. (Only adjectives the gazetteer
        records or reads off a name's ending: German "italienische" is not known yet; اللبنانية
        reads off Lebanon and off the American towns named after it, which are no containers.)"""
        words = _gap_words(gap)
        if words is None or "," in gap or len(words) > 3 or not readings:
            return frozenset()
        types = _container_gap_words()[1] | languages.all_type_cues().keys()
        joining = languages.all_of_words() | languages.all_determiners()
        if not all(w in types or w in joining for w in words):
            return frozenset()
        if not all(name.is_adjective or (hit.derived and not _adjectival_name(name.text)) for _, hit, name in readings.values()):
            return frozenset()
        return frozenset(e for e in readings if self.gaz.entries[e].type in ("country", "first-level-division"))

    def _qualified_before(self, k: int, scored: list[tuple[Span, Readings]]) -> frozenset[str]:
        """The readings of the span before span k when span k qualifies it as its container
        (see _local_context: "X, Y", "X in Y"; not names in brackets), or nothing."""
        if k == 0:
            return frozenset()
        other, hits = scored[k - 1]
        span = scored[k][0]
        if span.start - other.end > 40:
            return frozenset()
        gap = self.text[other.end : span.start]
        if "(" in gap or not scored[k][1].keys().isdisjoint(hits):
            return frozenset()  # names in apposition: "Tehran (تهران)", "Tovuz (Tavush)"
        return frozenset(hits) if self._qualifying_gap(gap, span) else frozenset()

    def _qualifying_gap(self, gap: str, other: Span) -> bool:
        """Whether the words between a name and the next one (`other`) make the next a qualifier
        of the first: "X, Y", "X (Y)", "X in Y", "X, in the district of Y"."""
        return bool(
            _QUALIFIER.fullmatch(gap) or _COMMA_OR_BRACKET.fullmatch(gap) or self._says_in(gap) or self._names_a_container(gap, other)
        )

    def _says_in(self, gap: str) -> bool:
        """Whether the gap is the language's word for "in", and perhaps an article: "Saint-Louis
        au Sénégal", "Lagos na Nigéria", "الإسكندرية في فرجينيا", "Alexandria in the US"."""
        words = _gap_words(gap)
        if not words or len(words) > 2 or "," in gap:
            return False
        return words[0] in languages.in_words(self.text_lang) and all(w in languages.determiners(self.text_lang) for w in words[1:])

    def _containers(self, readings: Readings) -> set[str]:
        """The units a neighbour's readings may stand for as a place's container: each reading,
        and for a town its district ("Aghbulag, en el distrito de Jojavend" read as the town of
        Khojavend still places Aghbulag in Khojavend District)."""
        out = set(readings)
        for entry_id in readings:
            entry = self.gaz.entries[entry_id]
            if entry.type in _SETTLEMENTS:
                out.update(p for p in entry.parents or () if p in self.gaz.entries and self.gaz.entries[p].type == "district")
        return out

    def _names_a_container(self, gap: str, other: Span) -> bool:
        """Whether the words after a place say the next name contains it: "Kosalar, dans le
        district de Khojaly", "Akunk v provincii Kotajk", "Şelve köyü Laçin rayonunda", "Kosalar,
        in the Khojaly district". Only prepositions, articles and type words stand between, and
        a type word says what the next name is, in the gap or closing the next span."""
        words = _gap_words(gap)
        if words and len(words) > 1 and words[0] in languages.all_which_words():
            words = words[1:]  # "Бірмінгем, що в Алабамі": which (is) in Alabama
        if not words:
            return False
        allowed, types = _container_gap_words()
        if len(words) == 2 and words[0] in languages.all_place_prepositions() and gap.split()[-1].islower():
            return True  # "Kochi in southern Japan", "Valencia in eastern Spain": an adjective between
        capitals = languages.all_capital_words()
        if "," in gap and any(w in capitals for w in words):
            # "Mérida, capital de Extremadura", "Salto, the seat of ...": what it is the capital
            # of; an adjective may stand before the word ("die kleine Hauptstadt von Kentucky")
            others = [w for w in words if w not in allowed and w not in capitals]
            if not others or (len(others) == 1 and not _capitalised_in(gap, others[0])):
                return True
        if not all(w in allowed for w in words):
            return False
        if "," in gap and words[0] in languages.all_place_prepositions():
            return True  # "Córdoba, en Andalucía", "Valencia, in Spagna": an aside saying where
        return any(w in types for w in words) or self._ends_in_division_word(other)

    def _ends_in_division_word(self, span: Span) -> bool:
        return span.last > span.first and bool(_cue_types(self.plain_forms()[span.last]) & _PROVINCES)

    def _genitive_container(self, span: Span, gap: str) -> bool:
        """Whether a span names, with the type word of a division after it, the container of the
        place that follows: "Xocavənd rayonunun Muğanlı kəndi", "შამქირის რაიონის სოფელ
        მაჰმუდლუ". Between them only type words (no comma: "Ağdam rayonu, Tovuz" is a list)."""
        words = _gap_words(gap)
        types = _container_gap_words()[1]
        if words is None or "," in gap or not all(w in types for w in words):
            return False
        if self._ends_in_division_word(span):
            return True
        return any(_cue_types(word_forms(w, False)) & _PROVINCES for w in _GAP_WORD.findall(gap))


# The gaps between neighbouring names that tell how they relate (see _local_context).
_GAP_WORD = re.compile(r"\w+(?:-\w+)*")  # (a hyphenated word is one: chef-lieu)
_GAP_PUNCTUATION = " ,'’\u00a0"


@lru_cache(maxsize=1)
def _container_gap_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that may stand between a place and the unit containing it, and among them the
    type words, one of which such a gap must hold ("dans le district de", "w rejonie")."""
    # a river, lake or sea beside a place does not contain it
    types = frozenset(w for w, named in languages.all_type_cues().items() if named - CUE_TYPES["feature"]) | languages.all_generic_terms()
    joining = languages.all_place_prepositions() | languages.all_determiners() | languages.all_of_words() | languages.all_elided()
    return joining | types, types


def _one_word(gap: str) -> str | None:
    """The one folded word of a gap between two names, if it holds one and nothing else."""
    words = _gap_words(gap)
    return words[0] if words is not None and len(words) == 1 and "," not in gap else None


def _capitalised_in(gap: str, folded: str) -> bool:
    """Whether the gap writes this (folded) word with a capital."""
    return any(fold(w) == folded and w[:1].isupper() for w in _GAP_WORD.findall(gap))


def _gap_words(gap: str) -> list[str] | None:
    """The folded words of a gap between two names, or None when it holds other marks than
    spaces, commas and apostrophes."""
    if _GAP_WORD.sub("", gap).strip(_GAP_PUNCTUATION):
        return None
    return [fold(w) for w in _GAP_WORD.findall(gap)]


_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*")
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{0,30}")
_QUALIFIER = re.compile(r"\s*(,|\(|[(]?\s*\w+(\s\w+)?\s+as\s+\w+\s+in|\bin|\bof|в|во|у|de|du|en|in)\s*", re.I)
# What may follow a dateline's place before its dash: a date, a state, an agency in brackets.
_DATELINE_TAIL = re.compile(r"[^\n\-–—]{0,40}?\s[-–—]\s")
# a comma and a date after a dateline's place: ", 8 апреля", ", Dec. 5" (the month is checked apart)
_DATE_AFTER = re.compile(r"\s*,\s*(?:\d{1,2}\.?\s+(?P<month1>\w+)|(?P<month2>\w+)\.?\s+\d{1,2}\b)")
_COMMA_OR_BRACKET = re.compile(r"\s*[,(]\s*")
_SPELT = frozenset({"exact", "folded", "inflected"})  # methods that read a name as it is spelt
_NEAR = frozenset({"fuzzy", "romanization variant"})  # methods that read a near spelling
_ABJADS = frozenset({"Arab", "Hebr"})  # scripts that write few vowels
# a minor entry's one-word name is read misspelt only in a word this long, this near (against
# the full name: a letter more or less from seven letters, one changed from nine)
_LONG_TYPO = 7
_LONG_TYPO_SCORE = 88  # (a short form misspelt is too little: Akhalkalki)
_SHARED_NAME = 5  # a name written so in this many languages is no one language's word


def _another_ending(word: str, name: str) -> bool:
    """Whether a word is the name with only its last letter changed: another word's ending,
    not a slip (Fiorentina, the club, is not the town Fiorentino)."""
    return len(word) == len(name) and word[:-1] == name[:-1]


_HAMZAS = frozenset("ءأإؤئ")  # the Arabic letters that write a hamza (folding writes them bare)


def _hamza_added(surface: str, name: str) -> bool:
    """Whether a word ends (but for one letter, an ending) in a hamza that the name, written
    without any, lacks: writers drop a hamza from a name, they do not add one."""
    return bool(_HAMZAS.intersection(surface[-2:])) and not _HAMZAS.intersection(name)


_ARABIC_AND = "\u0648"  # و, written into the word it joins
_TURKISH_GENITIVE = re.compile(r"['’]n?[ıiuü]n$")
# The letters that write vowels in them (alef, waw, ya and their forms; Hebrew's aleph, vav,
# yod), and their marks
_VOWEL_LETTERS = re.compile(
    "[\u0622\u0623\u0625\u0627\u0624\u0648\u0626\u064a\u0649\u06cc\u06d2\u064b-\u065f\u0670\u05d0\u05d5\u05d9\u0591-\u05c7]"
)


# Nominative endings of Slavic adjectives: a place name ending so is an adjective in form.
_STRANGER_LETTERS = 4  # longer names in such languages are as often real exonyms (Khankendy)
_ADJECTIVAL_NAME = ("ий", "ый", "ой", "ій", "ая", "ое", "ые", "ие")
# The genitive, dative and instrumental of Slavic surnames in -ов, -ев, -ин, -ын (Чехова, Пушкину,
# Лермонтовым), which towns so named share
_SURNAME_CASE_ENDINGS = ("ова", "ева", "ина", "ына", "ову", "еву", "ину", "ыну", "овым", "евым", "иным", "ыным")


def _adjectival_name(name: str) -> bool:
    return fold(name).endswith(_ADJECTIVAL_NAME)


def _label_core(label: str) -> str:
    """A label without its type words: "Shamakhi District" -> "shamakhi"."""
    drop = _type_words()
    return " ".join(w for w in fold(label).split() if w not in drop)


@lru_cache(maxsize=512)
def _official_languages(territory: str) -> frozenset[str]:
    """The official languages of a country (CLDR's, de facto ones included), by ISO code."""
    from babel.languages import get_official_languages

    try:
        return frozenset(get_official_languages(territory, de_facto=True))
    except Exception:
        return frozenset()


def _declined(hit: Hit) -> bool:
    """Whether a hit reads a case form of a name (its ending cut off), not the name as written
    nor an adjective made from it."""
    return hit.method == "inflected" and not hit.derived


def _head_cut(surface: str, name: str) -> bool:
    """Whether a near spelling of an organization's name changes its last word without adding
    an ending to it: "Dışişleri Bakanı" (the minister) is not "Dışişleri Bakanlığı" (the
    ministry), nor "Foreign Minister" "Foreign Ministry"; "Vereinten Nationen" still is."""
    said, named = fold(surface).split(), fold(name).split()
    if not said or not named or said[-1] == named[-1]:
        return False
    return not (said[-1].startswith(named[-1]) and len(said[-1]) > len(named[-1]))


def _consonants(word: str) -> str:
    return _VOWEL_LETTERS.sub("", unicodedata.normalize("NFC", word))


_CLEAR_MARGIN = weight("clear_margin")
# letters from which a declined name opening a sentence is read without its country named
_LONG_DECLINED = 9
# what a namesake in a country of the text's language gains when its readings are ranked (its
# explanation says so; the method stays the name's, not "context")
_HOME_LANGUAGE = 3.0
_HOME_REASON = "in a country whose language the text is written in"
# languages news writes about every country in: their text says nothing of where a place lies
_LINGUA_FRANCA = frozenset({"en"})
_FEATURE_CUE = frozenset({"physical-feature"})
# how many items of a list on either side tell an item's kind (a list of ten thousand names is
# read in linear time)
_LIST_REACH = 8
# the end of the reason "in X, which the text mentions"
_CONTAINED_REASON = ", which the text mentions"
# where a case ending starts: NATO-nun, BM'de
_SUFFIX_START = re.compile(f"[{re.escape(APOSTROPHES + DASHES)}]")
# the prior (see exonym.resolver.index.entry_prior) of a city of some 300,000, whose untagged
# variant a preposition of place makes a name in a script without capitals
_PLACED_VARIANT_PRIOR = 50
_LAST_WORD_DECLINED = frozenset({"hy", "ka"})  # besides the Turkic languages (see _without_persons)
_NAMESAKE_LABEL_SCORE = 85  # (see _with_namesake_towns)
_UNCASED_CITY_LETTERS = 5  # (see _uncased_city_at_home)
_MIN_MENTION = weight("min_mention")
_CONTEXT_MARGIN = weight("context_method_margin")
_IMPORT_VARIANT_CONTEXT = weight("import_variant_context")
_W_SAME = weight("apposition_same")
_W_PARENT = weight("qualified_by_parent")
_W_INSIDE = weight("inside_mentioned")
_W_CONTAINS = weight("contains_mentioned")
_W_ELSEWHERE = weight("mentioned_elsewhere")
_W_LEVEL = weight("apposition_level")
_W_DIVISION = weight("inside_named_division")
# An opening quotation mark and the marks that may close it (German „...“, French «...», ...).
_QUOTE_PAIRS = {"«": "»", "»": "«", "„": "“”", "“": "”", "‘": "’", "‹": "›", '"': '"', "「": "」", "『": "』"}
_QUOTED_TYPES = frozenset({"organization", "term"})
_OPENING_QUOTES = frozenset("«„“‘‹\"'「『")
_DIALOGUE_DASHES = frozenset("—―")  # em dash and horizontal bar: a line of dialogue opens with one
_PROVINCES = frozenset({"first-level-division", "district"})
# the words of a division's English label that are no name: what is left of "South Governorate",
# "North Western Province", "Capital Region" is a direction (see _named_by_a_direction)
_DIVISION_WORDS = frozenset("governorate province region district division state territory area zone department".split())
_DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central centre center northeast northwest southeast "
    "southwest far upper lower middle mid capital".split()
)
_SETTLEMENTS = frozenset({"city", "town", "village"})
_DIVISIONS = frozenset({"first-level-division", "district", "city", "disputed-territory"})
_W_CUE = weight("type_cue")


class _FirstPass:
    """What the first reading of the spans counted (see _choose), kept to tell whether a second
    look at a span can read it otherwise."""

    __slots__ = ("contained", "echoes", "guessed", "list_kinds", "mentioned", "shared")

    def __init__(self, mentioned: dict[str, int], contained: dict[str, int], guessed: dict[str, int], shared: list[frozenset[str]]) -> None:
        self.mentioned, self.contained, self.guessed, self.shared = mentioned, contained, guessed, shared
        self.echoes: set[int] = set()  # spans left unread one of whose readings another span was read as
        self.list_kinds: list[frozenset[str]] = []  # per span, the kind of place its list's clear items are (see _list_types)

    def reads_alike(self, k: int, hits: Readings, own: str, mentioned: dict[str, int], contained: dict[str, int], ancestors: Any) -> bool:
        """Whether span k's readings and their containers stand as they stood in the first pass
        (span k read with no clear reading then, as `own` now): every test the reading makes of
        the counts (_Context.is_mentioned, is_contained, is_contained_by_anchors) then answers
        alike, and so does the reading."""
        mine, own_ancestors = self.shared[k], ancestors(own)
        for entry_id in hits:
            for e in (entry_id, *ancestors(entry_id)):
                before_c = self.contained.get(e, 0)
                after_c = contained.get(e, 0) - (e in own_ancestors)
                if (self.mentioned.get(e, 0) > 0) != (mentioned.get(e, 0) - (e == own) > 0):
                    return False
                if (before_c - (e in mine) > 0) != (after_c > 0):
                    return False
                if (before_c - self.guessed.get(e, 0) > 0) != (after_c > 0):
                    return False
        return True


class _Context:
    """What the rest of the text says around one span: the whole text's anchors (counted, so that
    the span leaves its own share out), its neighbours and the word beside it."""

    __slots__ = (
        "bracket",
        "contained",
        "cue",
        "echoed",
        "guessed",
        "list_types",
        "mentioned",
        "opens_remark_or_list",
        "own",
        "own_ancestors",
        "own_guess",
        "parent",
        "partner_levels",
        "qualifies",
        "same",
    )

    def __init__(
        self,
        mentioned: dict[str, int],
        contained: dict[str, int],
        own: str | None,
        own_ancestors: frozenset[str],
        local: tuple[set[str], set[str], set[int]],
        cue: frozenset[str],
    ) -> None:
        self.mentioned = mentioned  # entries the spans name clearly, with how often
        self.contained = contained  # their ancestors, with how often
        self.own = own  # this span's own clear reading, left out of both counts
        self.own_ancestors = own_ancestors
        self.same, self.parent, self.bracket = local
        self.cue = cue  # entry types named by the word beside the span
        self.partner_levels: set[str] = set()
        self.qualifies: frozenset[str] = frozenset()  # the readings of the name before, which this one qualifies ("León, en Guanajuato")
        self.opens_remark_or_list = False  # read again as a quotation's first word or a list's item (see _second_look)
        # of `contained`, what spans with no clear reading add: the containers their close
        # readings share (this span's own share: own_guess)
        self.guessed: dict[str, int] = {}
        self.own_guess: frozenset[str] = frozenset()
        self.echoed: dict[str, int] = {}  # divisions named by other spans that read one of this span's entries
        self.list_types: frozenset[str] = frozenset()  # the kind of place the clearly read items of its list are

    def is_mentioned(self, entry_id: str) -> bool:
        return self.mentioned.get(entry_id, 0) - (entry_id == self.own) > 0

    def is_contained(self, entry_id: str) -> bool:
        return self.contained.get(entry_id, 0) - (entry_id in self.own_ancestors) - self.echoed.get(entry_id, 0) > 0

    def is_contained_by_anchors(self, entry_id: str, reading: str | None = None) -> bool:
        """Whether clear readings put a place inside this one; with `reading`, readings of
        places other than that entry (an import's variant of Zgorzelec, "Görlitz", takes no
        support from Zgorzelec named beside it)."""
        own = entry_id in self.own_ancestors and entry_id not in self.own_guess
        by_reading = self.mentioned.get(reading, 0) - (reading == self.own) if reading is not None else 0
        echoed = self.echoed.get(entry_id, 0)
        return self.contained.get(entry_id, 0) - self.guessed.get(entry_id, 0) - own - by_reading - echoed > 0


@lru_cache(maxsize=65536)
def _languages_of(tags: tuple[str, ...]) -> frozenset[str]:
    """The languages of a name's tags (a name of Mérida has some 250: read once)."""
    return frozenset(language_of(t) for t in tags)


def _cue_types(forms: WordForms, cues: dict[str, frozenset[str]] | None = None) -> frozenset[str]:
    """The entry types a word names when it stands beside a name, in any of its case forms
    (Georgian რაიონში and Armenian շրջանը read back to რაიონი and շրջան), by `cues` (the type
    words read in the text's language: see languages.type_cues_read_in) or every language's."""
    if cues is None:
        cues = languages.all_type_cues()
    found = cues.get(forms.fold)
    if found is None:
        found = next((cues[b] for b, derived in forms.bases if not derived and b in cues), frozenset())
    return found


@lru_cache(maxsize=65536)
def _same_label(a: str, b: str) -> bool:
    """Whether two labels (or label cores) spell one name, romanized apart maybe: Mykolaiv and
    Mykolayiv, Qvareli and Kvareli."""
    return a == b or fuzz.ratio(latin_key(a), latin_key(b)) >= _NAMESAKE_LABEL_SCORE


def _divisions_called_districts(cue: frozenset[str], types: set[str]) -> frozenset[str]:
    """The types a word for "district" names among readings of these types: a country's
    first-level division where no reading is a district, since some countries call theirs so
    ("distrito de Castelo Branco", Portugal's district, is no town; مقاطعة أونتاريو)."""
    if "district" not in cue or "first-level-division" in cue or "district" in types or "first-level-division" not in types:
        return cue
    return cue | {"first-level-division"}


@lru_cache(maxsize=4096)
def _direction_label(label: str) -> bool:
    """Whether an English label without its division words is a direction (see _named_by_a_direction)."""
    words = [w for w in fold(label).replace("-", " ").split() if w not in _DIVISION_WORDS]
    return bool(words) and all(w in _DIRECTION_WORDS for w in words)


def _adjective_of(surface: str, name: str, text_lang: str | None) -> bool:
    """Whether a word ends like an adjective of the text's language (of any one language when
    it is not known) where the name it nearly spells does not: the adjective, not the place. A
    name that itself ends so declines like an adjective (Polska, Polski): its forms stay
    readable. Each language is asked on its own: English "Italian" is an adjective beside German
    "Italien", though French adjectives end in -ien."""
    word, folded_name = fold(surface), fold(name)
    for code in [text_lang] if text_lang else languages.languages():
        endings = languages.adjective_endings(code)
        if any(word.endswith(e) and len(word) > len(e) + 2 for e in endings) and not any(folded_name.endswith(e) for e in endings):
            return True
    return False


def _a_declined_form(surface: str, name: Name) -> bool:
    """Whether a word is one of the case forms the index keeps for a name (Уфы, Уфе for Уфа):
    a declined word, not the name with its marks dropped."""
    folded = fold(surface)
    return folded != fold(name.text) and folded in languages.name_variants(fold(name.text).split(" "), name.script)


def _adjective_by_its_marks(surface: str, name: str, text_lang: str | None) -> bool:
    """Whether a word ends, as written, in a marked adjective ending of the text's language
    (of any language when it is not known) that the name does not end in: Czech Turecká vláda
    is the Turkish government, and only its long á tells it from Turecka, Turkey's genitive."""
    word, written = _lower(surface), _lower(name)
    return any(
        word.endswith(e) and len(word) > len(e) + 1 and not written.endswith(e) for e in languages.marked_adjective_endings(text_lang)
    )


def _lower(text: str) -> str:
    """Lower case letter for letter, marks kept (the Turkish İ lowers to one letter, i)."""
    return unicodedata.normalize("NFC", text.replace("İ", "i")).lower()


def _marked_latin(letter: str) -> bool:
    """A Latin letter beyond the basic 26 (ö, ş, ı, ə, ø ...)."""
    return not letter.isascii() and letter.isalpha() and detect_script(letter) == "Latn"


def _letter_count(surface: str) -> int:
    """How many letters a word spells. A syllabic script writes several in one character (바 is
    ba, and बर्दा's vowels are marks, not letters): there, its romanization's letters count."""
    if SYLLABIC.search(surface):
        return sum(c.isalpha() for c in latin_key(surface))
    return sum(c.isalpha() for c in surface)


def _list_kind(entry_type: str) -> str:
    """The kind of place a list's items share: towns of any size, or divisions of one level."""
    return "settlement" if entry_type in _SETTLEMENT else entry_type


def _level(entry_type: str) -> str:
    return "settlement" if entry_type in _SETTLEMENT else "unit"


def resolve(
    gaz: Gazetteer, text: str, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False, budget: Budget | None = None
) -> list[Mention]:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}", parameter="text")
    return _Resolution(gaz, text, _lang_hint(lang), parse_types(types), include_adjectives, budget).run()


CORE_SHARE = 0.97  # a name read without its type words ranks just below one read whole
OTHER_TYPE_SHARE = 0.99  # ... and one of another type than those words name just below that
QUERY_FUZZY_CUTOFF = 78
# A name inside type words is often declined by them (Bardos apskritis, Babekas rajons: the
# genitive): the core's near spellings are read a little further than a whole query's.
CORE_FUZZY_CUTOFF = 70
_UNROMANIZED = re.compile(r"[^a-z0-9 ]")


@lru_cache(maxsize=1)
def _type_words() -> frozenset[str]:
    """The words files' type words (rayonu, շրջան, რაიონი), beside the affixes learned from names."""
    return frozenset(languages.all_type_cues()) | languages.all_generic_terms()


def _cores(words: Words, forms: list[WordForms], affixes: frozenset[str]) -> list[tuple[int, int]]:
    """The word ranges of a query left when its type words come off: an affix the gazetteer's
    names carry ("distretto di Şəki", "Saatlın piirikunta", "ბაბექის რაიონი") or a closing
    parenthesis ("Şərur (distrikt)"). Tried after the whole query, so a name that holds such a
    word (Rayon Street, Distrito Federal) is still read whole first."""
    n = len(forms)
    if n < 2:
        return []
    type_words = _type_words()

    def is_affix(side: str, part: list[WordForms]) -> bool:
        joined = " ".join(f.fold for f in part)
        return side + joined in affixes or joined in type_words or side + " ".join(f.latin for f in part) in affixes

    starts = [0] + [k for k in (1, 2) if k < n and is_affix("<", forms[:k])]
    # "Provincia de Tavush": the joining word after a type word comes off with it
    starts += [k + 1 for k in starts[1:] if k + 1 < n and forms[k].fold in languages.all_of_words()]
    ends = [n] + [n - k for k in (1, 2) if k < n and is_affix(">", forms[n - k :])]
    opening = words.text.rfind("(")
    if words.text.rstrip().endswith(")") and opening > 0:
        inside = sum(1 for s in words.starts if s > opening)
        if 0 < inside < n:
            ends.append(n - inside)
    return sorted({(a, b) for a in starts for b in ends if a < b and (a, b) != (0, n)})


def lookup(gaz: Gazetteer, query: str, *, lang: str | None = None, limit: int = 5, types: Any = None) -> list[Candidate]:
    if not isinstance(query, str):
        raise InputError(f"query must be a string, not {type(query).__name__}", parameter="query")
    query = query.strip()
    if not query:
        raise InputError("the query is empty", parameter="query")
    if len(query) > MAX_QUERY_LENGTH:
        raise InputError(f"the query is longer than {MAX_QUERY_LENGTH} characters", parameter="query")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise InputError("limit must be a whole number of at least 1", parameter="limit")
    hint = _lang_hint(lang)
    wanted = parse_types(types)
    matcher = _matcher(gaz.index)
    words = split(query)
    if not len(words):
        return []
    turkic = bool(hint and languages.reads_turkic([hint]))
    forms = [word_forms(t, turkic) for t in words.words]
    hits: list[Hit] = list(matcher.sequence_hits(forms)) if len(forms) <= 12 else []  # a copy: the matcher keeps its list
    if forms[0].tail:
        tail = [word_forms(words.words[0][forms[0].tail_offset :], turkic), *forms[1:]]
        hits += matcher.sequence_hits(tail)
    res = _Resolution(gaz, query, hint, wanted, True)
    res.text_lang = language_of(hint) if hint else None
    res.ranking_only = True
    cores = _cores(words, forms, gaz.index.affixes)
    fuzzy = _query_fuzzy_hits(matcher, query, " ".join(f.latin for f in forms))
    if not cores:
        return _ranked(gaz, res.entry_hits(Span(0, len(query), hits + fuzzy, "none", False)), limit)
    # A copy: entry_hits' readings are cached and shared, and the cores' readings go into these.
    best = dict(res.entry_hits(Span(0, len(query), hits, "none", False)))
    whole = set(best)
    # A type word shared with a name lifts a fuzzy score (Բալաքյանի շրջան ~ Սալյանի շրջան): when
    # the query has a core to read, its fuzzy readings whole rank like the core's.
    _keep_best(best, res.entry_hits(Span(0, len(query), fuzzy, "none", False)), CORE_SHARE)
    named_types, named_best = _named_types(forms, cores), 0.0
    for first, last in cores:
        core = forms[first:last]
        hits = list(matcher.sequence_hits(core))
        core_latin = " ".join(f.latin for f in core)
        if len(core_latin) >= 4:
            for variant in dict.fromkeys((core_latin, *_adjective_bases(core_latin), *_genitive_bases(core_latin))):
                hits += matcher.fuzzy_hits(variant, cutoff=CORE_FUZZY_CUTOFF)
        core_span = Span(words.starts[first], words.ends[last - 1], hits, "none", False)
        found = res.entry_hits(core_span)
        _keep_best(best, found, CORE_SHARE)
        named_best = max([named_best] + [v * CORE_SHARE for e, (v, _, _) in found.items() if gaz.entries[e].type in named_types])
    # The type word taken off says which of namesakes is meant: "شکی ضلع" is Shaki District,
    # though the town, bigger and spelt without a generic word, reads a little closer. Only
    # a reading of the whole query as written stays above it.
    if named_best:
        for entry_id, (value, hit, name) in list(best.items()):
            if value >= named_best and entry_id not in whole and gaz.entries[entry_id].type not in named_types:
                best[entry_id] = (named_best * OTHER_TYPE_SHARE, hit, name)
    return _ranked(gaz, best, limit)


# Place adjectives of the Latin-script Slavic languages, as a Latin key spells them: Tovuški,
# Hodžavendski, Lačinský, Babečki. The Cyrillic ones are the morphology's (text/lang/slavic).
_ADJECTIVE_SUFFIXES = ("skiy", "skij", "ski", "sky", "ska", "ske", "cki", "cky")


def _named_types(forms: list[WordForms], cores: list[tuple[int, int]]) -> frozenset[str]:
    """The entry types the type words around a query's cores name."""
    return frozenset().union(*(_cue_types(f) for first, last in cores for f in forms[:first] + forms[last:]))


def _adjective_bases(latin: str) -> list[str]:
    """The name a one-word core may be the adjective of, with and without the -in-/-n- that
    joins some (Hizinski rajon is Xızı's, Ismajilinski Ismayıllı's)."""
    if " " in latin:
        return []
    out = []
    for suffix in _ADJECTIVE_SUFFIXES:
        if latin.endswith(suffix) and len(latin) - len(suffix) >= 3:
            base = latin[: -len(suffix)]
            out.append(base)
            for joint in ("in", "n"):
                if base.endswith(joint) and len(base) - len(joint) >= 3:
                    out.append(base[: -len(joint)])
    return out


# Genitive endings a type word governs in Latin-script languages (Lithuanian Bardos apskritis,
# Šakio; Latvian Babekas rajons; Finnish Saatlın piirikunta; Hungarian Laçıni járás), longest first.
_GENITIVE_ENDINGS = ("aus", "ios", "io", "os", "as", "es", "us", "o", "n", "i")


def _genitive_bases(latin: str) -> list[str]:
    """The name a one-word core may be the genitive of (tried only beside a type word)."""
    if " " in latin:
        return []
    return [latin[: -len(e)] for e in _GENITIVE_ENDINGS if latin.endswith(e) and len(latin) - len(e) >= 3]


def _query_fuzzy_hits(matcher: Matcher, query: str, query_latin: str) -> list[Hit]:
    """Near spellings of a whole query. One in a loosely romanized script (Korean, Hindi, Greek
    ...) meets a Latin name only approximately: it is read as far as a core, and once more
    without what no table romanizes (the 県 of ザンギラン県)."""
    if len(query_latin) < 4:
        return []
    if detect_script(query) not in LOOSELY_ROMANIZED:
        return matcher.fuzzy_hits(query_latin, cutoff=QUERY_FUZZY_CUTOFF)
    hits = list(matcher.fuzzy_hits(query_latin, cutoff=CORE_FUZZY_CUTOFF))
    romanized = " ".join(_UNROMANIZED.sub("", query_latin).split())
    if romanized != query_latin and len(romanized) >= 4:
        hits += matcher.fuzzy_hits(romanized, cutoff=CORE_FUZZY_CUTOFF)
    return hits


def _keep_best(best: Readings, found: Readings, share: float) -> None:
    for entry_id, (value, hit, name) in found.items():
        value *= share
        if entry_id not in best or best[entry_id][0] < value:
            best[entry_id] = (value, hit, name)


def _ranked(gaz: Gazetteer, best: Readings, limit: int) -> list[Candidate]:
    ranked = []
    for entry_id, (value, hit, name) in best.items():
        prior = gaz.index.priors[gaz.index_number(entry_id)]
        # The match decides; the prior only orders entries that share a name.
        ranked.append((min(100.0, value), prior, entry_id, hit, name))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    return [Candidate(gaz.entries[e], round(s, 1), n, h.method, gaz.index.name_pos[h.name_id]) for s, _, e, h, n in ranked[:limit]]
