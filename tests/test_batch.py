"""exonym batch on Dask: on a LocalCluster of 2 worker processes, and on a scheduler and two
workers started with the dask commands over the loopback, the parts read in order are exactly
`exonym resolve --format jsonl`; each worker loads the index once; a stopped run resumes."""

from __future__ import annotations

import gzip
import json
import random
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pq = pytest.importorskip("pyarrow.parquet")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pyarrow as pa
from distributed import Client, LocalCluster

import exonym
from exonym.batch import resolve_bag, resolve_dataframe, run_batch
from exonym.cli import main
from exonym.errors import InputError
from exonym.integrations import archive, records

TEXTS = [
    "Переговоры в Нагорном Карабахе; делегация вылетела из Bakı в Ереван.",
    "Երևանում և Բաքվում։ Հանդիպումը Երևան։",
    "Xankəndidə görüş; Bakıdan Gəncəyə gedən nümayəndə heyəti.",
    "وقّعت أرمينيا وأذربيجان اتفاقاً في باكو.",
    "Troops left Stepanakert; the OSCE Minsk Group met in Tbilisi.",
    "Nothing to see here.",
]


def archive_lines(n: int = 240, seed: int = 15) -> list[str]:
    """Documents with and without ids and langs, blank lines, bad lines, CRLF ends."""
    rnd = random.Random(seed)
    lines = []
    for i in range(n):
        r = rnd.random()
        if r < 0.03:
            lines.append("\n")
        elif r < 0.05:
            lines.append("not json\n")
        elif r < 0.06:
            lines.append('{"text": 3}\r\n')
        else:
            doc: dict[str, Any] = {"text": rnd.choice(TEXTS)}
            if r < 0.5:
                doc["id"] = f"doc-{i}"
            if r < 0.2:
                doc["lang"] = rnd.choice(["ru", "hy", "az", "en", "ar"])
            lines.append(json.dumps(doc, ensure_ascii=False) + "\n")
    return lines


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "archive.jsonl"
    path.write_text("".join(archive_lines()), encoding="utf-8", newline="")
    return path


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0") as c, Client(c) as client:
        yield client


def resolved(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    capsys.readouterr()
    main(["resolve", "--format", "jsonl", str(path), *extra])
    return capsys.readouterr().out


def parts(folder: Path, suffix: str = "jsonl") -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"part-*.{suffix}")))


