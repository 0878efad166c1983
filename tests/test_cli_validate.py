"""`exonym validate` through the real entry point."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from exonym.data.folder import bundled_path


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "exonym", *args], capture_output=True, text=True, cwd=cwd)


def test_bundled_gazetteer_passes() -> None:
    proc = run("validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_broken_copy_reports_one_line_per_problem(tmp_path: Path) -> None:
    root = tmp_path / "gaz"
    shutil.copytree(bundled_path(), root)
    (root / "az" / "tovuz-district.yaml").write_text("id: tovuz-district\ntype: [district\n", encoding="utf-8")
    baku = root / "az" / "baku.yaml"
    baku.write_text(baku.read_text(encoding="utf-8").replace("lang: az\n", "lang: azz\n", 1), encoding="utf-8")
    (root / "am" / "places" / "copy.yaml").write_text(
        "id: copy\ntype: village\nname: Copy\nnames:\n  - {text: Copy, lang: en, kind: official, sources: [geonames]}\n",
        encoding="utf-8",
    )
    (root / "ge" / "copy.yaml").write_text(
        "id: copy\ntype: village\nname: Copy\nnames:\n  - {text: Copy, lang: en, kind: official, sources: [geonames]}\n",
        encoding="utf-8",
    )
    (root / "am" / "orphan.yaml").write_text(
        "id: orphan\ntype: village\nname: Orphan\nparents: [atlantis]\nnames:\n  - {text: Orphan, lang: en, kind: official, sources: [geonames]}\n",
        encoding="utf-8",
    )
    (root / "am" / "keyed.yaml").write_text(
        "id: keyed\ntype: village\nname: Keyed\nmayor: Someone\nnames:\n  - {text: Keyed, lang: en, kind: official, sources: [geonames]}\n",
        encoding="utf-8",
    )
    proc = run("validate", str(root), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.strip().split("\n")
    codes = sorted(line.split(": ")[1].split()[0] for line in lines)
    # The broken Tovuz file also orphans the settlements that named it as their parent (E203).
    assert {"E001", "E103", "E201", "E101"} <= set(codes)
    assert any(line.startswith("gaz/am/orphan.yaml:4:") and " E203 " in line for line in lines)
    assert any(line.startswith("gaz/az/tovuz-district.yaml:3:1: E001 ") for line in lines)
    assert any(line.startswith("gaz/am/keyed.yaml:4:1: E101") for line in lines)
    assert all(line.count(":") >= 3 for line in lines)


def test_github_format(tmp_path: Path, valid_copy: Path) -> None:
    (valid_copy / "places" / "bad.yaml").write_text("id: bad\ntype: village\nname: Bad\nextra: 1\nnames: []\n", encoding="utf-8")
    proc = run("validate", str(valid_copy), "--format", "github")
    assert proc.returncode == 1
    assert "::error file=" in proc.stdout and ",line=4,col=1," in proc.stdout


def test_collisions_on_request(valid_copy: Path) -> None:
    (valid_copy / "places" / "twin.yaml").write_text(
        "id: twin\ntype: village\nname: Testville\nnames:\n  - {text: Testville, lang: en, kind: official, sources: [editor]}\n",
        encoding="utf-8",
    )
    plain = run("validate", str(valid_copy))
    assert plain.returncode == 0 and "W301" not in plain.stdout
    listed = run("validate", str(valid_copy), "--collisions")
    assert listed.returncode == 0 and "W301" in listed.stdout and "testville" in listed.stdout


def test_usage_error_exits_2() -> None:
    proc = run("validate", "--format", "xml")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    proc = run("validate", str(tmp_path / "nowhere"))
    assert proc.returncode == 1 and "no gazetteer folder" in proc.stderr and "Traceback" not in proc.stderr
