"""An archive on any file system fsspec reads (local, s3://, gs://, ...): its input files, cut into
partitions; the documents of one partition; one partition's results written under a temporary
name and renamed when complete; and the manifest that lets a stopped run resume.

Partitions are our own, not dask.bag.read_text's: a document without an id is named by its line
number, as `exonym resolve --format jsonl` names it, so each JSONL partition must know the number
of its first line. A JSONL file is cut into blocks of about `blocksize` bytes at line ends, and the
lines of each block are counted once (a fast pass next to resolving, and kept in the manifest);
a Parquet file is cut at its row groups, whose sizes its footer gives. A compressed file is one
partition (it cannot be read from the middle).
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any

from exonym import __version__
from exonym.errors import InputError

PARQUET_SUFFIXES = (".parquet", ".pq")
OUTPUT_FORMATS = ("jsonl", "parquet")
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Partition:
    """A slice of one input: bytes [start, end) of a JSONL file whose first line is `first`, or
    row group `start` of a Parquet file whose first row is `first` (end unused: -1)."""

    path: str
    kind: str  # "jsonl" or "parquet"
    start: int
    end: int
    first: int
    compression: str | None = None


def _fs(url: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(url)
    return fs, path


def _url(fs: Any, path: str) -> str:
    return str(fs.unstrip_protocol(path))


def absolute(url: str) -> str:
    """A path or URL as a full URL: a relative local path means the caller's folder, not the
    folder each worker was started in."""
    fs, path = _fs(url)
    return _url(fs, path)


def input_files(inputs: Sequence[str]) -> list[str]:
    """Each input as a URL, globs and folders expanded (sorted), in the order given."""
    out: list[str] = []
    for item in inputs:
        fs, path = _fs(item)
        if any(c in path for c in "*?["):
            found = sorted(p for p in fs.glob(path) if fs.isfile(p))
        elif fs.isdir(path):
            found = sorted(p for p in fs.find(path) if not p.rsplit("/", 1)[-1].startswith((".", "_")))
        elif fs.isfile(path):
            found = [path]
        else:
            raise InputError(f"no such input: {item}")
        if not found:
            raise InputError(f"no files match {item}")
        out.extend(_url(fs, p) for p in found)
    return out


def describe(url: str) -> dict[str, Any]:
    """What identifies an input's content for the manifest: its URL, size and modification
    time (or checksum) where the file system gives one."""
    fs, path = _fs(url)
    info = fs.info(path)
    stamp = info.get("mtime") or info.get("LastModified") or info.get("updated") or info.get("ETag") or info.get("md5Hash")
    return {"path": url, "size": info.get("size"), "modified": str(stamp) if stamp is not None else None}


def kind_of(url: str) -> str:
    return "parquet" if url.lower().endswith(PARQUET_SUFFIXES) else "jsonl"


def compression_of(url: str) -> str | None:
    """gzip, bz2, zstd ... from the file name, or None."""
    from fsspec.utils import infer_compression

    value: str | None = infer_compression(url)
    return value


def blocks(url: str, blocksize: int) -> list[tuple[int, int]]:
    """Byte ranges of a JSONL file that start at line starts and hold about `blocksize` bytes
    each (a line longer than that makes its block longer)."""
    fs, path = _fs(url)
    size = fs.size(path)
    bounds = [0]
    with fs.open(path, "rb") as fh:
        for target in range(blocksize, size, blocksize):
            if target <= bounds[-1]:  # a long line ran past this target already
                continue
            fh.seek(target - 1)
            fh.readline()  # to the first line start at or after target
            start = fh.tell()
            if bounds[-1] < start < size:
                bounds.append(start)
    bounds.append(size)
    return [(a, b) for a, b in pairwise(bounds) if b > a]


def read_block(url: str, start: int, end: int, compression: str | None = None) -> bytes:
    fs, path = _fs(url)
    with fs.open(path, "rb", compression=compression) as fh:
        if compression:
            data: bytes = fh.read()
            return data
        fh.seek(start)
        data = fh.read(end - start)
        return data


def lines_of(data: bytes, where: str) -> Iterator[str]:
    """The lines of a block as `exonym resolve` reads a file: UTF-8, universal newlines."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where} is not valid UTF-8 (byte {exc.start} of the partition)") from None
    yield from io.StringIO(text, newline=None)