def test_batch_on_two_worker_processes_matches_resolve(
    cluster: Client, jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = cluster.scheduler.address
    code = main(["batch", str(jsonl), "--output", str(tmp_path / "out"), "--scheduler", address, "--blocksize", "2kB"])
    assert code == 1  # the input has bad lines, as exonym resolve says too
    assert "partitions written" in capsys.readouterr().err
    assert len(list((tmp_path / "out").glob("part-*.jsonl"))) > 4
    assert parts(tmp_path / "out") == resolved(jsonl, capsys)
    # the index was loaded once in each worker process, never shipped with the tasks
    assert sorted(cluster.run(records.loads).values()) == [1, 1]


def test_batch_options_and_several_inputs(cluster: Client, jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = tmp_path / "second.jsonl.gz"
    with gzip.open(second, "wt", encoding="utf-8") as fh:
        fh.write("".join(archive_lines(40, seed=2)))
    plain = tmp_path / "second.jsonl"
    plain.write_text("".join(archive_lines(40, seed=2)), encoding="utf-8", newline="")
    options = ["--types", "city", "--adjectives", "--lang", "ru"]
    main(["batch", str(jsonl), str(second), "--output", str(tmp_path / "out"), "--scheduler", cluster.scheduler.address, *options])
    assert parts(tmp_path / "out") == resolved(jsonl, capsys, *options) + resolved(plain, capsys, *options)


def test_parquet_in_and_out(cluster: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [json.loads(line) for line in archive_lines(60, seed=3) if line.startswith('{"text": "')]
    table = pa.table({"id": [str(i) for i in range(len(rows))], "text": [r["text"] for r in rows], "lang": [r.get("lang") for r in rows]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=10)
    same = tmp_path / "same.jsonl"
    same.write_text("".join(json.dumps({**r, "id": str(i)}, ensure_ascii=False) + "\n" for i, r in enumerate(rows)), encoding="utf-8")
    report = run_batch([str(tmp_path / "in.parquet")], str(tmp_path / "out"), client=cluster, output_format="parquet")
    assert report.partitions == 6 and report.written == 6 and report.documents == len(rows) and report.bytes > 0
    got = pd.concat([pd.read_parquet(p) for p in sorted((tmp_path / "out").glob("part-*.parquet"))])
    expected = [json.loads(line) for line in resolved(same, capsys).splitlines()]
    assert list(got["id"]) == [e["id"] for e in expected]
    assert [json.loads(m) for m in got["mentions"]] == [e["mentions"] for e in expected]


def test_a_stopped_run_resumes_without_redoing_finished_partitions(jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = archive.write_part
    written: list[str] = []

    def failing(directory: str, name: str, payload: bytes) -> None:
        if name == "part-00002.jsonl":
            raise OSError("disk full")
        written.append(name)
        real(directory, name, payload)

    out = str(tmp_path / "out")
    # workers in this process (threads), so that the patch reaches them
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address="127.0.0.1:0") as c, Client(c) as client:
        monkeypatch.setattr(archive, "write_part", failing)
        first = run_batch([str(jsonl)], out, client=client, blocksize=4096)
        assert list(first.failed) == [2] and "disk full" in first.failed[2]
        assert first.written == first.partitions - 1
        monkeypatch.setattr(archive, "write_part", real)
        (tmp_path / "out" / ".part-00002.jsonl.abc.tmp").write_text("half")
        second = run_batch([str(jsonl)], out, client=client, blocksize=4096)
    assert (second.reused, second.written, second.failed) == (first.partitions - 1, 1, {})
    assert not list((tmp_path / "out").glob(".*.tmp"))
    again = tmp_path / "again"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0") as c, Client(c) as client:
        run_batch([str(jsonl)], str(again), client=client, blocksize=4096)
    assert parts(tmp_path / "out") == parts(again)


def test_a_folder_of_another_run_is_refused(cluster: Client, jsonl: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    run_batch([str(jsonl)], out, client=cluster)
    with pytest.raises(InputError, match="another run"):
        run_batch([str(jsonl)], out, client=cluster, lang="ru")
    other = tmp_path / "other.jsonl"
    shutil.copy(jsonl, other)
    with pytest.raises(InputError, match="another run"):
        run_batch([str(other)], out, client=cluster)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(InputError, match="not empty"):
        run_batch([str(jsonl)], str(tmp_path / "busy"), client=cluster)


def test_bag_and_dataframe(cluster: Client) -> None:
    docs = [{"id": i, "text": t} for i, t in enumerate(TEXTS)]
    got = resolve_bag(db.from_sequence([*docs, TEXTS[0], {"no": "text"}], npartitions=3)).compute()
    assert [[m["id"] for m in r["mentions"]] for r in got[: len(TEXTS)]] == [[m.entry.id for m in exonym.resolve(t)] for t in TEXTS]
    assert got[len(TEXTS)]["id"] is None and got[len(TEXTS)]["mentions"] == got[0]["mentions"]
    assert "error" in got[-1]
    frame = pd.DataFrame({"text": [*TEXTS, None], "lang": ["ru", "hy", "az", "ar", "en", "en", None]})
    out = resolve_dataframe(dd.from_pandas(frame, npartitions=2), "text", lang_column="lang").compute()
    assert [[m["id"] for m in ms] for ms in out["mentions"][: len(TEXTS)]] == [
        [m.entry.id for m in exonym.resolve(t, lang=lang)] for t, lang in zip(TEXTS, frame["lang"], strict=False)
    ]
    assert out["mentions"].iloc[-1] is None


def test_cli_usage(tmp_path: Path, jsonl: Path) -> None:
    assert main(["batch", str(jsonl), "--output", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"]) == 2
    assert main(["batch", str(jsonl), "--output", str(tmp_path), "--blocksize", "lots"]) == 2
    assert main(["batch", str(tmp_path / "missing.jsonl"), "--output", str(tmp_path / "o"), "--workers", "1"]) == 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_multi_machine_commands_over_the_loopback(jsonl: Path, tmp_path: Path) -> None:
    """README's multi-machine recipe, run here with the same commands: a scheduler, two workers
    that join it by address, and exonym batch --scheduler; then compare with exonym resolve."""
    bin_dir = Path(sys.executable).parent
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [
        subprocess.Popen(
            [bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", "127.0.0.1:0"],
            stderr=subprocess.DEVNULL,
            cwd=tmp_path,
        )
    ]
    try:
        for _ in range(2):
            worker = [
                bin_dir / "dask",
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--host",
                "127.0.0.1",
                "--dashboard-address",
                "127.0.0.1:0",
            ]
            procs.append(subprocess.Popen(worker, stderr=subprocess.DEVNULL, cwd=tmp_path))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
        here = tmp_path / "client"
        here.mkdir()
        out = here / "out"  # given relative to the client's folder, not the workers'
        batch = [bin_dir / "exonym", "batch", str(jsonl), "--output", "out", "--scheduler", address, "--blocksize", "4kB"]
        done = subprocess.run(batch, capture_output=True, text=True, timeout=300, cwd=here)
        assert done.returncode == 1, done.stderr  # bad lines in the input, as with exonym resolve
        expected = subprocess.run(
            [bin_dir / "exonym", "resolve", "--format", "jsonl", str(jsonl)], capture_output=True, text=True, timeout=300
        )
        assert parts(out) == expected.stdout
    finally:
        for p in reversed(procs):
            p.terminate()
        deadline = time.monotonic() + 20
        for p in procs:
            try:
                p.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                p.kill()


def test_the_cli_starts_a_local_cluster(jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(jsonl), "--output", str(tmp_path / "out"), "--workers", "2", "--progress"]) == 1
    err = capsys.readouterr().err
    assert "partitions," in err and "documents" in err  # the progress line
    assert parts(tmp_path / "out") == resolved(jsonl, capsys)


def test_any_fsspec_file_system(jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Inputs and output as URLs (fsspec's in-memory file system, seen by workers in this process)."""
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/archive/a.jsonl", jsonl.read_bytes())
    second = tmp_path / "b.jsonl"
    second.write_bytes(jsonl.read_bytes()[:3000].rsplit(b"\n", 1)[0] + b"\n")
    fs.pipe("/archive/b.jsonl", second.read_bytes())
    try:
        with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address="127.0.0.1:0") as c, Client(c) as client:
            report = run_batch(["memory://archive/*.jsonl"], "memory://results", client=client, blocksize=4096)
        assert report.written == report.partitions > 2 and not report.failed
        got = b"".join(fs.cat(p) for p in sorted(fs.glob("/results/part-*.jsonl"))).decode()
        assert got == resolved(jsonl, capsys) + resolved(second, capsys)
    finally:
        fs.rm("/archive", recursive=True)
        fs.rm("/results", recursive=True)
