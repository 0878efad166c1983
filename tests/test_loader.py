"""The loader and validator: one invalid fixture per error code, asserting that code and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import exonym
from exonym.data.folder import scan
from exonym.diagnostics import CODES
from exonym.errors import DataError, UnknownEntry

DATA = Path(__file__).parent / "data"
INVALID = sorted(p.name for p in (DATA / "invalid").iterdir() if p.is_dir())


def test_valid_fixture_has_no_problems(valid_copy: Path) -> None:
    result = scan(valid_copy)
    assert result.diagnostics == []
    assert {item.entry.id for item in result.loaded} == {"testland", "testville"}


@pytest.mark.parametrize("code", INVALID)
def test_each_invalid_fixture_reports_its_code_at_its_line(code: str, valid_copy: Path) -> None:
    shutil.copytree(DATA / "invalid" / code, valid_copy / "zz", ignore=shutil.ignore_patterns("expect.txt"))
    expected = set()
    for line in (DATA / "invalid" / code / "expect.txt").read_text().split("\n"):
        if line.strip():
            where, want = line.split()
            path, lineno = where.rsplit(":", 1)
            expected.add((path, int(lineno), want))
    got = {
        (Path(d.path).resolve().relative_to((valid_copy / "zz").resolve()).as_posix(), d.line, d.code) for d in scan(valid_copy).diagnostics
    }
    assert got == expected


# Codes whose fixture git cannot hold (a pipe, a link out of the tree, a huge file): each has a
# test below that makes its fixture.
MADE_BY_TESTS = {"E114", "E115", "E116", "E117"}  # E116, E117: see test_layers.py


def test_every_error_code_has_a_fixture() -> None:
    codes = {c for c in CODES if c.startswith("E") and c != "E206"}
    assert codes <= set(INVALID) | MADE_BY_TESTS


def _only(valid_copy: Path) -> tuple[str, int, str]:
    [d] = scan(valid_copy).diagnostics
    return Path(d.path).name, d.line, d.code


def test_a_pipe_named_like_an_entry_is_refused_not_read(valid_copy: Path) -> None:
    import os

    os.mkfifo(valid_copy / "places" / "pipe.yaml")
    assert _only(valid_copy) == ("pipe.yaml", 1, "E114")  # and scan returned: nothing blocked


def test_a_huge_file_is_refused_before_it_is_read(valid_copy: Path) -> None:
    (valid_copy / "places" / "huge.yaml").write_bytes(b"# " + b"x" * (1024 * 1024) + b"\n")
    assert _only(valid_copy) == ("huge.yaml", 1, "E114")


def test_a_link_out_of_the_tree_is_refused(valid_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(
        (valid_copy / "places" / "testville.yaml").read_text(encoding="utf-8").replace("testville", "elsewhere"), encoding="utf-8"
    )
    (valid_copy / "places" / "elsewhere.yaml").symlink_to(outside)
    (valid_copy / "places" / "zero.yaml").symlink_to("/dev/zero")
    got = sorted((Path(d.path).name, d.code) for d in scan(valid_copy).diagnostics)
    assert got == [("elsewhere.yaml", "E115"), ("zero.yaml", "E115")]


def test_a_link_inside_the_tree_is_read(valid_copy: Path) -> None:
    (valid_copy / "places" / "testville.yaml").rename(valid_copy / "testville.yaml.txt")
    (valid_copy / "places" / "testville.yaml").symlink_to("../testville.yaml.txt")
    result = scan(valid_copy)
    assert result.diagnostics == [] and "testville" in {i.entry.id for i in result.loaded}


def test_all_problems_are_reported_not_only_the_first(valid_copy: Path) -> None:
    (valid_copy / "places" / "many.yaml").write_text(
        "id: many\ntype: hamlet\nname: Many\ncolour: red\nnames:\n  - {text: Many, lang: zz, kind: official, sources: [nobody]}\n",
        encoding="utf-8",
    )
    codes = sorted(d.code for d in scan(valid_copy).diagnostics)
    assert codes == ["E101", "E103", "E105", "E106"]


def test_invalid_utf8_is_a_diagnostic_not_a_crash(valid_copy: Path) -> None:
    (valid_copy / "places" / "bytes.yaml").write_bytes(b"id: bytes\nname: \xff\xfe\n")
    [d] = scan(valid_copy).diagnostics
    assert (d.code, d.line) == ("E001", 2)


def test_norway_is_not_false(valid_copy: Path) -> None:
    """YAML 1.1 reads `no` as false: string fields take the text as written."""
    (valid_copy / "places" / "norway.yaml").write_text(
        "id: norway\ntype: country\nname: Norway\nids:\n  iso3166: NO\n"
        "names:\n  - {text: Norge, lang: nb, kind: endonym, sources: [cldr]}\n",
        encoding="utf-8",
    )
    gaz = exonym.load(valid_copy)
    assert gaz.get("norway").ids["iso3166"] == "NO"


def test_load_raises_data_error_listing_problems(valid_copy: Path) -> None:
    (valid_copy / "places" / "orphan.yaml").write_text(
        "id: orphan\ntype: town\nname: Orphan\nparents: [atlantis]\n"
        "names:\n  - {text: Orphan, lang: en, kind: official, sources: [editor]}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        exonym.load(valid_copy)
    assert [d.code for d in info.value.diagnostics] == ["E203"]


def _disputed(folder: Path, covers: str) -> None:
    (folder / "places" / "highland.yaml").write_text(
        f"id: highland\ntype: disputed-territory\nname: Highland\nparents: [testland]\ncovers: {covers}\n"
        "names:\n  - {text: Highland, lang: en, kind: official, sources: [editor]}\n",
        encoding="utf-8",
    )


def test_a_disputed_territory_covers_units_without_being_their_parent(valid_copy: Path) -> None:
    """`covers` puts Testville inside Highland for `within` while its parents stay the recognised chain."""
    _disputed(valid_copy, "[testville]")
    gaz = exonym.load(valid_copy)
    assert gaz.get("testville").parents == ("testland",)
    assert gaz.areas("testville") == {"testland", "highland"}
    assert gaz.areas("testland") == frozenset() and gaz.covering("testland") == []
    assert gaz.covering("testville") == ["highland"]
    assert gaz.get("highland").covers == ("testville",)


@pytest.mark.parametrize(
    ("covers", "code", "message"), [("[atlantis]", "E203", "covers names unknown entry"), ("[highland]", "E204", "itself in covers")]
)
def test_covers_must_name_another_existing_entry(valid_copy: Path, covers: str, code: str, message: str) -> None:
    _disputed(valid_copy, covers)
    with pytest.raises(DataError) as info:
        exonym.load(valid_copy)
    [d] = info.value.diagnostics
    assert (d.code, d.path.endswith("highland.yaml"), d.line) == (code, True, 5) and message in d.message


def test_entry_api(valid_copy: Path) -> None:
    gaz = exonym.load(valid_copy)
    town = gaz.get("testville")
    assert town.name == "Testville"
    assert town.parents == ("testland",)
    assert gaz.get("testland").ids == {"iso3166": "TL", "geonames": 1966436, "wikidata": "Q574"}
    old = next(n for n in town.names if n.text == "Oldtown")
    assert (old.kind, old.period.start, old.period.end, old.lang, old.script) == ("historical", 1935, 1989, "en", "Latn")
    ru = next(n for n in town.names if n.lang == "ru")
    assert ru.script == "Cyrl" and ru.used_by == ("testland",) and ru.sources == ("editor",)
    assert gaz.ancestors("testville") == ["testland"]


def test_unknown_id_raises_a_key_error_subclass(gaz: exonym.Gazetteer) -> None:
    with pytest.raises(KeyError):
        gaz.get("no-such-place")
    with pytest.raises(UnknownEntry, match="no-such-place"):
        exonym.get("no-such-place")


def test_cache_follows_content(valid_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXONYM_CACHE_DIR", str(tmp_path / "cache"))
    first = exonym.load(valid_copy)
    assert list((tmp_path / "cache").glob("*.cache"))
    again = exonym.load(valid_copy)
    assert again.digest == first.digest
    path = valid_copy / "places" / "testville.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Testville", "name: Testville Centre"), encoding="utf-8")
    changed = exonym.load(valid_copy)
    assert changed.digest != first.digest and changed.get("testville").name == "Testville Centre"


def test_entries_loaded_from_the_cache_act_as_one_mapping_of_every_id(
    valid_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a warm load decodes an entry on first access; the ones not yet decoded still count
    monkeypatch.setenv("EXONYM_CACHE_DIR", str(tmp_path / "cache"))
    cold = exonym.load(valid_copy)
    warm = exonym.load(valid_copy)
    ids = sorted(cold.entries)
    assert type(warm.entries) is not dict  # the lazy kind: otherwise this test checks nothing
    assert len(warm.entries) == len(ids) and sorted(warm.entries) == ids and sorted(warm.entries.keys()) == ids
    assert all(i in warm.entries for i in ids) and "no-such-place" not in warm.entries
    assert warm.entries.get("no-such-place") is None and warm.entries.get("no-such-place", 1) == 1
    with pytest.raises(KeyError):
        warm.entries["no-such-place"]
    assert warm.entries["testville"] == cold.entries["testville"] and warm.entries.get("testville") == cold.entries["testville"]
    assert dict(warm.entries) == dict(cold.entries) and {**warm.entries} == dict(cold.entries)
    assert sorted(e.id for e in warm.entries.values()) == ids and dict(warm.entries.items()) == dict(cold.entries)
    assert warm.entries == cold.entries and warm.entries.copy() == dict(cold.entries)


def test_a_warm_load_reads_no_data_file_and_still_sees_every_edit(
    valid_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The content digest is remembered under the files' stat fingerprint: a second load opens no
    data file, and an edit that keeps the file's size and modification time is still seen."""
    import os

    from exonym import gazetteer

    monkeypatch.setenv("EXONYM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer, "RACY_SECONDS", -60.0)  # the copy's files are seconds old: trust them anyway
    first = exonym.load(valid_copy)
    [memo] = (tmp_path / "cache").glob("digest-*.json")
    assert (memo.stat().st_mode & 0o777) == 0o600

    def no_reading(root: Path) -> str:
        raise AssertionError("a warm load read the data files")

    with monkeypatch.context() as m:
        m.setattr(gazetteer, "content_digest", no_reading)
        assert exonym.load(valid_copy).digest == first.digest
    path = valid_copy / "places" / "testville.yaml"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("name: Testville", "name: Testvilla"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert exonym.load(valid_copy).get("testville").name == "Testvilla"


def test_a_memo_others_could_write_or_made_for_other_files_is_not_believed(tmp_path: Path) -> None:
    from exonym.data import cache

    folder = tmp_path / "cache"
    memo = folder / "digest-x.json"
    cache.remember(memo, "fingerprint", "digest")
    assert cache.recalled(memo, "fingerprint") == "digest" and cache.recalled(memo, "other files") is None
    memo.chmod(0o666)
    assert cache.recalled(memo, "fingerprint") is None
    memo.chmod(0o600)
    memo.write_text("[not, a memo", encoding="utf-8")
    assert cache.recalled(memo, "fingerprint") is None


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (r"\x9FAA¬²±", True),  # C1 control: a mis-decoded byte (Ottawa's GeoNames variant)
        (r"a\ue04dyadena", True),  # private use (Aden's)
        (r"Tbilisi\ufdd0", True),  # a noncharacter
        ("𑯍𑯂𑯉𑯖𑯂", False),  # Sunuwar (Unicode 16): unassigned to an older Python, a real name
        ("Ağdərə", False),
    ],  # a lone surrogate never gets this far: the YAML parser refuses its escape (E001)
)
def test_control_and_private_use_characters_in_a_name_are_refused(text: str, bad: bool) -> None:
    from exonym.data.loader import read_entry

    quoted = text if text.isprintable() and "\\" not in text else f'"{text}"'
    source = f"id: x\ntype: city\nname: X\nnames:\n  - {{text: {quoted}, lang: und, kind: variant, sources: [s]}}\n"
    _, diags = read_entry(source, "x.yaml", "x", None)
    assert [d.code for d in diags] == (["E116"] if bad else [])
