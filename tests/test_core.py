"""The compiled core against its pure-Python twins: each function alone on random input, then the
whole resolver, run once with the core and once with EXONYM_PURE=1, on the golden sentences and on
generated text. Skipped (with the reason) where the core was not built."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from array import array
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exonym.compiled import CORE
from exonym.resolver.fuzzy import FuzzyIndex
from exonym.resolver.packed import _find_key, _stable_hash
from exonym.text import tokens

pytestmark = pytest.mark.skipif(
    CORE is None, reason="the compiled core is not built here (no Cython or no C compiler): the pure twins serve"
)

ALPHABET = "abcXYZ 'ʼ’`´‘′ꞌ-.éə\u0301ıİ漢字ءԱაБ\U00011301\U0001f600_0123\n\t\u200c"


@given(st.text(alphabet=ALPHABET, max_size=40))
def test_hash_and_words_agree(text: str) -> None:
    assert CORE is not None
    assert CORE.stable_hash(text) == _stable_hash(text)
    words = tokens.split(text)
    found = list(tokens.token_pattern(text).finditer(text))
    assert (words.words, words.starts, words.ends) == ([m.group() for m in found], [m.start() for m in found], [m.end() for m in found])


@given(st.lists(st.text(alphabet=ALPHABET, max_size=12), max_size=30), st.text(alphabet=ALPHABET, max_size=12))
def test_key_look_ups_agree(stored: list[str], probe: str) -> None:
    assert CORE is not None
    hashes = array("Q", sorted({_stable_hash(k) for k in stored}))
    for key in [*stored, probe]:
        assert CORE.find_key(key, hashes) == _find_key(key, hashes)
    if stored:
        assert CORE.find_key(stored[0], hashes) >= 0


def test_the_character_table_is_the_word_pattern() -> None:
    table = tokens._char_table()
    assert all((table[cp] == 1) == bool(tokens.TOKEN.fullmatch(chr(cp))) for cp in range(0x10000))


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6))
def test_fuzzy_look_ups_agree(seed: int) -> None:
    import exonym.resolver.fuzzy as fuzzy

    rnd = random.Random(seed)
    keys = {"".join(rnd.choice("aeioubkmnrstvzə") for _ in range(rnd.randint(5, 14))) for _ in range(200)}
    index = FuzzyIndex(keys)
    queries = [k[: rnd.randint(3, len(k))] + rnd.choice("xyz") + k[rnd.randint(0, len(k)) :] for k in rnd.sample(sorted(keys), 20)]
    compiled = [index.candidates(q) for q in queries]
    fuzzy.CORE = None
    try:
        pure = [index.candidates(q) for q in queries]
    finally:
        fuzzy.CORE = CORE
    assert compiled == pure


_RESOLVE_ALL = """
import json, sys
import exonym
texts = json.load(sys.stdin)
out = [[[m.start, m.end, m.id, m.method, m.score, m.explanation] for m in exonym.resolve(t)] for t in texts]
print(json.dumps(out))
"""


def _texts() -> list[str]:
    import yaml

    root = Path(__file__).parent
    texts = [c["text"] for p in sorted((root / "golden").glob("*.yaml")) for c in yaml.safe_load(p.read_text(encoding="utf-8"))["cases"]]
    rnd = random.Random(3)
    words = [w for t in texts for w in t.split()]
    texts += [" ".join(rnd.choice(words) for _ in range(rnd.randint(5, 60))) for _ in range(300)]
    texts += ["".join(rnd.choice(ALPHABET) for _ in range(80)) for _ in range(100)]
    return texts


def test_the_resolver_gives_the_same_mentions_with_and_without_the_core() -> None:
    texts = json.dumps(_texts())

    def run(pure: bool) -> str:
        env = {**os.environ, "EXONYM_PURE": "1"} if pure else {k: v for k, v in os.environ.items() if k != "EXONYM_PURE"}
        proc = subprocess.run([sys.executable, "-c", _RESOLVE_ALL], input=texts, capture_output=True, text=True, env=env, timeout=600)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert run(pure=False) == run(pure=True)
