"""The documents people read stay in step with the code: every validator code is explained, every
command is shown, and the Python examples print what they claim."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

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
