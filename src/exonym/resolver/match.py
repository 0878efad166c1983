"""Candidate spans in text: words found with Unicode boundaries in every script, then the
longest word sequence whose folded, transliterated, skeleton, inflected or misspelled form is a
key of the index. Offsets always index the caller's string; keys never do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from typing import Any

from rapidfuzz import fuzz

from exonym.resolver.budget import Budget
from exonym.resolver.index import FOLDED, LATIN, LOWER_INITIAL, SHORT, WEAK, Index
from exonym.resolver.packed import postings
from exonym.resolver.persons import case_ending
from exonym.resolver.scoring import FUZZY_SHARE, METHOD_SCORES, weight
from exonym.text import lang
from exonym.text.memo import short_text_cache
from exonym.text.normalize import fold, has_turkic_letters, latin_key, skeleton
from exonym.text.scripts import UNSPACED_SCRIPTS, char_script
from exonym.text.tokens import APOSTROPHE, DASH_SET, Words, split, starts_sentence

# Longer words are in no name (the longest word of a name is under 50 letters, in unspaced Thai):
# they are skipped, and never kept in a cache.
LONGEST_WORD = 64
SKIP, START, OTHER, UNSPACED = 0, 1, 2, 3  # a word's role in a scan (Matcher._learn)
FORMS_KEPT = 400_000  # words whose forms a matcher keeps (about 200 MB at most)
CHECK_EVERY = 512  # words between two looks at the budget: cheap, and a fraction of a millisecond apart
FUZZY_CUTOFF = 86  # rapidfuzz ratio on Latin keys; calibrated on the golden set (see tests)
FUZZY_MIN_LENGTH = 6
UNCASED_FUZZY_MIN = {"Arab": 6, "Geor": 8}  # consonantal Arabic script writes shorter words
FUZZY_CUTOFF_UNCASED = 88  # no capitals to tell a name from a word: a closer spelling is needed
SKELETON_MIN_LENGTH = 6


class Memo(dict):  # type: ignore[type-arg]
    """A dict that empties itself past `size` entries: per-word results recur across texts, but
    an archive of distinct words must not grow memory without bound."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def get_or(self, key: Any, compute: Any) -> Any:
        try:
            return self[key]
        except KeyError:
            if len(self) >= self.size:
                self.clear()
            value = self[key] = compute()
            return value


class WordForms:
    """Every key form of one word, computed once per distinct word: one object per distinct
    word, so identity is equality. The cheap forms (fold, script, case) are made at once; the
    others (transliterations, skeleton, stems, case bases ...) on first use, so that the many
    lower-case words of a text that start no name cost a fold and no more."""

    __slots__ = (
        "bases",
        "case",
        "fold",
        "head",
        "latin",
        "latin_turkic",
        "script",
        "skeleton",
        "stems",
        "tail",
        "tail_offset",
        "turkic_hint",
        "word",
    )

    fold: str
    latin: str
    latin_turkic: str
    skeleton: str
    script: str | None
    case: str  # upper, title, lower, none
    stems: tuple[tuple[str, bool], ...]  # (stem, derived) where names are indexed by stem
    bases: tuple[tuple[str, bool], ...]  # (base, derived) after case suffixes
    head: str | None  # before an inner apostrophe (Azerbaycan'ın -> azerbaycan)
    tail: str | None  # after an elided article (l'Arménie -> armenie)
    tail_offset: int  # where `tail` starts in the word

    def __init__(self, word: str, turkic_hint: bool) -> None:
        self.word = word
        self.turkic_hint = turkic_hint
        self.fold = fold(word)
        self.script = next((s for s in map(char_script, word) if s), None)
        first = next((c for c in word if c.isalpha()), "")
        # Georgian has capitals (Mtavruli) since Unicode 11 but running text never uses them: a
        # Georgian word carries no case evidence either way.
        if first and first.lower() != first.upper() and self.script != "Geor":
            self.case = "upper" if word.isupper() and len(word) > 1 else "title" if first.isupper() else "lower"
        else:
            self.case = "none"

    def __getattr__(self, name: str) -> Any:
        # Called only for a form not made yet: make its group. Two groups, because a lower-case
        # word (most of a text's new words) is only ever asked for its case forms.
        if name in _KEY_FORMS:
            self._complete_keys()
        elif name in _CASE_FORMS:
            self._complete_case_forms()
        else:
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def _complete_keys(self) -> None:
        """The transliterated keys and the romanization skeleton."""
        word = self.word
        latin = latin_key(word)
        self.latin = latin
        turkic = self.turkic_hint or has_turkic_letters(word)
        self.latin_turkic = latin_key(word, turkic=True) if turkic and self.script == "Latn" else latin
        self.skeleton = skeleton(latin)

    def _complete_case_forms(self) -> None:
        """The word with its case endings, possessives and elided article taken off."""
        word, script, folded = self.word, self.script, self.fold
        self.head = self.tail = None
        self.tail_offset = 0
        parts = APOSTROPHE.split(word)
        if len(parts) > 1:
            self.head = fold(parts[0])
            if self.head in lang.all_elided():
                self.tail_offset = len(parts[0]) + 1
                self.tail = fold(word[self.tail_offset :])
        self.stems = lang.stems(folded, script)
        self.bases = lang.bases(folded, script)


