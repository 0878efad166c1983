"""The compiled cache: a container of data only (JSON and flat arrays), never code.

A cache file is written by this process and read by the next, so nothing in it may run when it
is read: no pickle. A file holds a magic line, a JSON header that lists named sections with their
kind, offset and length and the SHA-256 of everything after the header, then the sections. Reading
checks the magic, the sizes, the digest and every section's kind before anything is decoded; a file
that fails any check is ignored (and rebuilt), never trusted.

The folder is the user's own: created with mode 0700, and refused (no reading, no writing) when
another user owns it or others may write to it. Files are written under a temporary name and moved
into place, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
import warnings
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MAGIC = b"EXONYM-CACHE 2\n"
MAX_HEADER = 1 << 20
# Section kinds: "json" (UTF-8 JSON), "strings" (UTF-8 joined by NUL), "bytes", and
# "array:<typecode>" (array module items in this machine's byte order, named in the header).
_ARRAY_CODES = frozenset("bBhHiIlLqQfd")

Section = Any  # json-able value, list[str] (strings), bytes, or array


class CacheRefused(Exception):
    """A cache file or folder that must not be used; the message says why."""


def cache_dir() -> Path:
    env = os.environ.get("EXONYM_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "exonym"


def _owned_and_private(info: os.stat_result, what: str) -> None:
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise CacheRefused(f"{what} belongs to another user (uid {info.st_uid})")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise CacheRefused(f"{what} can be written by other users (mode {stat.S_IMODE(info.st_mode):o})")


def safe_dir(path: Path, *, create: bool) -> Path:
    """The cache folder, created 0700 when asked; CacheRefused when it is not the user's own."""
    if create:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheRefused(f"cannot create {path}: {exc.strerror or exc}") from None
    try:
        info = path.lstat()
    except OSError:
        raise CacheRefused(f"{path} does not exist") from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise CacheRefused(f"{path} is not a folder (a link or a file)")
    _owned_and_private(info, str(path))
    return path


def _encode(value: Section) -> tuple[str, bytes]:
    if isinstance(value, array):
        return f"array:{value.typecode}", value.tobytes()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "bytes", bytes(value)
    if isinstance(value, list) and all(isinstance(x, str) for x in value) and value and not any("\0" in x for x in value):
        return "strings", "\0".join(value).encode("utf-8")
    return "json", json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write(path: Path, sections: Mapping[str, Section], meta: Mapping[str, Any]) -> None:
    """Write a container atomically into a safe folder; CacheRefused if the folder is not."""
    folder = safe_dir(path.parent, create=True)
    table = []
    blobs = []
    offset = 0
    digest = hashlib.sha256()
    for name, value in sections.items():
        kind, blob = _encode(value)
        table.append({"name": name, "kind": kind, "offset": offset, "length": len(blob)})
        digest.update(blob)
        blobs.append(blob)
        offset += len(blob)
    header = json.dumps(
        {"meta": dict(meta), "byteorder": sys.byteorder, "sha256": digest.hexdigest(), "size": offset, "sections": table},
        ensure_ascii=False,
    ).encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".cache")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC)
            fh.write(len(header).to_bytes(8, "little"))
            fh.write(header)
            for blob in blobs:
                fh.write(blob)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read(path: Path, *, max_bytes: int = 4 << 30) -> tuple[dict[str, Any], dict[str, Any]]:
    """(meta, sections) of a container; CacheRefused when anything about it is wrong."""
    safe_dir(path.parent, create=False)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise CacheRefused(f"cannot open {path}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CacheRefused(f"{path} is not a regular file")
        _owned_and_private(info, str(path))
        if info.st_size > max_bytes:
            raise CacheRefused(f"{path} is larger than {max_bytes} bytes")
        data = fh.read()
    view = memoryview(data)
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 8:
        raise CacheRefused(f"{path} is not an exonym cache of this version")
    start = len(MAGIC) + 8
    size = int.from_bytes(data[len(MAGIC) : start], "little")
    if size > MAX_HEADER or start + size > len(data):
        raise CacheRefused(f"{path} has a malformed header")
    try:
        header = json.loads(bytes(view[start : start + size]))
    except (ValueError, UnicodeDecodeError):
        raise CacheRefused(f"{path} has a malformed header") from None
    if not isinstance(header, dict) or header.get("byteorder") != sys.byteorder:
        raise CacheRefused(f"{path} was written on another kind of machine")
    body = view[start + size :]
    if header.get("size") != len(body) or hashlib.sha256(body).hexdigest() != header.get("sha256"):
        raise CacheRefused(f"{path} is damaged (its digest does not match)")
    sections: dict[str, Any] = {}
    for item in header.get("sections", []):
        try:
            name, kind, offset, length = item["name"], item["kind"], int(item["offset"]), int(item["length"])
        except (KeyError, TypeError, ValueError):
            raise CacheRefused(f"{path} has a malformed section table") from None
        if offset < 0 or length < 0 or offset + length > len(body):
            raise CacheRefused(f"{path}: section {name!r} lies outside the file")
        sections[str(name)] = _decode(kind, body[offset : offset + length], path)
    meta = header.get("meta")
    return (meta if isinstance(meta, dict) else {}), sections


def _decode(kind: str, blob: memoryview, path: Path) -> Any:
    if kind == "json":
        return json.loads(bytes(blob))
    if kind == "strings":
        return bytes(blob).decode("utf-8").split("\0") if len(blob) else []
    if kind == "bytes":
        return bytes(blob)
    if kind.startswith("array:") and kind[6:] in _ARRAY_CODES:
        out = array(kind[6:])
        if len(blob) % out.itemsize:
            raise CacheRefused(f"{path}: an array section has a partial item")
        out.frombytes(blob)
        return out
    raise CacheRefused(f"{path}: unknown section kind {kind!r}")


MAX_MEMO = 4096  # bytes: a memo is one small JSON object


def recalled(path: Path, key: str) -> str | None:
    """The value remembered under `key` in the memo file `path` (see remember), or None when
    there is none, it was made for another key, or anything about the file is wrong."""
    try:
        safe_dir(path.parent, create=False)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except (OSError, CacheRefused):
        return None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        try:
            _owned_and_private(info, str(path))
        except CacheRefused:
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_MEMO:
            return None
        data = fh.read(MAX_MEMO + 1)
    try:
        memo = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(memo, dict) or memo.get("key") != key or not isinstance(memo.get("value"), str):
        return None
    return str(memo["value"])


def remember(path: Path, key: str, value: str) -> None:
    """Keep `value` under `key` in a small JSON file, written atomically; a folder that is not
    safe or not writable only means nothing is remembered."""
    try:
        folder = safe_dir(path.parent, create=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
    except (OSError, CacheRefused):
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "value": value}, fh)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def prune(folder: Path, keep: Path, prefix: str) -> None:
    """Delete older cache files of one gazetteer (same prefix), keeping `keep`: the folder does
    not grow with every edit."""
    try:
        for old in folder.glob(f"{prefix}*.cache"):
            if old != keep:
                old.unlink()
    except OSError:
        pass


def warn_refused(reason: CacheRefused) -> None:
    warnings.warn(f"exonym: not using the cache: {reason}", RuntimeWarning, stacklevel=3)
