"""Reading the golden files (tests/golden/*.yaml) and scoring the resolver against them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

GOLDEN = Path(__file__).parent / "golden"


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    mechanism: str
    text: str
    lang: str | None
    mentions: tuple[tuple[str, str], ...]


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(GOLDEN.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for c in data.get("cases", []):
            cases.append(
                Case(
                    id=c["id"],
                    file=path.stem,
                    mechanism=c.get("mechanism", "other"),
                    text=c["text"],
                    lang=c.get("lang"),
                    mentions=tuple((m["text"], m["entry"]) for m in c.get("mentions") or []),
                )
            )
    return cases


def got_mentions(gaz: Any, case: Case) -> tuple[tuple[str, str], ...]:
    return tuple((m.text, m.entry.id) for m in gaz.resolve(case.text, lang=case.lang))


def scores(gaz: Any, cases: list[Case]) -> dict[str, dict[str, tuple[int, int, int]]]:
    """(true positives, false positives, false negatives) by language file and by mechanism."""
    out: dict[str, dict[str, list[int]]] = {"language": defaultdict(lambda: [0, 0, 0]), "mechanism": defaultdict(lambda: [0, 0, 0])}
    for case in cases:
        got = list(got_mentions(gaz, case))
        want = list(case.mentions)
        tp = 0
        for m in want:
            if m in got:
                got.remove(m)
                tp += 1
        fp, fn = len(got), len(want) - tp
        for key, group in ((case.file, "language"), (case.mechanism, "mechanism")):
            row = out[group][key]
            row[0] += tp
            row[1] += fp
            row[2] += fn
    return {g: {k: tuple(v) for k, v in rows.items()} for g, rows in out.items()}  # type: ignore[misc]


def report(gaz: Any) -> str:
    cases = load_cases()
    lines = []
    for group, rows in scores(gaz, cases).items():
        lines.append(f"{group:<16} {'P':>6} {'R':>6}   tp  fp  fn")
        total = [0, 0, 0]
        for key, (tp, fp, fn) in sorted(rows.items()):
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            lines.append(f"  {key:<14} {p:6.1%} {r:6.1%} {tp:4} {fp:3} {fn:3}")
        tp, fp, fn = total
        lines.append(f"  {'all':<14} {tp / max(1, tp + fp):6.1%} {tp / max(1, tp + fn):6.1%} {tp:4} {fp:3} {fn:3}")
    return "\n".join(lines)


if __name__ == "__main__":
    import exonym

    print(report(exonym.load()))
