"""A light guess at a text's language from its most common function words, so that without a
`lang` hint, names in the text's own language are preferred (English "Azerbaijani" is an
adjective, Swahili "Azerbaijani" the country) and Turkic suffix rules switch on."""

from __future__ import annotations

from collections import Counter

from exonym.text.normalize import fold

_STOPWORDS = {
    "en": "the of and to in is that for on with was by from at as has have been it are were".split(),
    "fr": "le la les des du de et est une un dans pour que qui sur au aux par avec".split(),
    "de": "der die das und ist nicht mit den von zu im auf ein eine dem des sich wurde".split(),
    "es": "el la los las de y en que del por con una para se su al es".split(),
    "it": "il la di che e per un una del della nel con sono non gli le".split(),
    "pt": "o a os as de do da e em que um uma para com no na por".split(),
    "ru": "и в на не что с по из к у за от для о это как его а".split(),
    "uk": "і в на не що з по із до у за від для про це як його та".split(),
    "az": "və bu ilə üçün da də bir olan olub ki isə görə artıq qeyd".split(),
    "tr": "ve bu ile için da de bir olan oldu ki ise göre daha çok".split(),
    "hy": "և է որ ու են այդ մեր իր հետ համար այն".split(),
    "ka": "და არის რომ ეს არ იყო ამ მისი თუ".split(),
    "ar": "في من على إلى أن التي الذي عن مع هذا".split(),
    "fa": "و در به از که این با را است برای".split(),
    "pl": "i w na nie z do się jest że o to jak".split(),
}
# Further common words that start sentences: not names there, whatever the gazetteer holds.
_MORE = {
    "en": "a an but this these those there then when while if so not no all some many more most male bank may".split(),
    "fr": "tous tout toute toutes mais donc or car ce cet cette ces il elle ils elles on nous vous si ainsi".split(),
    "de": "man dabei aber auch doch noch nur schon wenn weil dann denn so wie als er sie es wir ihr".split(),
    "es": "para pero como cuando donde gran sin sobre entre hasta desde este esta estos estas ese esa las los".split(),
    "it": "ma anche come quando dove vedi bene poi questo questa quello quella tutti tutto sono".split(),
    "pt": "mas como quando onde para sem sobre entre este esta esse essa".split(),
    "ru": "того этого тому кроме однако также если когда где там тут так как все это эти".split(),
    "uk": "того цього тому крім однак також якщо коли де там тут так як все це ці".split(),
    "az": "amma lakin bu o həm qala çünki əgər sonra".split(),
    "tr": "ama fakat ancak bu şu o hem saat çünkü eğer sonra barış".split(),
}
STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(fold(w) for w in _STOPWORDS.get(lang, []) + _MORE.get(lang, []))
    for lang in set(_STOPWORDS) | set(_MORE)
}
ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _WORD_LANGS.setdefault(fold(_w), []).append(_lang)


def guess_language(words: list[str], *, sample: int = 400) -> str | None:
    """The most likely language of a list of folded words, or None when unsure."""
    counts: Counter[str] = Counter()
    for w in words[:sample]:
        for lang in _WORD_LANGS.get(w, ()):
            counts[lang] += 1
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    runner = rest[0][1] if rest else 0
    return best if n >= 2 and n >= 1.5 * runner else None
