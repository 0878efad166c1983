"""exonym on Dask: `resolve_bag` and `resolve_dataframe` for collections people already have,
and `run_batch`, which resolves whole archives on a distributed cluster (`exonym batch`).

Tasks name the gazetteer by its folder (None: the bundled one) and each worker process loads it
once, from the compiled cache, on its first task (records.gazetteer): the index is never shipped
inside a task. `run_batch` writes each partition's results on the worker that made them, under a
temporary name renamed when complete, so a run that stops resumes where it was: partitions whose
file exists are not redone.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exonym.errors import InputError
from exonym.glossary.serialize import mention_dict
from exonym.integrations import archive, records
from exonym.integrations.archive import Partition
from exonym.resolver.resolution import parse_types

# Partitions of at most 16 MB (10-20 s of resolving on one core: little to redo on resume) and
# at least 1 MB (scheduling costs a few ms a task), about four per worker when that fits, so
# that a small archive still keeps every worker busy.
MAX_BLOCKSIZE = 16 * 1024 * 1024
MIN_BLOCKSIZE = 1024 * 1024


def auto_blocksize(total_bytes: int, workers: int) -> int:
    return max(MIN_BLOCKSIZE, min(MAX_BLOCKSIZE, total_bytes // max(4 * workers, 1)))


def _item_record(gaz: Any, item: Any, options: dict[str, Any]) -> dict[str, Any]:
    doc = {"text": item} if isinstance(item, str) else item
    if not isinstance(doc, Mapping) or not isinstance(doc.get("text"), str):
        return {
            "id": doc.get("id") if isinstance(doc, Mapping) else None,
            "error": 'each item must be a string or a mapping with a "text" string',
        }
    try:
        return records.document_record(gaz, doc, None, **options)
    except InputError as exc:
        return {"id": doc.get("id"), "error": str(exc)}


def _resolve_items(items: Any, folder: str | None, options: dict[str, Any]) -> list[dict[str, Any]]:
    gaz = records.gazetteer(folder)
    return [_item_record(gaz, item, options) for item in items]


def resolve_bag(
    bag: Any, *, lang: str | None = None, types: Any = None, include_adjectives: bool = False, gazetteer: str | None = None
) -> Any:
    """A dask Bag of result records {"id", "mentions"} (mentions as `exonym resolve --format
    jsonl` gives them) for a Bag of documents: strings, or mappings {"text", "id"?, "lang"?} as
    JSONL lines parse to. An item that is neither gives {"id", "error"}; an item without id, id None."""
    parse_types(types)  # a typo fails here, not in every task
    options = {"lang": lang, "types": types, "include_adjectives": include_adjectives}
    return bag.map_partitions(_resolve_items, gazetteer, options)


def _resolve_frame(frame: Any, column: str, lang_column: str | None, output: str, folder: str | None, options: dict[str, Any]) -> Any:
    import pandas as pd

    gaz = records.gazetteer(folder)
    langs = frame[lang_column] if lang_column else [None] * len(frame)
    values = [
        [
            mention_dict(m)
            for m in gaz.resolve(
                text,
                lang=row_lang if isinstance(row_lang, str) else options["lang"],
                types=options["types"],
                include_adjectives=options["include_adjectives"],
            )
        ]
        if isinstance(text, str)
        else None
        for text, row_lang in zip(frame[column], langs, strict=True)
    ]
    return frame.assign(**{output: pd.Series(values, index=frame.index, dtype=object)})


def resolve_dataframe(
    df: Any,
    column: str = "text",
    *,
    lang: str | None = None,
    lang_column: str | None = None,
    types: Any = None,
    include_adjectives: bool = False,
    gazetteer: str | None = None,
    output: str = "mentions",
) -> Any:
    """The dask DataFrame with a column `output` holding, for each row's text in `column`, its
    mentions as a list of dicts (None where the text is missing). `lang_column` names a column of
    per-row language tags, which win over `lang`."""
    import pandas as pd

    parse_types(types)
    options = {"lang": lang, "types": types, "include_adjectives": include_adjectives}
    meta = df._meta.assign(**{output: pd.Series([], dtype=object)})
    return df.map_partitions(_resolve_frame, column, lang_column, output, gazetteer, options, meta=meta)


@dataclass
class BatchReport:
    """What a batch run did, updated as partitions finish (the progress callback gets it)."""

    partitions: int = 0
    reused: int = 0  # already written by an earlier run
    written: int = 0
    documents: int = 0
    errors: int = 0  # documents that gave an error record
    bytes: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0  # the slowest worker's gazetteer load
    failed: dict[int, str] = field(default_factory=dict)  # partition -> why


def _partition_records(part: Partition, options: dict[str, Any], gaz: Any, text_column: str) -> tuple[list[dict[str, Any]], int]:
    if part.kind == "parquet":
        out = []
        size = 0  # the texts' UTF-8 bytes, for the report's MB/s
        for row, doc in archive.parquet_documents(part, text_column):
            if doc is None:
                out.append({"id": row, "error": f"row {row}: no {text_column!r} text"})
                continue
            size += len(doc["text"].encode())
            try:
                out.append(records.document_record(gaz, doc, row, **options))
            except InputError as exc:
                out.append({"id": doc.get("id", row), "error": f"row {row}: {exc}"})
        return out, size
    data = archive.read_block(part.path, part.start, part.end, part.compression)
    lines = archive.lines_of(data, part.path)
    # Blank lines count in the numbering and give no record, as in exonym resolve.
    out = [records.line_record(gaz, line, n, **options) for n, line in enumerate(lines, part.first) if line.strip()]
    return out, len(data)


def _run_partition(
    part: Partition, number: int, output: str, output_format: str, folder: str | None, options: dict[str, Any], text_column: str
) -> dict[str, int]:
    """Resolve one partition on a worker and write its file; counts for the report."""
    gaz = records.gazetteer(folder)
    out, size = _partition_records(part, options, gaz, text_column)
    payload = "".join(map(records.record_line, out)).encode() if output_format == "jsonl" else archive.parquet_payload(out)
    archive.write_part(output, archive.part_name(number, output_format), payload)
    return {"documents": len(out), "errors": sum("error" in r for r in out), "bytes": size}


def _warm(folder: str | None) -> float:
    start = time.perf_counter()
    records.gazetteer(folder)
    return time.perf_counter() - start


def plan(client: Any, files: Sequence[str], blocksize: int | None) -> list[Partition]:
    """The partitions of the input files, in order; JSONL lines are counted on the workers.
    With no `blocksize`, auto_blocksize for the archive and the cluster's workers."""
    if blocksize is None:
        total = sum(archive.describe(url)["size"] or 0 for url in files if archive.kind_of(url) == "jsonl")
        blocksize = auto_blocksize(total, len(client.scheduler_info()["workers"]))
    parts: list[Partition] = []
    counting: list[tuple[int, Any]] = []  # index in parts, future of its line count
    for url in files:
        compression = archive.compression_of(url)
        if archive.kind_of(url) == "parquet":
            first = 1
            for i, rows in enumerate(archive.parquet_row_groups(url)):
                parts.append(Partition(url, "parquet", i, -1, first))
                first += rows
        elif compression:
            parts.append(Partition(url, "jsonl", 0, -1, 1, compression))
        else:
            for start, end in archive.blocks(url, blocksize):
                counting.append((len(parts), client.submit(archive.count_lines, url, start, end, pure=False)))
                parts.append(Partition(url, "jsonl", start, end, 0))
    counts = dict(zip([i for i, _ in counting], client.gather([f for _, f in counting]), strict=True))
    numbered: list[Partition] = []
    first = 1
    for i, p in enumerate(parts):
        if p.kind == "jsonl" and p.compression is None:
            first = 1 if p.start == 0 else first
            numbered.append(Partition(p.path, p.kind, p.start, p.end, first))
            first += counts[i]
        else:
            numbered.append(p)
    return numbered


