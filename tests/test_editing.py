"""The editors' path: exonym new, exonym fmt, validate --examples and exonym impact, run as an
editor runs them (the real entry point, files on disk, a real git repository)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from exonym.data.folder import bundled_path, entry_files, scan
from exonym.edit.examples import check_examples
from exonym.edit.fmt import format_files
from exonym.gazetteer import build
from exonym.text.scripts import find_unfit

DATA = Path(__file__).parent / "data"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "exonym", *args], capture_output=True, text=True, cwd=cwd)


# -- fmt ----------------------------------------------------------------------------------------
def test_fmt_changes_nothing_in_the_real_gazetteer() -> None:
    root = bundled_path()
    report = format_files(entry_files(root), root, write=False)
    assert report.problems == []
    assert [str(p) for p in report.changed] == [], "run `exonym fmt` and commit the result"


def test_fmt_makes_a_disordered_file_canonical_and_loses_nothing(valid_copy: Path) -> None:
    target = valid_copy / "places" / "testville.yaml"
    original = (DATA / "fmt" / "disordered.yaml").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")

    check = run("fmt", "--check", "--gazetteer", str(valid_copy))
    assert check.returncode == 1
    assert "would reformat" in check.stdout and "testville.yaml" in check.stdout
    assert target.read_text(encoding="utf-8") == original  # --check writes nothing

    assert run("fmt", "--gazetteer", str(valid_copy)).returncode == 0
    formatted = target.read_text(encoding="utf-8")
    assert formatted == (DATA / "fmt" / "disordered.expected.yaml").read_text(encoding="utf-8")
    # every comment survives, every value reads the same
    for line in original.splitlines():
        if "#" in line:
            assert line[line.index("#") :].rstrip() in formatted
    before, after = yaml.safe_load(original), yaml.safe_load(formatted)
    key = lambda n: (n["text"], str(n["lang"]))  # noqa: E731
    assert sorted(before.pop("names"), key=key) == sorted(after.pop("names"), key=key)
    assert before == after
    # canonical means stable: a second run changes nothing and the gazetteer still validates
    assert run("fmt", "--check", "--gazetteer", str(valid_copy)).returncode == 0
    assert run("validate", str(valid_copy)).returncode == 0


def test_fmt_keeps_explicit_types_and_empty_collections(valid_copy: Path) -> None:
    target = valid_copy / "places" / "x.yaml"
    target.write_text(
        "id: x\ntype: city\nname: !!str 123\nids: {}\nexamples: []\n"
        "names:\n  - {text: !!str yes, lang: en, kind: official, sources: [editor]}\n",
        encoding="utf-8",
    )
    assert run("fmt", "--gazetteer", str(valid_copy)).returncode == 0
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert data["name"] == "123" and data["names"][0]["text"] == "yes"
    assert data["ids"] == {} and data["examples"] == []


def test_fmt_refuses_to_touch_a_file_with_an_error(valid_copy: Path) -> None:
    target = valid_copy / "places" / "testville.yaml"
    nfd = unicodedata.normalize("NFD", "Tëstville")
    broken = target.read_text(encoding="utf-8").replace("- text: Oldtown", f"- text: {nfd}")
    target.write_text(broken, encoding="utf-8")
    proc = run("fmt", "--gazetteer", str(valid_copy))
    assert proc.returncode == 1
    assert "testville.yaml:" in proc.stdout and "E111" in proc.stdout
    assert target.read_text(encoding="utf-8") == broken  # the NFD text was not "fixed" silently


# -- new ----------------------------------------------------------------------------------------
def test_new_writes_a_valid_entry_beside_its_parent(valid_copy: Path) -> None:
    proc = run("new", "Nordstadt", "--type", "village", "--parent", "testville", "--source", "editor", "--gazetteer", str(valid_copy))
    assert proc.returncode == 0, proc.stderr
    path = valid_copy / "places" / "nordstadt.yaml"
    assert proc.stdout.strip() == str(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "nordstadt" and data["type"] == "village" and data["parents"] == ["testville"]
    assert data["names"] == [{"text": "Nordstadt", "lang": "en", "kind": "exonym", "preferred": True, "sources": ["editor"]}]
    assert run("validate", str(valid_copy)).returncode == 0
    assert run("fmt", "--check", "--gazetteer", str(valid_copy)).returncode == 0


def test_editing_commands_refuse_an_installed_gazetteer(tmp_path: Path) -> None:
    """Edits to the copy pip installed would vanish at the next upgrade: say so, write nothing."""
    installed = tmp_path / "venv" / "lib" / "python3.11" / "site-packages" / "exonym" / "bundled" / "gazetteer"
    shutil.copytree(DATA / "valid", installed)
    before = {p: p.read_bytes() for p in installed.rglob("*") if p.is_file()}
    new = ["new", "Nordstadt", "--type", "village", "--parent", "testville", "--source", "editor"]
    for command in (
        new,
        ["fmt"],
        ["schema", "--write"],
        ["import", "cldr"],
    ):
        proc = run(*command, "--gazetteer", str(installed))
        assert proc.returncode == 1, command
        assert "installed copy" in proc.stderr and "--gazetteer" in proc.stderr and "pip install -e" in proc.stderr, command
    assert {p: p.read_bytes() for p in installed.rglob("*") if p.is_file()} == before
    # what writes nothing stays allowed
    assert run(*new, "--dry-run", "--gazetteer", str(installed)).returncode == 0
    assert run("fmt", "--check", "--gazetteer", str(installed)).returncode == 0


def test_new_makes_ids_from_any_script(valid_copy: Path) -> None:
    proc = run(
        "new",
        "Şəki",
        "--type",
        "town",
        "--parent",
        "testland",
        "--lang",
        "az",
        "--kind",
        "official",
        "--source",
        "editor",
        "--gazetteer",
        str(valid_copy),
        "--dry-run",
    )
    assert proc.returncode == 0, proc.stderr
    assert "id: shaki\n" in proc.stdout and "lang: az" in proc.stdout
    proc = run(
        "new",
        "Ереван",
        "--type",
        "town",
        "--parent",
        "testland",
        "--lang",
        "ru",
        "--kind",
        "exonym",
        "--source",
        "editor",
        "--gazetteer",
        str(valid_copy),
        "--dry-run",
    )
    assert proc.returncode == 0, proc.stderr
    assert "id: yerevan\n" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Testville", "--type", "city", "--parent", "testland"], "exists"),
        (["Old Testville", "--type", "city", "--parent", "testland"], "retired (merged into testville)"),
        (["Somewhere", "--type", "city", "--parent", "atlantis"], "unknown parent 'atlantis'"),
        (["Somewhere", "--type", "hamlet", "--parent", "testland"], "unknown type 'hamlet'"),
    ],
)
def test_new_refuses(valid_copy: Path, args: list[str], message: str) -> None:
    before = sorted(p.name for p in valid_copy.rglob("*.yaml"))
    proc = run("new", *args, "--source", "editor", "--gazetteer", str(valid_copy))
    assert proc.returncode == 1
    assert message in proc.stderr
    assert sorted(p.name for p in valid_copy.rglob("*.yaml")) == before


def test_new_suggests_a_free_id(valid_copy: Path) -> None:
    proc = run("new", "Testville", "--type", "village", "--parent", "testland", "--source", "editor", "--gazetteer", str(valid_copy))
    assert "ids are never reused" in proc.stderr and "'testville-testland'" in proc.stderr


def test_new_needs_a_source(valid_copy: Path) -> None:
    proc = run("new", "Somewhere", "--type", "city", "--parent", "testland", "--gazetteer", str(valid_copy))
    assert proc.returncode == 1 and "--source" in proc.stderr


# -- examples -----------------------------------------------------------------------------------
STEALER = """\
id: new-testville
type: city
name: New Testville
parents: [testland]
population: 5000000
names:
  - text: Testville
    lang: en
    kind: official
    preferred: true
    sources: [editor]
