#!/usr/bin/env python
"""Score exonym.resolve on the evaluation sets in tests/eval/.

Usage:
  python tests/eval/score_heldout.py [PATH ...] [--file PATH ...] [--lang-hint] [--tables-only]
  python tests/eval/score_heldout.py --check [--file PATH ...]

Without a path, scores heldout.yaml, careful_reader.yaml, fresh_reader.yaml, third_reader.yaml, fourth_reader.yaml, fifth_reader.yaml, sixth_reader.yaml, seventh_reader.yaml, eighth_reader.yaml, ninth_reader.yaml, tenth_reader.yaml, eleventh_reader.yaml, twelfth_reader.yaml and thirteenth_reader.yaml (each reported on
its own).
Runs exonym.resolve(text, lang=None) on every case (or with the case's lang when
--lang-hint is given) and prints precision / recall / F1 overall, by language and by class
(a case counts toward each of its `classes`), then every false positive and false negative
with the resolver's explanation. --tables-only leaves out the FP / FN lists. --check only
validates the annotation files (every span occurs in its text, every entry exists or is
marked pending, ...) and never runs the resolver.

Gold mention forms (under `mentions:`):
  {text: "...", entry: ID}             that entry; `entry: [ID1, ID2]`: either reading counts
  {text: "...", geonames: 12345}       any entry whose ids.geonames is that number
  {text: "...", admin1: "DE.02"}       any entry whose ids.geonames_admin1 is that code
  {text: "...", entry: ID, pending: true}
                                       an entity the gazetteer lacks today (a river, a news
                                       organization, a glossary term); counts once an entry
                                       with that id exists
Where a mention sits: the k-th whole-word occurrence of its text among the case's
annotations with that text (`occurrence: N`, 1-based, names it explicitly).

Matching: a predicted mention is a true positive when its span (start, end) equals an
annotated mention's span and its entry is one of the annotation's targets. Each annotated
mention is matched once. A mention found with the wrong entry or a different span is both
a FP and a FN ("boundary-only" counts those with the right entry and a different span).
Only targets the gazetteer has count toward recall: an annotated mention whose target the
gazetteer lacks (entry id unknown or pending, no entry with that geonames / admin1 id) is
like `missing_from_gazetteer`: not a miss, and linking it to any entry is a false positive.
Spans listed under `optional` are ignored (neither TP nor FP), as is any predicted mention
inside one of them.
"""

from __future__ import annotations

import itertools
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import exonym