def run_batch(
    inputs: Sequence[str],
    output: str,
    *,
    client: Any,
    output_format: str = "jsonl",
    blocksize: int | None = None,
    lang: str | None = None,
    types: Any = None,
    include_adjectives: bool = False,
    gazetteer: str | None = None,
    text_column: str = "text",
    on_progress: Callable[[BatchReport], None] | None = None,
) -> BatchReport:
    """Resolve every document of `inputs` (JSONL or Parquet files, globs or folders, on any
    fsspec file system) on the cluster of `client`, in partitions of `blocksize` bytes of JSONL
    (None: see auto_blocksize) or Parquet row groups, writing `output`/part-NNNNN.jsonl (or
    .parquet) and a manifest. The parts, read in order, are what `exonym resolve --format jsonl`
    prints for each input in turn. Rerunning with the same inputs and settings resumes; other
    inputs or settings in the same folder are refused (InputError)."""
    if output_format not in archive.OUTPUT_FORMATS:
        raise InputError(f"unknown output format {output_format!r}; one of {', '.join(archive.OUTPUT_FORMATS)}")
    parse_types(types)
    started = time.perf_counter()
    output = archive.absolute(output)
    if gazetteer is not None and Path(gazetteer).is_dir():
        gazetteer = str(Path(gazetteer).resolve())  # the same folder for workers started elsewhere
    files = archive.input_files(inputs)
    described = [archive.describe(f) for f in files]
    settings = {
        "output_format": output_format,
        "blocksize": blocksize,
        "lang": lang,
        "types": types,
        "include_adjectives": include_adjectives,
        "gazetteer": gazetteer,
        "text_column": text_column,
    }
    existing = archive.read_manifest(output)
    if existing is not None:
        if existing.get("inputs") != described or existing.get("settings") != settings:
            raise InputError(f"{output} holds the results of another run (other inputs or settings); give a new folder to start again")
        partitions = archive.partitions_of(existing)
        archive.remove_temporaries(output)
    else:
        partitions = plan(client, files, blocksize)
        archive.write_manifest(output, archive.manifest(described, settings, partitions))

    report = BatchReport(partitions=len(partitions))
    todo = []
    for number, part in enumerate(partitions):
        if archive.part_exists(output, archive.part_name(number, output_format)):
            report.reused += 1
        else:
            todo.append((number, part))
    if todo:
        report.index_seconds = max(client.run(_warm, gazetteer).values(), default=0.0)
    options = {"lang": lang, "types": types, "include_adjectives": include_adjectives}
    futures = {
        client.submit(
            _run_partition,
            part,
            number,
            output,
            output_format,
            gazetteer,
            options,
            text_column,
            pure=False,
            key=f"exonym-part-{number:05d}-{os.urandom(4).hex()}",
        ): number
        for number, part in todo
    }
    from distributed import as_completed

    for future in as_completed(futures):
        number = futures[future]
        try:
            counts = future.result()
        except Exception as exc:  # a failed partition is reported; the others go on
            report.failed[number] = f"{type(exc).__name__}: {exc}"
        else:
            report.written += 1
            report.documents += counts["documents"]
            report.errors += counts["errors"]
            report.bytes += counts["bytes"]
        report.seconds = time.perf_counter() - started
        if on_progress:
            on_progress(report)
    report.seconds = time.perf_counter() - started
    return report


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes (one
    per core by default) started for the run and closed after it. One thread per worker: the
    resolver is pure Python, so threads in one process would share one core."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    import logging

    # The run reports failed partitions itself; the cluster's own logs (a worker's heartbeat
    # to a scheduler already closing, at shutdown) would only be noise on the user's terminal.
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
