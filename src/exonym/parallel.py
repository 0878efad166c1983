"""Many texts at once: `resolve_many` over a pool of worker processes, each of which loads the
compiled gazetteer once (from the cache, a fraction of a second) and resolves a share of the texts.

Workers send back compact tuples (offsets, entry ids, name positions, scores), not objects, and
the caller's process rebuilds the Mentions against its own gazetteer: the results are identical
to resolving each text in turn, in the same order, and the pipes carry a fraction of the bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from exonym.gazetteer import Gazetteer, load_path
from exonym.model import Name
from exonym.resolver.results import Candidate, Mention

# One mention as a tuple: start, end, entry id, score, method, name position, is_adjective,
# reasons, match method, short form, and the runners-up as (entry id, score, name position, method).
Compact = tuple[Any, ...]

_worker: Gazetteer | None = None


def _start_worker(root: str) -> None:
    global _worker
    if _worker is None or str(_worker.root) != root:  # forked workers already hold the caller's
        _worker = load_path(root)


def _resolve_chunk(chunk: list[tuple[str, dict[str, Any]]]) -> list[list[Compact]]:
    assert _worker is not None
    return [[compact(m) for m in _worker.resolve(text, **options)] for text, options in chunk]


def _position(names: tuple[Name, ...], name: Name, known: int = -1) -> int:
    """Where `name` stands in `names`: as the resolver recorded it, else by identity, else by value
    (list.index alone would compare Name field by field with every name before it)."""
    if 0 <= known < len(names) and names[known] is name:
        return known
    for i, n in enumerate(names):
        if n is name:
            return i
    return names.index(name)


def compact(m: Mention) -> Compact:
    entry = m.entry
    runners = tuple((c.entry.id, c.score, _position(c.entry.names, c.name, c.name_index), c.method) for c in m.candidates)
    return (
        m.start,
        m.end,
        entry.id,
        m.score,
        m.method,
        _position(entry.names, m.name, m.name_index),
        m.is_adjective,
        m.reasons,
        m.match_method,
        m.short_form,
        runners,
    )


def expand(gaz: Gazetteer, text: str, t: Compact) -> Mention:
    start, end, entry_id, score, method, pos, is_adjective, reasons, match_method, short_form, runners = t
    entry = gaz.entries[entry_id]
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        entry=entry,
        score=score,
        method=method,
        name=entry.names[pos],
        candidates=tuple(Candidate(gaz.entries[e], s, gaz.entries[e].names[p], how, p) for e, s, p, how in runners),
        is_adjective=is_adjective,
        reasons=tuple(reasons),
        match_method=match_method,
        short_form=short_form,
        name_index=pos,
    )


def resolve_many(
    gaz: Gazetteer,
    texts: Iterable[str],
    *,
    workers: int = 1,
    chunk_size: int = 64,
    lang: str | None = None,
    types: Any = None,
    include_adjectives: bool = False,
) -> Iterator[list[Mention]]:
    """The mentions of each text, in the order of `texts`, as `gaz.resolve` gives them. With
    `workers` > 1 the texts are resolved in that many processes (0: one per core); the input is
    read lazily, a few chunks ahead of the results."""
    options = {"lang": lang, "types": types, "include_adjectives": include_adjectives}
    if workers == 0:
        workers = os.cpu_count() or 1
    if workers <= 1 or gaz.root is None:
        for text in texts:
            yield gaz.resolve(text, **options)
        return
    global _worker
    # Where processes can be forked, the workers start with the caller's gazetteer and its warm
    # caches (shared until written); elsewhere each loads the compiled cache once.
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if context is not None:
        _worker = gaz
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(str(gaz.root),)) as pool:
        pending: list[tuple[list[str], Any]] = []
        for chunk in _chunks(texts, chunk_size):
            pending.append((chunk, pool.submit(_resolve_chunk, [(t, options) for t in chunk])))
            if len(pending) > 2 * workers:  # keep the pool busy without reading the whole input
                yield from _collect(gaz, *pending.pop(0))
        for chunk, future in pending:
            yield from _collect(gaz, chunk, future)


def _collect(gaz: Gazetteer, chunk: list[str], future: Any) -> Iterator[list[Mention]]:
    for text, found in zip(chunk, future.result(), strict=True):
        yield [expand(gaz, text, t) for t in found]


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
