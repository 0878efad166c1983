from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import exonym
from exonym.gazetteer import Gazetteer

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The bundled gazetteer, loaded once for the whole run."""
    return exonym.load()


@pytest.fixture
def valid_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid gazetteer in tests/data/valid."""
    target = tmp_path / "gazetteer"
    shutil.copytree(DATA / "valid", target)
    return target
