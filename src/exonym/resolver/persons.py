"""Telling a place name from the same word in a person's name: Michael Jordan, Denzel Washington,
Ararat Mirzoyan, Арарат Мирзоян.

Capitals are the evidence, so this only applies in scripts that have them. A one-word place name
is read as part of a person's name when
- the word before it is capitalised, mid-sentence, unknown to the gazetteer and not a word that
  precedes place names (Lake, Mount, North, Greater, President, Mayor, a month, a weekday ...), or
- the word after it is capitalised and shaped like a surname (-yan, -ov, -shvili, -ян, -յան ...), or
- the word after it is capitalised, unknown, and ends the name (Paris Hilton, Sydney Sweeney);
  not after a place preposition or an article, nor before a title or a facility's head word.
Once a text shows a word as part of a person's name by one of the first two rules, the same word
alone later in that text is read the same way ("Jordan scored 30 points"); the third, weaker,
holds only where it stands. Headline-case lines are left alone: there every
word is capitalised and nothing can be told from it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from exonym.text import lang as languages
from exonym.text.normalize import APOSTROPHES, fold
from exonym.text.tokens import Words, starts_sentence

# A case ending after an apostrophe (Turkish, Azerbaijani: Kars'tan, Bakı'da) is written after the
# whole proper name, so a word that carries one is never a given name followed by its surname.
_CASE_ENDING = re.compile(rf"[{re.escape(APOSTROPHES)}]([^\W\d_]+)$")


def case_ending(word: str) -> bool:
    """Whether the word ends in a lower-case case ending after an apostrophe (Kars'tan), or in
    an upper-case one in a word all in capitals (ÇANAKKALE'DE); not a name's own apostrophe
    (O'Brien, D'Alema) nor an English possessive (Deal's terms, RUSSIA'S)."""
    found = _CASE_ENDING.search(word)
    if found is None or found.group(1).casefold() == "s":
        return False
    ending = found.group(1)
    return ending.islower() or (ending.isupper() and len(ending) > 1 and word.isupper())


class Reason(NamedTuple):
    """Why a place word is read as part of a person's name, and whether the same word alone
    elsewhere in the text is read so too (a surname or a given name before it is strong
    evidence; a capitalised unknown word after it is not: "yarın Selçuk ve Kuşadası'nda" stays a
    place when "Selçuk Kaya" follows)."""

    text: str
    spreads: bool = True
    surname_next: bool = False  # the next word is the person's surname, not a place of its own


def _capitalised(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper() and not word.isupper()


class HeadlineLines:
    """Which lines of a text are in headline case (every longer word capitalised), each line
    worked out once: a 10 MB one-line text must not be rescanned for every name in it."""

    def __init__(self, words: Words) -> None:
        self.text = words.text
        self.words = words
        self.lines: dict[int, bool] = {}

    def __call__(self, i: int) -> bool:
        w = self.words
        start = self.text.rfind("\n", 0, w.starts[i]) + 1
        found = self.lines.get(start)
        if found is None:
            end = self.text.find("\n", w.ends[i])
            end = len(self.text) if end < 0 else end
            first, last = bisect.bisect_left(w.starts, start), bisect.bisect_left(w.starts, end)
            cased = [t for t in w.words[first:last] if len(t) >= 4 and (t[:1].isupper() or t[:1].islower())]
            found = len(cased) >= 4 and sum(1 for w in cased if w[:1].isupper()) >= 0.9 * len(cased)
            self.lines[start] = found
        return found


@lru_cache(maxsize=1)
def _surname() -> re.Pattern[str]:
    """Endings of surnames in every language (-yan, -ov, -shvili, -ян, -յան ...)."""
    return re.compile("(?:" + "|".join(map(re.escape, languages.all_surname_suffixes())) + ")$", re.IGNORECASE)


def _capitalises_nouns(lang: str | None) -> bool:
    """Languages that capitalise every noun: a capitalised word before a place tells nothing
    there ("die Hauptstadt Baku")."""
    found = languages.language(lang)
    return found is not None and found.capitalises_nouns


def person_reason(
    words: Words,
    i: int,
    is_known: Callable[[int], bool],
    is_headline: Callable[[int], bool],
    lang: str | None = None,
    as_written: bool = True,
) -> Reason | None:
    """Why tokens[i], a capitalised one-word place name, is part of a person's name, or None.
    `is_known(i)` says whether token i is known otherwise: a name in the gazetteer, a word of
    another mention, a type word (Provinz, rayonu); `is_headline(i)` whether its line is in
    headline case (HeadlineLines); `lang` is the text's language where known; `as_written`
    whether the word is the place's name as written, not a declined form of it."""
    reason = _reason(words, i, is_known, lang, as_written)
    # in a headline every word is capitalised and nothing can be told from it (checked last:
    # it reads the whole line)
    return None if reason is None or is_headline(i) else reason


def before_surname_uncased(words: Words, i: int, is_known: Callable[[int], bool]) -> bool:
    """Whether tokens[i], in a script without capitals, stands right before a word shaped like a
    surname (Georgian -ძე, -შვილი and their case forms): ვიქტორია ჯაფარიძემ is a woman, not
    Victoria. Without capitals the ending is the only evidence, so only the words files' surname
    endings count, and the next word must be unknown to the gazetteer."""
    if i + 1 >= len(words) or words.text[words.ends[i] : words.starts[i + 1]] != " ":
        return False
    nxt = words.words[i + 1]
    return not nxt[:1].isupper() and bool(_surname().search(nxt)) and not is_known(i + 1)


def after_honorific(words: Words, i: int, lang: str | None) -> bool:
    """Whether a form of address of the text's language (of any language when it is not known)
    stands right before tokens[i]: "Mr Washington", "Frau Kassel", "آقای تهرانی". No capitals
    are needed, so this holds in every script."""
    if i == 0 or words.text[words.ends[i - 1] : words.starts[i]] not in (" ", ". ", "\u00a0"):
        return False
    return fold(words.words[i - 1]) in languages.honorifics(lang)


def _given_name_before(words: Words, i: int, is_known: Callable[[int], bool], lang: str | None) -> bool:
    """Paris Hilton, Florence Pugh, Sydney Sweeney: a place word followed by one capitalised word
    the gazetteer does not know, which ends the name (a lower-case word or punctuation follows).
    Not after a place preposition or an article ("in Paris Macron said", "the Paris Agreement"),
    and not before a title, a facility's or an institution's head word (Baku Airport, Kyiv
    Independent; `name_heads` in the words files) or a word `is_known` knows: a type word, a
    weekday or month (Yerevan Mayor, Baku Monday)."""
    text, tokens, starts, ends = words.text, words.words, words.starts, words.ends
    nxt = tokens[i + 1]
    if not _capitalised(nxt) or is_known(i + 1) or case_ending(tokens[i]) or case_ending(nxt):
        return False  # a case ending closes a place's phrase as often as a name (Aras Nehri'nin)
    folded = fold(nxt)
    if folded in languages.all_titles() or folded in languages.all_name_heads() or folded in languages.all_stopwords():
        return False
    if i + 2 < len(tokens) and text[ends[i + 1] : starts[i + 2]] == " " and _capitalised(tokens[i + 2]):
        return False  # a longer capitalised run: an institution's name as often as a person's
    if i > 0 and text[ends[i - 1] : starts[i]] == " ":
        prev = fold(tokens[i - 1])
        if prev in languages.place_prepositions(lang) or prev in languages.determiners(lang):
            return False
    return True


def _reason(words: Words, i: int, is_known: Callable[[int], bool], lang: str | None, as_written: bool) -> Reason | None:
    text, tokens, starts, ends = words.text, words.words, words.starts, words.ends
    word = tokens[i]
    if not _capitalised(word):
        return None
    if i + 1 < len(tokens):
        nxt = tokens[i + 1]
        gap = text[ends[i] : starts[i + 1]]
        if gap == " " and _capitalised(nxt) and _surname().search(nxt) and not is_known(i + 1):
            return Reason(f"followed by the surname {nxt!r}")
        # "Washington, who also directs": a pronoun that stands only for people (not after a
        # preposition of place: in "officials in Gavar who asked", who are the officials)
        after_preposition = i > 0 and fold(tokens[i - 1]) in languages.place_prepositions(lang)
        if gap in (" ", ", ") and fold(nxt) in languages.person_pronouns(lang) and not after_preposition:
            return Reason(f"followed by {nxt!r}, said of a person")
        # a declined word is not a given name before its surname (Türkiyənin Ordu şəhərində)
        if gap == " " and as_written and _given_name_before(words, i, is_known, lang):
            return Reason(f"a given name before {nxt!r}", spreads=False, surname_next=True)
    if i > 0 and not _capitalises_nouns(lang):
        prev = tokens[i - 1]
        gap = text[ends[i - 1] : starts[i]]
        before = text[ends[i - 2] : starts[i - 1]] if i > 1 else ""
        sentence_start = i == 1 or starts_sentence(text, starts[i - 1])
        # a sentence's first word is capitalised anyway ("Делегация Азербайджана", "Yesterday
        # Baku"): it tells nothing
        # a given name stands alone before the surname: after "Leyla Abdullayeva" or before
        # nothing capitalised, the next capitalised word starts a new phrase
        two_back = tokens[i - 2] if i > 1 else None
        # (a sentence's first word is capitalised anyway: "Oyuncu Ahmet Kars" is a title and a name)
        after_name = (
            two_back is not None
            and before.strip() == ""
            and _capitalised(two_back)
            and not (i == 2 or starts_sentence(text, starts[i - 2]))
        )
        after_article = two_back is not None and fold(two_back) in languages.determiners(lang)
        if (
            gap == " "
            and not sentence_start
            and not after_name
            and not after_article
            and not _surname().search(prev)
            and _capitalised(prev)
            and not case_ending(prev)  # a declined word ends its name: Kars'tan Ermenistan'ın
            and fold(prev).rstrip(".") not in languages.all_titles()
            and fold(prev) not in languages.all_stopwords()  # "- La Russia", "« Le Caire"
            and not is_known(i - 1)
        ):
            return Reason(f"after the given name {prev!r}")
    return None
