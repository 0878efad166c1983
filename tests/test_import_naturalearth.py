"""`exonym import naturalearth` on a few records of the Natural Earth tables (tests/data/naturalearth)."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from exonym.data.folder import scan
from exonym.edit.importers.naturalearth import import_naturalearth, parse_items
from exonym.errors import InputError

FIXTURE = Path(__file__).parent / "data" / "naturalearth"


@pytest.fixture()
def tables(tmp_path: Path) -> Path:
    """The fixture tables laid out as data/sources/naturalearth/ is (the names file gzipped)."""
    out = tmp_path / "ne"
    out.mkdir()
    shutil.copy(FIXTURE / "physical.tsv", out / "naturalearth-physical.tsv")
    with gzip.open(out / "naturalearth-physical-names.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write((FIXTURE / "names.tsv").read_text(encoding="utf-8"))
    return out


@pytest.fixture()
def root(valid_copy: Path) -> Path:
    with (valid_copy / "sources.yaml").open("a", encoding="utf-8") as fh:
        fh.write("naturalearth:\n  title: Natural Earth\n  kind: dataset\n")
    return valid_copy


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_records_of_one_wikidata_id_make_one_entry_with_each_name_once(root: Path, tables: Path) -> None:
    report = import_naturalearth(root, items=["Q1653=danube-river"], endonyms=["de", "hu"], data_dir=tables)
    assert [p.relative_to(root).as_posix() for p in report.written] == ["physical/danube-river.yaml"]
    entry = _load(root / "physical" / "danube-river.yaml")
    assert entry["type"] == "physical-feature" and entry["name"] == "Danube" and "parents" not in entry
    assert entry["ids"] == {"wikidata": "Q1653"}
    texts = [(n["text"], lang) for n in entry["names"] for lang in ([n["lang"]] if isinstance(n["lang"], str) else n["lang"])]
    assert len(texts) == len(set(texts))
    by_text = {n["text"]: n for n in entry["names"]}
    assert by_text["Donau"]["kind"] == "endonym" and by_text["Duna"]["kind"] == "endonym"
    assert by_text["Danube"]["kind"] == "exonym" and by_text["Дунай"]["lang"] == ["ru", "uk"]
    assert by_text["多瑙河"]["lang"] == ["zh", "zh-Hant"] and by_text["دانوب"]["lang"] == "ar"
    assert all(n["sources"] == ["naturalearth"] for n in entry["names"])
    assert "1159115307, 1159118769" in entry["notes"]


def test_labels_ids_parents_and_points(root: Path, tables: Path) -> None:
    import_naturalearth(root, items=["Q181932"], parent="testland", data_dir=tables)
    import_naturalearth(root, items=["Q1286,Q72303"], data_dir=tables)
    lake = _load(next(root.rglob("lake-sevan.yaml")))
    # the record's own label adds only "Lake" to the English name: it is the label
    assert lake["name"] == "Lake Sevan" and lake["parents"] == ["testland"]
    assert {"text": "Lake Sevana", "lang": "und", "kind": "variant", "sources": ["naturalearth"]} in lake["names"]
    alps = _load(root / "physical" / "alps.yaml")
    assert alps["name"] == "Alps" and "ALPS" not in {n["text"] for n in alps["names"]}
    ararat = _load(root / "physical" / "mount-ararat.yaml")
    assert ararat["coordinates"] == {"lat": 39.70008, "lon": 44.29994}
    assert "Elevation 5,137 m" in ararat["notes"]
    # a four-letter word in an uncased script is left out (אררט), a longer one kept (دانوب)
    assert "אררט" not in {n["text"] for n in ararat["names"]}
    assert {"text": "Ağrı Dağı", "lang": "tr", "kind": "exonym", "preferred": True, "sources": ["naturalearth"]} in ararat["names"]
    result = scan(root)
    assert [d for d in result.diagnostics if d.is_error] == []


def test_existing_entries_are_left_alone_and_bad_input_is_refused(root: Path, tables: Path) -> None:
    assert len(import_naturalearth(root, items=["Q1286"], data_dir=tables).written) == 1
    again = import_naturalearth(root, items=["Q1286=alps-again"], data_dir=tables)  # same Wikidata id
    assert (again.written, again.skipped) == ([], 1)
    with pytest.raises(InputError, match="not in the Natural Earth tables: Q5"):
        import_naturalearth(root, items=["Q5"], data_dir=tables)
    with pytest.raises(InputError, match="unknown parent"):
        import_naturalearth(root, items=["Q1653"], parent="nowhere", data_dir=tables)
    with pytest.raises(InputError, match="not a Wikidata id"):
        parse_items(["Q1653=Danube River"])
    assert parse_items(["Q1653=danube-river, Q1286", "Q72303"]) == [("Q1653", "danube-river"), ("Q1286", None), ("Q72303", None)]


def test_the_command(root: Path, tables: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "exonym", "import", *args, "--gazetteer", str(root)]
        return subprocess.run(cmd, capture_output=True, text=True)

    done = run("naturalearth", "--ids", "Q1653=danube-river", "--endonyms", "de", "--data", str(tables))
    assert done.returncode == 0, done.stderr
    assert "wrote 1 new entries" in done.stderr and (root / "physical" / "danube-river.yaml").is_file()
    assert run("naturalearth", "--data", str(tables)).returncode == 2
    assert run("cldr", "--ids", "Q1653").returncode == 2
    missing = run("naturalearth", "--ids", "Q5", "--data", str(tables))
    assert missing.returncode == 1 and "Q5" in missing.stderr and "Traceback" not in missing.stderr