def count_lines(url: str, start: int, end: int) -> int:
    """The lines in bytes [start, end) of a JSONL file, counted as lines_of reads them."""
    return sum(1 for _ in lines_of(read_block(url, start, end), url))


def parquet_row_groups(url: str) -> list[int]:
    """The number of rows of each row group of a Parquet file (read from its footer)."""
    import pyarrow.parquet as pq

    fs, path = _fs(url)
    with fs.open(path, "rb") as fh:
        meta = pq.ParquetFile(fh).metadata
        return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def parquet_documents(part: Partition, text: str = "text") -> Iterator[tuple[int, dict[str, Any] | None]]:
    """(row number, {"text", "id"?, "lang"?}) for each row of a Parquet partition; None where the
    row has no text."""
    import pyarrow.parquet as pq

    fs, path = _fs(part.path)
    with fs.open(path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        columns = [c for c in (text, "id", "lang") if c in pf.schema_arrow.names]
        if text not in columns:
            raise InputError(f"{part.path} has no {text!r} column")
        table = pf.read_row_group(part.start, columns=columns)
    for offset, row in enumerate(table.to_pylist()):
        doc = {("text" if k == text else k): v for k, v in row.items() if v is not None}
        yield part.first + offset, doc if isinstance(doc.get("text"), str) else None


def write_part(directory: str, name: str, payload: bytes) -> None:
    """Write one output file under a temporary name, then rename it: a file named part-... is
    always complete, so a run that stops leaves nothing a resumed run would trust wrongly."""
    fs, root = _fs(directory)
    final = f"{root.rstrip('/')}/{name}"
    temporary = f"{root.rstrip('/')}/.{name}.{uuid.uuid4().hex}.tmp"
    with fs.open(temporary, "wb") as fh:
        fh.write(payload)
    fs.mv(temporary, final)


def remove_temporaries(directory: str) -> None:
    """Delete the half-written files a stopped run left (one run writes to a folder at a time)."""
    fs, root = _fs(directory)
    for path in fs.glob(f"{root.rstrip('/')}/.*.tmp"):
        fs.rm(path)


def part_exists(directory: str, name: str) -> bool:
    fs, root = _fs(directory)
    return bool(fs.exists(f"{root.rstrip('/')}/{name}"))


def part_name(number: int, output_format: str) -> str:
    return f"part-{number:05d}.{output_format}"


def parquet_payload(records: Sequence[dict[str, Any]]) -> bytes:
    """Records as a Parquet file: id as text, mentions as the JSON of the jsonl record's list,
    error when the document could not be read (one schema for every part, whatever the ids)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("mentions", pa.string()), ("error", pa.string())])
    columns: dict[str, list[str | None]] = {
        "id": [r["id"] if isinstance(r["id"], str) else json.dumps(r["id"]) for r in records],
        "mentions": [json.dumps(r["mentions"], ensure_ascii=False) if "mentions" in r else None for r in records],
        "error": [r.get("error") for r in records],
    }
    sink = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), sink)
    return sink.getvalue()


def manifest(inputs: list[dict[str, Any]], settings: dict[str, Any], partitions: list[Partition]) -> dict[str, Any]:
    return {"exonym": __version__, "inputs": inputs, "settings": settings, "partitions": [asdict(p) for p in partitions]}


def read_manifest(directory: str) -> dict[str, Any] | None:
    """The manifest of an output folder; None when the folder is new or empty. Refuses a folder
    that holds other files and no manifest: it is not ours to write into."""
    fs, root = _fs(directory)
    if not fs.exists(root):
        return None
    path = f"{root.rstrip('/')}/{MANIFEST}"
    if not fs.exists(path):
        if fs.ls(root):
            raise InputError(f"{directory} is not empty and has no {MANIFEST}: give an empty or new folder")
        return None
    with fs.open(path, "rb") as fh:
        data: dict[str, Any] = json.loads(fh.read())
    return data


def write_manifest(directory: str, data: dict[str, Any]) -> None:
    fs, root = _fs(directory)
    fs.makedirs(root, exist_ok=True)
    write_part(directory, MANIFEST, json.dumps(data, ensure_ascii=False, indent=1).encode())


def partitions_of(data: dict[str, Any]) -> list[Partition]:
    return [Partition(**p) for p in data["partitions"]]
