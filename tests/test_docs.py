"""The documents editors read stay in step with the code: every validator code is explained."""

from __future__ import annotations

from pathlib import Path

from exonym.diagnostics import CODES

ROOT = Path(__file__).parent.parent


def test_contributing_lists_every_validator_code() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert text.splitlines()[2].startswith("Most contributions only touch `gazetteer/`.")
    missing = [code for code in CODES if f"| {code} |" not in text]
    assert missing == [], "add these codes to the table in CONTRIBUTING.md"


def test_readme_shows_every_command() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("validate", "fmt", "new", "impact", "resolve", "lookup", "show", "serve", "name", "render", "export", "import", "schema"):
        assert f"exonym {command}" in text, command
