"""Rules across files: unique ids, references that exist, no parent cycles, retired ids,
and (on request) names shared by several entries."""

from __future__ import annotations

from collections import defaultdict

from exonym.data.loader import LoadedEntry
from exonym.diagnostics import Diagnostic


def check_entries(loaded: list[LoadedEntry], retired: dict[str, str] | None = None) -> list[Diagnostic]:
    """Diagnostics for problems that only show when all entries are read together."""
    diags: list[Diagnostic] = []
    by_id: dict[str, LoadedEntry] = {}
    for item in loaded:
        eid = item.entry.id
        if eid in by_id:
            first = by_id[eid]
            diags.append(Diagnostic(item.path, *item.id_mark, "E201", f"id {eid!r} is already used by {first.path}"))
            continue
        by_id[eid] = item
        if retired and eid in retired:
            diags.append(Diagnostic(item.path, *item.id_mark, "E205", f"id {eid!r} was retired ({retired[eid]}); ids are never reused"))
    for item in by_id.values():
        for field, ref, line, col in item.refs:
            if ref == item.entry.id and field == "parents":
                diags.append(Diagnostic(item.path, line, col, "E204", f"{ref!r} lists itself as a parent"))
            elif ref == item.entry.id and field == "covers":
                diags.append(Diagnostic(item.path, line, col, "E204", f"{ref!r} lists itself in covers"))
            elif ref not in by_id:
                hint = f" (retired: {retired[ref]})" if retired and ref in retired else ""
                diags.append(Diagnostic(item.path, line, col, "E203", f"{field} names unknown entry {ref!r}{hint}"))
    diags.extend(_cycles(by_id))
    return diags


def _cycles(by_id: dict[str, LoadedEntry]) -> list[Diagnostic]:
    """One E204 per cycle in the parent graph, reported at the entry of the cycle with the smallest id."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    reported: set[frozenset[str]] = set()
    diags: list[Diagnostic] = []

    for start in sorted(by_id):
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            parents = [p for p in by_id[node].entry.parents if p in by_id and p != node]
            if i < len(parents):
                stack.append((node, i + 1))
                nxt = parents[i]
                if state.get(nxt) == 1:
                    cycle = path[path.index(nxt) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        at = by_id[min(cycle)]
                        line, col = next(((ln, c) for f, r, ln, c in at.refs if f == "parents"), at.id_mark)
                        ring = " -> ".join([*cycle, nxt])
                        diags.append(Diagnostic(at.path, line, col, "E204", f"parent cycle: {ring}"))
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return diags


def name_collisions(loaded: list[LoadedEntry]) -> list[Diagnostic]:
    """W301 for every normalized name shared by more than one entry (not an error)."""
    from exonym.text.normalize import fold

    owners: dict[str, list[tuple[LoadedEntry, int]]] = defaultdict(list)
    for item in loaded:
        seen: set[str] = set()
        for i, name in enumerate(item.entry.names):
            k = fold(name.text)
            if k and k not in seen:
                seen.add(k)
                owners[k].append((item, i))
    diags: list[Diagnostic] = []
    for _, places in sorted(owners.items()):
        ids = sorted({it.entry.id for it, _ in places})
        if len(ids) < 2:
            continue
        for item, i in places:
            others = ", ".join(x for x in ids if x != item.entry.id)
            line, col = item.name_marks[i]
            diags.append(Diagnostic(item.path, line, col, "W301", f"name {item.entry.names[i].text!r} is shared with {others}"))
    return diags