HERE = Path(__file__).resolve().parent
DEFAULT_FILES = [
    HERE / "heldout.yaml",
    HERE / "careful_reader.yaml",
    HERE / "fresh_reader.yaml",
    HERE / "third_reader.yaml",
    HERE / "fourth_reader.yaml",
    HERE / "fifth_reader.yaml",
    HERE / "sixth_reader.yaml",
    HERE / "seventh_reader.yaml",
    HERE / "eighth_reader.yaml",
    HERE / "ninth_reader.yaml",
    HERE / "tenth_reader.yaml",
    HERE / "eleventh_reader.yaml",
    HERE / "twelfth_reader.yaml",
    HERE / "thirteenth_reader.yaml",
]
CLASSES = (
    "organization",
    "district-town",
    "neighbours",
    "person-brand",
    "fuzzy-common",
    "dropped-known",
    "missing-form",
    "plain",
    # world.yaml (the world layer)
    "world-town",
    "world-division",
    "us-state",
    "river-sea-range",
    "common-word-trap",
    "person-trap",
    "namesake",
    "dateline",
)
CASE_KEYS = {"id", "lang", "classes", "text", "mentions", "optional", "missing_from_gazetteer", "note", "source"}
MENTION_KEYS = {"text", "entry", "geonames", "admin1", "pending", "occurrence", "note"}


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def as_list(entry) -> list:
    if entry is None:
        return []
    return list(entry) if isinstance(entry, list) else [entry]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `text` as a whole word (not inside a longer word);
    every raw occurrence when there is no whole-word one."""
    raw, pos = [], text.find(needle)
    while pos >= 0:
        raw.append(pos)
        pos = text.find(needle, pos + 1)
    whole = [
        p
        for p in raw
        if (p == 0 or not _is_word_char(text[p - 1]) or not _is_word_char(needle[0]))
        and (p + len(needle) == len(text) or not _is_word_char(text[p + len(needle)]) or not _is_word_char(needle[-1]))
    ]
    return whole or raw


class Targets:
    """Which gazetteer entries an annotated mention accepts."""

    def __init__(self, gaz) -> None:
        self.gaz = gaz
        self.by_geonames: dict[int, set[str]] = defaultdict(set)
        self.by_admin1: dict[str, set[str]] = defaultdict(set)
        for e in gaz:
            ids = e.ids or {}
            if ids.get("geonames") is not None:
                self.by_geonames[int(ids["geonames"])].add(e.id)
            if ids.get("geonames_admin1"):
                self.by_admin1[str(ids["geonames_admin1"])].add(e.id)

    def of(self, m: dict) -> set[str]:
        out: set[str] = set()
        for eid in as_list(m.get("entry")):
            if eid in self.gaz:
                out.add(eid)
        if m.get("geonames") is not None:
            out |= self.by_geonames.get(int(m["geonames"]), set())
        if m.get("admin1"):
            out |= self.by_admin1.get(str(m["admin1"]), set())
        return out


@dataclass
class Gold:
    text: str
    start: int
    end: int
    targets: set[str]
    wanted: str  # how the annotation names its target, for the report

    @property
    def counted(self) -> bool:
        return bool(self.targets)


def gold_spans(case: dict, targets: Targets) -> list[Gold]:
    text = case["text"]
    seen: dict[str, int] = defaultdict(int)
    out = []
    for m in case.get("mentions") or []:
        occ = occurrences(text, m["text"])
        if "occurrence" in m:
            k = int(m["occurrence"]) - 1
        else:
            k = seen[m["text"]]
            seen[m["text"]] += 1
        start = occ[k] if 0 <= k < len(occ) else -1
        wanted = "|".join(str(x) for x in as_list(m.get("entry"))) or (
            f"geonames:{m['geonames']}" if m.get("geonames") is not None else f"admin1:{m.get('admin1')}"
        )
        if m.get("pending"):
            wanted += " (pending)"
        out.append(Gold(m["text"], start, start + len(m["text"]), targets.of(m), wanted))
    return out


def optional_regions(case: dict) -> list[tuple[int, int]]:
    text = case["text"]
    return [(p, p + len(o)) for o in case.get("optional") or [] for p in occurrences(text, o)]


@dataclass
class CaseResult:
    tp: list = field(default_factory=list)
    fps: list = field(default_factory=list)  # (prediction, why)
    fns: list = field(default_factory=list)  # (gold, overlapping predictions)
    uncounted: int = 0  # gold mentions whose target the gazetteer lacks


def score_case(case: dict, targets: Targets, lang_hint: bool) -> CaseResult:
    text = case["text"]
    preds = exonym.resolve(text, lang=case.get("lang") if lang_hint else None)
    gold = gold_spans(case, targets)
    opt = optional_regions(case)
    opt_texts = set(case.get("optional") or [])
    res = CaseResult(uncounted=sum(1 for g in gold if not g.counted))
    used = [False] * len(gold)
    for p in sorted(preds, key=lambda m: (m.start, m.end)):
        if p.text in opt_texts or any(s <= p.start and p.end <= e for s, e in opt):
            continue
        hit = None
        for i, g in enumerate(gold):
            if not used[i] and g.start == p.start and g.end == p.end and p.entry.id in g.targets:
                hit = i
                break
        if hit is None:
            same_span = [g for g in gold if g.start == p.start and g.end == p.end]
            if same_span and not same_span[0].counted:
                why = f"target {same_span[0].wanted} not in the gazetteer"
            elif same_span:
                why = f"expected {same_span[0].wanted}"
            else:
                why = "no annotated mention at this span"
            res.fps.append((p, why))
        else:
            used[hit] = True
            res.tp.append(p)
    for i, g in enumerate(gold):
        if used[i] or not g.counted:
            continue
        near = [p for p in preds if g.start >= 0 and p.start < g.end and p.end > g.start]
        res.fns.append((g, near))
    return res


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(title: str, rows: dict[str, list[int]], keys: list[str]) -> list[str]:
    width = max([len(title)] + [len(k) for k in keys])
    out = [f"{title:{width}} {'cases':>5} {'TP':>4} {'FP':>4} {'FN':>4}  {'P':>6} {'R':>6} {'F1':>6}"]
    for k in keys:
        n, tp, fp, fn = rows[k]
        p, r, f = prf(tp, fp, fn)
        out.append(f"{k:{width}} {n:5} {tp:4} {fp:4} {fn:4}  {p:6.3f} {r:6.3f} {f:6.3f}")
    return out


def lookup_hint(text: str, lang: str | None) -> str:
    try:
        cands = exonym.lookup(text, lang=lang, limit=1)
    except Exception as exc:  # pragma: no cover - report, don't crash the run
        return f"lookup failed: {exc}"
    if not cands:
        return "lookup: nothing"
    c = cands[0]
    return f"lookup: {c.entry.id} {c.score:.0f} [{c.method}]"


def score_file(path: Path, targets: Targets, lang_hint: bool, tables_only: bool) -> tuple[int, int, int]:
    cases = load(path)
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    per_class: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    fp_lines, fn_lines = [], []
    boundary_only = uncounted = 0
    for case in cases:
        res = score_case(case, targets, lang_hint)
        uncounted += res.uncounted
        counts = (1, len(res.tp), len(res.fps), len(res.fns))
        lang = case.get("lang", "?")
        for key in (lang, "ALL"):
            per_lang[key] = [a + b for a, b in zip(per_lang[key], counts, strict=False)]
        for cls in case.get("classes") or []:
            per_class[cls] = [a + b for a, b in zip(per_class[cls], counts, strict=False)]
        for p, why in res.fps:
            fp_lines.append(f"  FP {case['id']:10} {p.text!r} -> {p.entry.id} [{p.method}] ({why}) {p.explanation}")
        for g, near in res.fns:
            if any(p.entry.id in g.targets and (p.start, p.end) != (g.start, g.end) for p in near):
                boundary_only += 1  # right entry, span differs: also counted as one FP
            if near:
                got = "; ".join(f"{p.text!r}->{p.entry.id} [{p.method}] {p.explanation}" for p in near)
            else:
                got = "nothing; " + lookup_hint(g.text, case.get("lang") if lang_hint else None)
            fn_lines.append(f"  FN {case['id']:10} {g.text!r} expected {g.wanted}; resolver: {got}")
    mode = "lang hint" if lang_hint else "lang=None"
    try:
        shown = path.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = path
    print(f"{shown}: {len(cases)} cases ({mode})\n")
    print("\n".join(table("lang", per_lang, [*sorted(k for k in per_lang if k != "ALL"), "ALL"])))
    if per_class:
        print()
        order = [c for c in CLASSES if c in per_class] + sorted(c for c in per_class if c not in CLASSES)
        print("\n".join(table("class", per_class, order)))
    print(f"\nboundary-only (right entry, different span; 1 FP + 1 FN each): {boundary_only}")
    print(f"annotated mentions whose target the gazetteer lacks (not counted in recall): {uncounted}")
    if not tables_only:
        print(f"\nfalse positives ({len(fp_lines)}):")
        print("\n".join(fp_lines) or "  none")
        print(f"\nfalse negatives ({len(fn_lines)}):")
        print("\n".join(fn_lines) or "  none")
    print()
    tp, fp, fn = per_lang["ALL"][1:]
    return tp, fp, fn


def check_file(path: Path, targets: Targets) -> list[str]:
    """Problems in an annotation file; never runs the resolver."""
    problems = []
    try:
        cases = load(path)
    except Exception as exc:
        return [f"{path}: does not load: {exc}"]
    ids: set[str] = set()
    for case in cases:
        cid = case.get("id", "?")
        where = f"{path.name}:{cid}"
        if cid in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(cid)
        for key in ("id", "lang", "text"):
            if not case.get(key):
                problems.append(f"{where}: no {key}")
        if "mentions" not in case:
            problems.append(f"{where}: no mentions key")
        for key in set(case) - CASE_KEYS:
            problems.append(f"{where}: unknown key {key}")
        for cls in case.get("classes") or []:
            if cls not in CLASSES:
                problems.append(f"{where}: unknown class {cls}")
        text = case.get("text") or ""
        for g, m in zip(gold_spans(case, targets), case.get("mentions") or [], strict=False):
            for key in set(m) - MENTION_KEYS:
                problems.append(f"{where}: {m['text']!r}: unknown key {key}")
            if g.start < 0 or text[g.start : g.end] != m["text"]:
                problems.append(f"{where}: {m['text']!r} does not occur (that often) in the text")
            if not any(k in m for k in ("entry", "geonames", "admin1")):
                problems.append(f"{where}: {m['text']!r}: no entry, geonames or admin1")
            if m.get("pending"):
                for eid in as_list(m.get("entry")):
                    if eid in targets.gaz:
                        problems.append(f"{where}: {m['text']!r}: pending {eid} exists now (drop pending)")
            else:
                for eid in as_list(m.get("entry")):
                    if eid not in targets.gaz:
                        problems.append(f"{where}: {m['text']!r}: unknown entry {eid} (typo, or pending?)")
        spans = sorted((g.start, g.end, g.text) for g in gold_spans(case, targets) if g.start >= 0)
        for a, b in itertools.pairwise(spans):
            if b[0] < a[1]:
                problems.append(f"{where}: overlapping spans {a[2]!r} and {b[2]!r}")
        for o in list(case.get("optional") or []) + list(case.get("missing_from_gazetteer") or []):
            if not occurrences(text, o):
                problems.append(f"{where}: {o!r} (optional / missing_from_gazetteer) does not occur")
    return problems


def main(argv: list[str]) -> int:
    files: list[Path] = []
    flags = set()
    it = iter(argv)
    for a in it:
        if a == "--file":
            files.append(Path(next(it)))
        elif a.startswith("--file="):
            files.append(Path(a.split("=", 1)[1]))
        elif a.startswith("--"):
            flags.add(a)
        else:
            files.append(Path(a))
    unknown = flags - {"--lang-hint", "--tables-only", "--check"}
    if unknown:
        print(f"unknown option(s): {' '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    files = files or [p for p in DEFAULT_FILES if p.exists()]
    targets = Targets(exonym.load())
    if "--check" in flags:
        problems = [p for f in files for p in check_file(f, targets)]
        print("\n".join(problems) or f"ok: {', '.join(f.name for f in files)}")
        return 1 if problems else 0
    total = [0, 0, 0]
    for f in files:
        total = [a + b for a, b in zip(total, score_file(f, targets, "--lang-hint" in flags, "--tables-only" in flags), strict=False)]
    if len(files) > 1:
        p, r, f1 = prf(*total)
        print(f"all files: TP {total[0]} FP {total[1]} FN {total[2]}  P {p:.3f} R {r:.3f} F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