_KEY_FORMS = frozenset({"latin", "latin_turkic", "skeleton"})
_CASE_FORMS = frozenset({"stems", "bases", "head", "tail", "tail_offset"})


# Alphabets that write every vowel and read letter by letter into Latin: a declined word in one
# of them may be read against a name recorded only in Latin letters. Not the abjads (Arabic and
# Hebrew leave vowels out: صول and Súl meet by chance) nor the syllabaries.
_SPELT_IN_FULL = frozenset({"Geor", "Armn", "Cyrl", "Grek"})


@short_text_cache(200_000, longest=64)
def word_forms(word: str, turkic_hint: bool) -> WordForms:
    return WordForms(word, turkic_hint)


@dataclass(slots=True)
class Hit:
    name_id: int
    method: str
    score: float
    derived: bool = False  # an adjective formed from the name (Товузский without район)
    short: bool = False  # a division's name without its generic term (Tovuz for Tovuz District)


@dataclass(slots=True)
class Span:
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    first_word_case: str = "none"
    sentence_start: bool = False
    first: int = -1  # the index of its first word in the text's words, and of its last
    last: int = -1


def _joinable(w: Words, a: int, b: int) -> bool:
    """May words a and b belong to one name? Spaces, one dash, or an abbreviation's dot between."""
    gap = w.text[w.ends[a] : w.starts[b]]
    if not gap or len(gap) > 4 or gap.count("\n") > 1:
        return not gap
    core = gap.strip(" \t\u00a0\u202f\n")
    if not core:
        return True
    if core == "(" and gap.endswith("("):
        return True  # a qualifier in brackets that is part of the name: Frankfurt (Oder), Halle (Saale)
    return bool(len(core) == 1 and (core in DASH_SET or (core == "." and len(w.words[a]) <= 2)))


