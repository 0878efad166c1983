"""The documents people read stay in step with the code: every validator code is explained, every
command is shown, and the Python examples print what they claim."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

import exonym
from exonym.cli.common import EXIT_DATA, EXIT_USAGE
from exonym.diagnostics import CODES

ROOT = Path(__file__).parent.parent


def test_contributing_lists_every_validator_code() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text.splitlines()[2].startswith("Most contributions only touch `gazetteer/`.")
    missing = [code for code in CODES if f"| {code} |" not in text]
    assert missing == [], "add these codes to the table in CONTRIBUTING.md"


def test_readme_shows_every_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in (
        "validate",
        "fmt",
        "new",
        "impact",
        "resolve",
        "lookup",
        "show",
        "serve",
        "batch",
        "name",
        "render",
        "export",
        "import",
        "schema",
    ):
        assert f"exonym {command}" in text, command


def _python_blocks(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 2, m.group(1)) for m in re.finditer(r"```python\n(.*?)```", text, re.S)]


@pytest.mark.parametrize("document", ["README.md", "CONTRIBUTING.md"])
def test_python_examples_print_what_they_show(document: str) -> None:
    blocks = [(line, block) for line, block in _python_blocks(ROOT / document) if ">>>" in block]
    if document == "README.md":
        assert blocks, "README shows Python examples"
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for line, block in blocks:
        test = doctest.DocTestParser().get_doctest(block, {}, f"{document}:{line}", document, line)
        runner.run(test)
    assert runner.failures == 0, f"{runner.failures} example(s) in {document} print something else (see above)"


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_readme_counts_are_the_bundled_data(gaz) -> None:
    """The counts README gives for the curated entries and for the world layer are the data's."""
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    curated = re.search(r"([\d,]+) entries, ([\d,]+) names in ([\d,]+) language tags, ([\d,]+) sources", text)
    world = re.search(r"world layer \(.*?\): ([\d,]+) entries, ([\d,]+) names in ([\d,]+) language tags", text)
    first_load = re.search(r"for the bundled ([\d,]+) entries", text)
    assert curated and world and first_load, "README no longer states the counts where this test reads them"
    stats = exonym.load(layers=False).stats()
    assert [_number(x) for x in curated.groups()] == [stats["entries"], stats["names"], stats["languages"], stats["sources"]]
    full = gaz.stats()
    assert [_number(x) for x in world.groups()] == [full["entries"], full["names"], full["languages"]]
    assert _number(first_load.group(1)) == full["entries"]


def test_readme_exit_codes_are_the_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"Exit codes: (.*?)\.", text)
    assert stated, "README no longer states the exit codes"
    codes = {meaning: int(code) for code, meaning in (part.strip().split(" ", 1) for part in stated.group(1).split(","))}
    assert codes == {"success": 0, "bad data or input": EXIT_DATA, "usage": EXIT_USAGE}

    def exit_code(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "exonym", *args], capture_output=True).returncode

    assert exit_code("validate", str(ROOT / "tests" / "data" / "valid")) == codes["success"]
    assert exit_code("validate", str(ROOT / "tests" / "data" / "invalid")) == codes["bad data or input"]
    assert exit_code("validate", "--format", "yaml") == codes["usage"]
