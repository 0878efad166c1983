"""Subcommands that use the resolver (resolve, lookup, show, serve): filled in by the resolver."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any) -> None:
    del sub