"""


def test_an_edit_that_steals_an_example_fails_naming_both_entries(valid_copy: Path) -> None:
    assert check_examples(build(scan(valid_copy))) == []
    (valid_copy / "places" / "new-testville.yaml").write_text(STEALER, encoding="utf-8")
    failures = check_examples(build(scan(valid_copy)))
    assert [(f.entry.id, f.got.id if f.got else None) for f in failures] == [("testville", "new-testville")]
    message = failures[0].message()
    assert "`testville`" in message and "`new-testville`" in message and "testville.yaml:" in message

    proc = run("validate", str(valid_copy), "--examples")
    assert proc.returncode == 1
    assert "new-testville" in proc.stdout and "example of `testville`" in proc.stdout


# -- impact -------------------------------------------------------------------------------------
def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args], check=True, capture_output=True
    )


def _committed_repo(tmp_path: Path, seed: str | None = None) -> Path:
    """A git repository holding the small valid gazetteer (and a seed text), committed once."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA / "valid", repo / "gazetteer")
    if seed is not None:
        (repo / "seeds").mkdir()
        (repo / "seeds" / "report.txt").write_text(seed, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    return repo


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_impact_shows_a_stolen_mention_and_a_new_collision(tmp_path: Path) -> None:
    repo = _committed_repo(tmp_path, seed="The delegation arrived in Oldtown, then drove on.\n")
    # the change under review: a city whose official name is another entry's former name
    (repo / "gazetteer" / "places" / "oldtown.yaml").write_text(
        STEALER.replace("new-testville", "oldtown").replace("New Testville", "Oldtown").replace("- text: Testville", "- text: Oldtown"),
        encoding="utf-8",
    )
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "add Oldtown")

    proc = run("impact", "HEAD~1", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    md = proc.stdout
    assert "| `oldtown` | city | Oldtown |" in md
    assert "### New name collisions" in md and "| oldtown | testville | oldtown, testville |" in md
    assert "### Mentions that resolve differently" in md
    assert "| seeds/report.txt | Oldtown | testville | oldtown |" in md

    same = run("impact", "HEAD", cwd=repo)
    assert same.returncode == 0 and "No entry differs from the base." in same.stdout

    # a change inside a name (its period) is reported with before and after
    testville = repo / "gazetteer" / "places" / "testville.yaml"
    testville.write_text(testville.read_text(encoding="utf-8").replace("to: 1989", "to: 1990"), encoding="utf-8")
    changed = run("impact", "HEAD", cwd=repo).stdout
    assert "| `testville` | Oldtown | en | period | period: 1935-1989 | period: 1935-1990 |" in changed


def test_impact_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    proc = run("impact", "HEAD", cwd=tmp_path)
    assert proc.returncode == 1 and "exonym: error: git" in proc.stderr and "Traceback" not in proc.stderr


# -- the whole editor's path, as CONTRIBUTING.md tells it --------------------------------------
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_an_editor_adds_a_village_with_three_names_and_an_example(tmp_path: Path) -> None:
    repo = _committed_repo(tmp_path)
    gaz = repo / "gazetteer"
    made = run("new", "Nordstadt", "--type", "village", "--parent", "testville", "--source", "editor", "--gazetteer", str(gaz))
    path = Path(made.stdout.strip())
    # the editor types the other names and an example at the end of the file, in any order
    with path.open("a", encoding="utf-8") as fh:
        fh.write(
            "  - {lang: ru, text: Нордштадт, kind: exonym, sources: [editor]}  # as the ministry spells it\n"
            "  - {text: Nordstadt, lang: de, kind: endonym, sources: [editor]}\n"
            "examples:\n  - text: Shelling was reported near Nordstadt on Sunday.\n    mention: Nordstadt\n"
        )
    assert run("fmt", "--check", "--gazetteer", str(gaz)).returncode == 1
    assert run("fmt", "--gazetteer", str(gaz)).returncode == 0
    assert "# as the ministry spells it" in path.read_text(encoding="utf-8")
    checked = run("validate", str(gaz), "--examples")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = run("impact", "HEAD", cwd=repo)
    assert report.returncode == 0, report.stderr
    assert "1 entries added" in report.stdout and "3 names added" in report.stdout
    assert "| `nordstadt` | Нордштадт | ru | exonym | editor |" in report.stdout
    # the one resolution that changes is the new example's: found now, nothing before
    assert "1 mentions resolve differently" in report.stdout
    assert "| example of nordstadt | Nordstadt | - | nordstadt |" in report.stdout


# -- the formatter keeps any value as it reads -------------------------------------------------
# Any text a name may hold: not the characters the validator refuses in names (E116: controls,
# private use, surrogates, noncharacters such as U+FFFE).
TEXTS = (
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Zl", "Zp")), min_size=1, max_size=30)
    .map(lambda t: unicodedata.normalize("NFC", " ".join(t.split())))
    .filter(lambda t: bool(t) and find_unfit(t) is None)
)


@settings(max_examples=200, deadline=None)
@given(
    label=TEXTS,
    texts=st.lists(TEXTS, min_size=1, max_size=4, unique=True),
    note=st.one_of(st.none(), TEXTS, TEXTS.map(lambda t: (t + " ") * 12)),
)
def test_fmt_round_trips_any_text(label: str, texts: list[str], note: str | None) -> None:
    from exonym.edit.fmt import canonical_text
    from exonym.edit.yamlio import dump_entry, name_sort_key

    names = [{"text": t, "lang": "en", "kind": "variant", "sources": ["editor"]} for t in texts]
    raw = {"id": "x", "type": "city", "name": label, "names": sorted(names, key=name_sort_key)}
    if note:
        raw["notes"] = note.strip()
    text = dump_entry(raw)
    assert yaml.safe_load(text) == raw
    assert canonical_text(text, "x.yaml", None) == text


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_new_refuses_an_id_whose_file_was_deleted_without_a_record(tmp_path: Path) -> None:
    repo = _committed_repo(tmp_path)
    _git(repo, "rm", "-q", "gazetteer/places/testville.yaml")
    _git(repo, "commit", "-qm", "drop testville (and forget retired-ids.yaml)")
    proc = run("new", "Testville", "--type", "city", "--parent", "testland", "--source", "editor", "--gazetteer", str(repo / "gazetteer"))
    assert proc.returncode == 1 and "was retired (deleted in commit" in proc.stderr
