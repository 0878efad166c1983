#!/usr/bin/env python
"""Score exonym.resolve on the held-out set (tests/eval/heldout.yaml).

Usage: python tests/eval/score_heldout.py [heldout.yaml] [--lang-hint]

Runs exonym.resolve(text, lang=None) on every case (or with the case's lang when
--lang-hint is given) and prints precision / recall / F1 overall and per language,
then every false positive and false negative with the resolver's explanation.

Matching: a predicted mention is a true positive when its span text equals an
annotated mention's text exactly and its entry id is (one of) the annotated
entry id(s). Each annotated mention can be matched once (multiset matching).
A mention found with the wrong entry is therefore both a FP and a FN.
Spans listed under `optional` are ignored (neither TP nor FP). Places listed under
`missing_from_gazetteer` are not expected; resolving one of them to some entry
counts as a false positive.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

import exonym


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]


def as_set(entry) -> set[str]:
    return set(entry) if isinstance(entry, list) else {entry}


def score_case(case: dict, lang_hint: bool):
    text = case["text"]
    preds = exonym.resolve(text, lang=case.get("lang") if lang_hint else None)
    gold = [(m["text"], as_set(m["entry"])) for m in case.get("mentions") or []]
    optional = set(case.get("optional") or [])
    used = [False] * len(gold)
    tp, fps, fns = [], [], []
    for p in sorted(preds, key=lambda m: m.start):
        if p.text in optional:
            continue
        hit = None
        for i, (gtext, gents) in enumerate(gold):
            if not used[i] and gtext == p.text and p.entry.id in gents:
                hit = i
                break
        if hit is None:
            fps.append(p)
        else:
            used[hit] = True
            tp.append(p)
    seen: dict[str, int] = defaultdict(int)
    for i, (gtext, gents) in enumerate(gold):
        # position of this annotation = its k-th occurrence among same-text annotations
        k = seen[gtext]
        seen[gtext] += 1
        if used[i]:
            continue
        pos = -1
        for _ in range(k + 1):
            pos = text.find(gtext, pos + 1)
        # what did the resolver do with this stretch of text, if anything overlapping?
        near = [p for p in preds if pos >= 0 and p.start < pos + len(gtext) and p.end > pos]
        fns.append((gtext, sorted(gents), near))
    return tp, fps, fns


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    lang_hint = "--lang-hint" in argv
    path = Path(args[0]) if args else Path(__file__).with_name("heldout.yaml")
    cases = load(path)
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    fp_lines, fn_lines = [], []
    boundary_only = 0
    for case in cases:
        tp, fps, fns = score_case(case, lang_hint)
        lang = case.get("lang", "?")
        for key in (lang, "ALL"):
            per_lang[key][0] += len(tp)
            per_lang[key][1] += len(fps)
            per_lang[key][2] += len(fns)
        for p in fps:
            fp_lines.append(f"  FP {case['id']:7} {p.text!r} -> {p.entry.id} [{p.method}] {p.explanation}")
        for gtext, gents, near in fns:
            if any(p.entry.id in gents and p.text != gtext for p in near):
                boundary_only += 1  # right entry, span differs: also counted as one FP above
            got = "; ".join(f"{p.text!r}->{p.entry.id} [{p.method}]" for p in near) or "nothing"
            fn_lines.append(f"  FN {case['id']:7} {gtext!r} expected {'|'.join(gents)}; resolver: {got}")
    mode = "lang hint" if lang_hint else "lang=None"
    print(f"held-out set: {len(cases)} cases, {path} ({mode})\n")
    print(f"{'lang':6} {'TP':>4} {'FP':>4} {'FN':>4}  {'P':>6} {'R':>6} {'F1':>6}")
    keys = sorted(k for k in per_lang if k != "ALL") + ["ALL"]
    for k in keys:
        tp, fp, fn = per_lang[k]
        p, r, f = prf(tp, fp, fn)
        print(f"{k:6} {tp:4} {fp:4} {fn:4}  {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"\nof which boundary-only (right entry, different span; 1 FP + 1 FN each): {boundary_only}")
    print(f"\nfalse positives ({len(fp_lines)}):")
    print("\n".join(fp_lines) or "  none")
    print(f"\nfalse negatives ({len(fn_lines)}):")
    print("\n".join(fn_lines) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