class Matcher:
    """Finds candidate spans for one index; stateless between texts, safe to share."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._fuzzy_cache = Memo(100_000)
        self._seq_cache = Memo(200_000)
        self.hit_cache = Memo(100_000)  # the resolver's gate results per surface form
        self._pair_memo = Memo(200_000)
        self._words_memo = Memo(200_000)
        # word -> (forms, role in a scan), for each Turkic hint
        self._words: tuple[dict[str, tuple[WordForms, int]], dict[str, tuple[WordForms, int]]] = ({}, {})

    def _could_start(self, f: WordForms) -> bool:
        ix = self.index
        keys, mw = ix.keys, ix.max_words
        if f.case == "lower" and not (APOSTROPHE.search(f.word) and f.tail):
            # A lower-case word starts only a name written in lower case (see resolver gates).
            firsts = ix.lower_firsts
            return f.fold.partition(" ")[0] in firsts or any(s in firsts for s, _ in f.stems) or any(b in firsts for b, _ in f.bases)
        for k in (f.fold, f.latin, f.latin_turkic):
            head = k.partition(" ")[0]
            if k in keys or head in mw:
                return True
        if f.skeleton in ix.skeletons or f.skeleton in mw:
            return True
        if any(s in ix.stems or s in mw for s, _ in f.stems):
            return True
        if any(b in keys or b in mw for b, _ in f.bases):
            return True  # a base may begin a longer name too: لحزب الله, with Hezbollah's first word
        if f.script in _SPELT_IN_FULL and any(latin_key(b) in keys for b, _ in f.bases):
            return True  # a declined form of a name recorded only in another script (see _sequence_hits)
        if f.head and (f.head in keys or f.head in mw):
            return True
        if f.tail and (f.tail in keys or f.tail in mw or (latin_key(f.tail) in keys)):
            return True
        return bool(any(b.partition(" ")[0] in mw for b, _ in lang.first_word_bases(f.fold, f.script)))

    # -- one word sequence ------------------------------------------------------------------
    def _key_hits(self, key: str, method_for_level: dict[int, str], derived: bool = False) -> list[Hit]:
        """The hits of one key, each named by the method its level stands for; a level the map
        leaves out is not read (the short form counts as the folded level)."""
        out = []
        for p in postings(self.index.keys.get(key)):
            level = p & 3
            if level == SHORT:  # Tovuz for Tovuz District: a derived form, below a recorded name
                method = method_for_level.get(FOLDED)
                if method is not None:
                    out.append(Hit(p >> 2, method, METHOD_SCORES[method] + weight("short_form"), derived, short=True))
            else:
                method = method_for_level.get(level)
                if method is not None:
                    out.append(Hit(p >> 2, method, METHOD_SCORES[method], derived))
        return out

    def sequence_hits(self, forms: list[WordForms]) -> list[Hit]:
        """Hits for a whole word sequence by every exact-key way, strongest first (cached: the
        same words recur across a text and across texts)."""
        return self._seq_cache.get_or(tuple(forms), lambda: self._sequence_hits(forms))  # type: ignore[no-any-return]

    def _sequence_hits(self, forms: list[WordForms]) -> list[Hit]:
        ix = self.index
        hits: list[Hit] = []
        key_f = " ".join(f.fold for f in forms)
        hits += self._key_hits(key_f, {FOLDED: "folded", LATIN: "transliterated"})
        variants = dict.fromkeys((" ".join(f.latin for f in forms), " ".join(f.latin_turkic for f in forms)))
        variants.pop(key_f, None)
        for variant in variants:  # a dict, not a set: the order must not depend on hashing
            hits += self._key_hits(variant, {FOLDED: "transliterated", LATIN: "transliterated"})
        key_k = " ".join(f.skeleton for f in forms)
        # A skeleton says little about a short word (they ~ tai): only for longer names.
        skeleton_ok = sum(len(f.latin) for f in forms) >= SKELETON_MIN_LENGTH
        for p in postings(ix.skeletons.get(key_k) if skeleton_ok else None):
            hits.append(Hit(p >> 2, "romanization variant", METHOD_SCORES["romanization variant"]))
        last = forms[-1]
        prefix = " ".join(f.fold for f in forms[:-1])
        joiner = " " if prefix else ""
        if last.head:  # a suffix after an apostrophe: Azerbaycan'ın, Bakü'de, Russia's
            hits += self._key_hits(prefix + joiner + last.head, {FOLDED: "inflected", LATIN: "inflected"})
        weak = WEAK
        flags = ix.name_flags
        for base, derived in last.bases:
            for h in self._key_hits(prefix + joiner + base, {FOLDED: "inflected", LATIN: "inflected"}, derived):
                if not flags[h.name_id] & weak:  # a bare import variant is too little to inflect
                    hits.append(h)
        if last.script in _SPELT_IN_FULL:
            # The case form of a name the gazetteer has only in another script: Georgian
            # თოვუზში, stem თოვუზ, reads tovuz, as Tovuz is written. These are "inflected"
            # hits, which the minor-entry reading gate lets through: a minor town read so still
            # needs the text's support, as any minor reading does (_minor_supported).
            # Only names written in Latin letters (their folded key, or its short form): within
            # one script the folded lookup above is exact, and two letters that read alike (ص, س)
            # must not meet through their reading.
            prefix_latin = " ".join(f.latin for f in forms[:-1])
            for base, derived in last.bases:
                for h in self._key_hits(prefix_latin + joiner + latin_key(base), {FOLDED: "inflected"}, derived):
                    if not flags[h.name_id] & weak:
                        hits.append(h)
        if len(forms) > 1:  # proclitics sit on the first word (Arabic)
            rest = " ".join(f.fold for f in forms[1:])
            rests = [rest]
            if len(forms) == 2 and lang.declines_every_word(forms[0].script):
                rests += [b for b, _ in last.bases]  # both words declined: Zielonej Górze, Českých Budějovicích
            for base, derived in lang.first_word_bases(forms[0].fold, forms[0].script):
                for tail in rests:
                    for h in self._key_hits(base + " " + tail, {FOLDED: "inflected", LATIN: "inflected"}, derived):
                        if tail == rest or not flags[h.name_id] & weak:
                            hits.append(h)
        if all(f.stems for f in forms):
            combos = product(*(f.stems for f in forms)) if len(forms) <= 3 else [tuple((f.fold, False) for f in forms)]
            for combo in combos:
                key = " ".join(s for s, _ in combo)
                for p in postings(ix.stems.get(key)):
                    derived = any(d for _, d in combo) and len(forms) == 1
                    hits.append(Hit(p >> 2, "inflected", METHOD_SCORES["inflected"], derived))
        return hits

    def _pair_possible(self, a: WordForms, b: WordForms) -> bool:
        """Can these two words begin one multi-word key, at any level? (memoised per pair)"""
        return bool(self._pair_memo.get_or((a, b), lambda: self._pair_check(a, b)))

    def _pair_check(self, a: WordForms, b: WordForms) -> bool:
        pairs = self.index.pairs
        firsts = {a.fold.rpartition(" ")[2], a.latin.rpartition(" ")[2], a.latin_turkic.rpartition(" ")[2], a.skeleton}
        if a.tail:
            firsts.add(a.tail)
        firsts.update(s for s, _ in a.stems)
        firsts.update(x for x, _ in lang.first_word_bases(a.fold, a.script))
        seconds = {b.fold.partition(" ")[0], b.latin.partition(" ")[0], b.latin_turkic.partition(" ")[0], b.skeleton}
        seconds.update(s for s, _ in b.stems)
        seconds.update(x for x, _ in b.bases)
        if b.head:
            seconds.add(b.head)
        if " " in a.fold:  # a word that folds to two (Persian ZWNJ) carries its own pair
            return True
        return any(f"{x} {y}" in pairs for x in firsts for y in seconds)

    def _max_words(self, f: WordForms) -> int:
        return int(self._words_memo.get_or(f, lambda: self._max_words_of(f)))

    def _max_words_of(self, f: WordForms) -> int:
        mw = self.index.max_words

        def first(key: str) -> int:  # a word may fold to several (Persian ZWNJ)
            head, _, rest = key.partition(" ")
            return int(mw.get(head, 1)) - rest.count(" ") - (1 if rest else 0)

        best = max(first(f.fold), first(f.latin), first(f.latin_turkic), first(f.skeleton), 1)
        if f.stems:
            best = max(best, *(mw.get(s, 1) for s, _ in f.stems))
        if f.tail:
            best = max(best, mw.get(f.tail, 1))
        for base, _ in lang.first_word_bases(f.fold, f.script):  # لحزب الله: a proclitic on the first word
            best = max(best, mw.get(base, 1))
        return best

    # -- a whole text -----------------------------------------------------------------------
    def infos(self, words: Words, turkic_hint: bool) -> list[tuple[WordForms, int]]:
        """(forms, role) of every word of a text: one dictionary look-up each for words seen
        before (the common case: a text's words recur in the next text)."""
        known = self._words[turkic_hint]
        if len(known) > FORMS_KEPT:
            known.clear()
        get = known.get
        return [get(word) or self._learn(word, turkic_hint) for word in words.words]

    def _learn(self, word: str, turkic_hint: bool) -> tuple[WordForms, int]:
        """A new word's forms and its role in a scan: SKIP (a lower-case word that starts no name,
        or one too long for any), UNSPACED (a run of CJK or Thai text), START (it may start a
        name) or OTHER (it starts none, but may be a misspelt one)."""
        f = word_forms(word, turkic_hint)
        if f.script in UNSPACED_SCRIPTS:
            role = UNSPACED
        elif len(word) > LONGEST_WORD:
            return f, SKIP  # never kept: a client's megabyte "word" must not stay in memory
        elif self._could_start(f):
            role = START
        else:
            role = SKIP if f.case == "lower" else OTHER
        self._words[turkic_hint][word] = (f, role)
        return f, role

    def spans(
        self,
        text: str,
        *,
        turkic_hint: bool = False,
        fuzzy: bool = True,
        words: Words | None = None,
        infos: list[tuple[WordForms, int]] | None = None,
        budget: Budget | None = None,
    ) -> list[Span]:
        """The candidate spans of a text: its words (split once by the caller, or here) and
        each word's forms and role (`infos`, from the caller, or looked up here)."""
        w = words if words is not None else split(text)
        if infos is None:
            infos = self.infos(w, turkic_hint)
        forms = [info[0] for info in infos]
        tokens, starts, ends = w.words, w.starts, w.ends
        out: list[Span] = []
        lower_seen = {f.fold for f in forms if f.case == "lower"}
        n_tokens = len(tokens)
        i = 0  # the first word not yet read
        checked = 0
        for here in [k for k, info in enumerate(infos) if info[1]]:  # the words that may start something
            if here < i:  # inside a span already found
                continue
            i = here
            f, role = infos[i]
            if budget is not None and i - checked >= CHECK_EVERY:
                budget.reached("matching", starts[i], len(text))
                checked = i
            if role == UNSPACED:
                out += self._unspaced(tokens[i], starts[i], i)
                i += 1
                continue
            if role == OTHER:
                i = self._after_fuzzy(w, forms, i, lower_seen, out) if fuzzy else i + 1
                continue
            longest = min(self._max_words(f), n_tokens - i)
            n = 1
            if longest > 1 and len(tokens[i + 1]) <= LONGEST_WORD and self._pair_possible(f, forms[i + 1]):
                while n < longest and _joinable(w, i + n - 1, i + n):
                    n += 1
            found = False
            for size in range(n, 0, -1):
                seq = forms[i : i + size]
                hits: list[Hit] = []
                start = starts[i]
                case = f.case
                if f.tail:  # l'Arménie: the name starts after the elided article
                    # unless a capital marks the article as the name's own (a L'Aquila, à L'Haÿ-les-
                    # Roses; "d'Astrakhan" is the oblast's name only in a careless import)
                    capital = tokens[i][:1].isupper()
                    whole = [h for h in self.sequence_hits(seq) if h.method in ("exact", "folded")] if capital else []
                    if whole:
                        hits = whole
                    else:
                        tail_first = word_forms(tokens[i][f.tail_offset :], turkic_hint)
                        hits = self.sequence_hits([tail_first, *seq[1:]])
                        start = starts[i] + f.tail_offset
                        case = tail_first.case
                if not hits:
                    hits = self.sequence_hits(seq)
                    if f.tail:
                        # an elided article is no name with a case ending: Italian "Un'azienda"
                        # is not a town Un (a name that holds the apostrophe, Sant'Agata, stays)
                        hits = [h for h in hits if h.method != "inflected"]
                    start = starts[i]
                    case = f.case
                if hits and case == "lower":
                    # A lower-case word is a name only when the name itself is written so: as
                    # spelt, or declined from its stem (азербайджанской, from азербайджанский).
                    flags = self.index.name_flags
                    hits = [h for h in hits if flags[h.name_id] & LOWER_INITIAL and h.method in ("folded", "inflected")]
                if hits:
                    end = self._suffix_end(w, i + size - 1)
                    if text.startswith(")", end) and "(" in text[start:end]:
                        end += 1  # the bracket a name's qualifier opened closes inside the mention
                    hits, end = self._without_possessive(w, seq, hits, end, i + size - 1, turkic_hint)
                    first = i
                    i += size
                    while i < n_tokens and ends[i] <= end:  # the hyphenated ending
                        i += 1
                    out.append(Span(start, end, hits, case, starts_sentence(text, starts[first]), first, i - 1))
                    found = True
                    break
            if found:
                continue
            i = self._after_fuzzy(w, forms, i, lower_seen, out) if fuzzy and f.case != "lower" else i + 1
        return out

    def _after_fuzzy(self, w: Words, forms: list[WordForms], i: int, lower_seen: set[str], out: list[Span]) -> int:
        """Try a misspelled name at word i; return the index of the next word to look at."""
        span = self._fuzzy_span(w, forms, i, lower_seen)
        if span is None:
            return i + 1
        out.append(span)
        return i + 1 if span.end == w.ends[i] else i + 2

    def _without_possessive(
        self, w: Words, seq: list[WordForms], hits: list[Hit], end: int, j: int, turkic_hint: bool
    ) -> tuple[list[Hit], int]:
        """An English possessive stays outside the mention ("Croatia" in "Croatia's economy"), as
        a highlight or a rewrite into another language wants it; a Turkish case ending after an
        apostrophe is never a bare s, and stays part of its word (Ankara'da)."""
        token = w.words[j]
        if end != w.ends[j] or len(token) < 4 or token[-1] not in "sS" or not APOSTROPHE.fullmatch(token[-2]):
            return hits, end
        bare = self.sequence_hits([*seq[:-1], word_forms(token[:-2], turkic_hint)])
        return (bare, end - 2) if bare else (hits, end)

    @staticmethod
    def _suffix_end(w: Words, j: int) -> int:
        """An abbreviation takes its case ending after a hyphen (ՄԱԿ-ը, XİN-in, ТАСС-а):
        the ending belongs to the mention."""
        end = w.ends[j]
        if j + 1 < len(w) and w.words[j].isupper() and w.text[end : end + 1] in DASH_SET:
            nxt = w.words[j + 1]
            if w.starts[j + 1] == end + 1 and len(nxt) <= 4 and nxt.islower():
                return w.ends[j + 1]
        return end

    def _unspaced(self, s: str, offset: int, index: int) -> list[Span]:
        """Names inside a run of CJK (or Thai ...) text: longest key at each position."""
        keys = self.index.keys
        out: list[Span] = []
        i = 0
        while i < len(s):
            for j in range(min(len(s), i + 12), i, -1):
                piece = s[i:j]
                if j - i < 2 and not keys.get(fold(piece)):
                    continue
                hits = self._key_hits(fold(piece), {FOLDED: "folded", LATIN: "transliterated"})
                if hits:
                    out.append(Span(offset + i, offset + j, hits, "none", False, index, index))
                    i = j
                    break
            else:
                i += 1
        return out

    def _fuzzy_span(self, w: Words, forms: list[WordForms], i: int, lower_seen: set[str]) -> Span | None:
        """A misspelled name: only proper-noun-looking words (capitalised mid-sentence, or in an
        uncased script), never short ones, never words the text also writes in lower case."""
        f = forms[i]
        if f.case == "lower" or f.fold in lower_seen:
            return None
        if f.case == "none" and len(f.latin) < UNCASED_FUZZY_MIN.get(f.script or "", 99):
            return None
        sentence_start = starts_sentence(w.text, w.starts[i])
        if sentence_start and f.case == "title" and len(f.latin) < 8:
            return None
        windows = []
        if (
            i + 1 < len(w)
            and len(w.words[i + 1]) <= LONGEST_WORD
            and forms[i + 1].case in ("title", "upper", "none")
            and _joinable(w, i, i + 1)
        ):
            windows.append(2)
        windows.append(1)
        for size in windows:
            seq = forms[i : i + size]
            query = " ".join(x.latin for x in seq)
            if size == 1 and case_ending(w.words[i]):
                # a Turkish or Azerbaijani case ending follows an apostrophe: the name before it
                # is what may be misspelt (Kırkareli'de for Kırklareli'de)
                query = latin_key(APOSTROPHE.split(w.words[i])[0])
            if len(query.replace(" ", "")) < FUZZY_MIN_LENGTH or any(len(x.latin) < 3 for x in seq):
                continue
            hits = self.fuzzy_hits(query, FUZZY_CUTOFF if f.case != "none" else FUZZY_CUTOFF_UNCASED)
            if hits:
                return Span(w.starts[i], w.ends[i + size - 1], hits, f.case, sentence_start, i, i + size - 1)
        return None

    def fuzzy_hits(self, query: str, cutoff: float = FUZZY_CUTOFF) -> list[Hit]:
        return self._fuzzy_cache.get_or((query, cutoff), lambda: self._fuzzy_hits(query, cutoff))  # type: ignore[no-any-return]

    def _fuzzy_hits(self, query: str, cutoff: float) -> list[Hit]:
        best: list[Hit] = []
        for key in self.index.fuzzy.candidates(query):
            score = fuzz.ratio(query, key)
            if score < cutoff:
                continue
            for p in postings(self.index.keys.get(key)):
                best.append(Hit(p >> 2, "fuzzy", score * FUZZY_SHARE))
        return best
