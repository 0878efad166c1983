"""Polish, Czech and Slovak (Latin): case endings of nouns.

Names are recorded in the nominative; a word in text may be in any case. Each case ending a
word may carry gives the nominatives it may come from: Wrocławia -> wrocław, Lwowie -> lwów,
Litwy -> litwa, Czechami -> czechy, Ostravu -> ostrava, Brně -> brno, Vídni -> vídeň. The
consonant that softens before -e comes back (Polsce -> polska, Praze -> praha, Rydze -> ryga),
and a fleeting e returns to the last syllable (Vídni -> vídeň). Folding takes the marks off
(ó, ł, ń, ě fold to o, l, n, e), which also hides the vowel change of Lwów -> Lwowie. A base counts
only when it is a name in the index, so the table can be generous; the resolver reads these
endings only in text of these languages (see `LANGUAGES`). Input is folded text.
"""

from __future__ import annotations

from exonym.text.lang import by_length

SCRIPT = "Latn"
LANGUAGES = frozenset({"pl", "cs", "sk"})
# an adjective declines with its noun: Zielonej Górze (Zielona Góra), Českých Budějovicích
DECLINES_EVERY_WORD = True
# the consonant before an ending softens with it, and may take a mark (Gniezno, Gnieźnie): the
# marks of a name's last three letters are not compared (see the resolver's marks check)
STEM_END_CHANGES = 3

# ending -> the nominative endings it may replace ("" for a name ending in a consonant)
_ENDINGS: dict[str, tuple[str, ...]] = {
    "a": ("", "o", "e"),  # genitive: Berlína, Brna, Koźla
    # genitive, dative, locative; Czech accusative: Karabachu, Ostravu, Koźlu; Czech genitive plural (-ů): Varů
    "u": ("", "a", "o", "y", "e"),
    "ia": ("",),  # Wrocławia, Erywania
    "iu": ("",),  # Erywaniu
    "em": ("", "o", "e", "y"),  # instrumental: Tbilisem; locative of an adjectival name: Zakopanem, Olomouckém (kraji)
    "ego": ("e", ""),  # genitive of an adjectival name: Zakopanego; of a masculine adjective: (Piotrkowa) Trybunalskiego
    "eho": ("y", "e"),  # Czech genitive of an adjectival name: Olomouckého
    "emu": ("y", "e", ""),  # Czech dative of an adjectival name: Zlínskému; Polish -iemu: Wielkopolskiemu
    "ym": ("y",),  # Czech instrumental of an adjectival name: Olomouckým
    "ych": ("e", "y"),  # Czech genitive and locative plural of an adjectival name: Českých (Budějovicích)
    "ej": ("a",),  # Polish genitive, dative and locative of a feminine adjective: Zielonej (Górze)
    "iej": ("a",),  # the same after k, g: (Ostrowi) Mazowieckiej, (Środzie) Wielkopolskiej
    "im": ("i",),  # Polish locative and instrumental of a soft adjective: Wielkim
    "ich": ("e",),  # Czech locative plural of a soft noun: Budějovicích, Pardubicích
    "c": ("ce",),  # Czech genitive plural without an ending: Hranic, Budějovic
    "iem": ("",),  # Dżermukiem
    "owi": ("",),  # dative: Kijowowi
    "ovi": ("",),
    "e": ("", "a", "o"),  # locative: Teksase, Warszawie (with -ie), Brně
    "ie": ("", "a", "o"),  # Lwowie, Teksasie, Warszawie
    "y": ("a",),  # genitive: Litwy, Szuszy
    "i": ("a", "", "e"),  # Rosji, Armenii, Vídni
    "ou": ("a",),  # Czech instrumental: Ostravou
    "ach": ("y", "a", ""),  # locative plural: Czechach, Drážďanach
    "ech": ("y",),  # Drážďanech, Niemczech
    "ami": ("y",),  # Czechami
    "om": ("y",),
    "um": ("y",),  # Czech dative plural (-ům)
    "ow": ("y",),  # Polish genitive plural (-ów)
}
_BY_LENGTH = by_length(_ENDINGS)
# consonants that soften before -e/-i/-y, and the consonant of the nominative
_HARDENED = (("dz", "g"), ("dz", "d"), ("rz", "r"), ("cz", "c"), ("c", "k"), ("z", "h"), ("z", "g"))
MIN_BASE = 3
# k and g soften to c and dz before -y only in the plural of persons and their adjectives
# (Polscy, Polish; drodzy): a noun's genitive keeps them (Polski, Rygi)
_NOT_BEFORE_Y = frozenset({("c", "k"), ("dz", "g")})


def bases(word: str) -> list[tuple[str, bool]]:
    """Candidate nominatives of a folded word: wroclawia -> wroclaw, litwy -> litwa."""
    out: dict[str, bool] = {}
    for n, endings in _BY_LENGTH:
        ending = word[-n:]
        if len(word) - n < MIN_BASE or ending not in endings:
            continue
        stem = word[:-n]
        stems = [stem]
        if ending[0] in "eiy":
            stems += [
                stem[: -len(soft)] + hard
                for soft, hard in _HARDENED
                if stem.endswith(soft) and not _digraph(stem, soft) and not (ending == "y" and (soft, hard) in _NOT_BEFORE_Y)
            ]
        if ending in ("i", "e", "a", "u", "em") and len(stem) >= 2 and stem[-2] not in _VOWELS and stem[-1] in "nlkc":
            stems.append(stem[:-1] + "e" + stem[-1])  # a fleeting e: Vídni -> vídeň
        for s in stems:
            for nominative in _ENDINGS[ending]:
                base = s + nominative
                if base != word:
                    out.setdefault(base, False)
    return list(out.items())


_VOWELS = frozenset("aeiouy")


def _digraph(stem: str, soft: str) -> bool:
    """Whether the stem's last z is the second letter of sz, cz or rz (Szusza's sz stays)."""
    return soft == "z" and stem[-2:-1] in ("s", "c", "r")
