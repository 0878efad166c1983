"""`exonym impact BASE`: what a change to the gazetteer does, for the reviewer of a pull request.

The gazetteer at BASE (a git revision, read with `git archive`, the working tree untouched) is
compared with the working tree: entries and names added, removed and changed; name
collisions (a folded key that now points at more or fewer entries) that appear or vanish; and
every mention in the seeds, the golden tests, the entries' examples and any extra texts whose
resolution differs between the two. Markdown for a pull-request comment, or JSON."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exonym.data.folder import read_retired
from exonym.errors import InputError
from exonym.gazetteer import Gazetteer, load_path
from exonym.model import Entry, Name
from exonym.text.normalize import fold


@dataclass(frozen=True)
class Text:
    where: str  # "seeds/x.txt", "golden az-exact-1", "example of shusha"
    text: str
    lang: str | None = None


@dataclass
class Impact:
    base: str
    added: list[Entry] = field(default_factory=list)
    removed: list[Entry] = field(default_factory=list)
    changed: list[tuple[Entry, list[str]]] = field(default_factory=list)
    names_added: list[tuple[str, Name]] = field(default_factory=list)
    names_removed: list[tuple[str, Name]] = field(default_factory=list)
    names_changed: list[tuple[str, Name, Name, list[str]]] = field(default_factory=list)  # entry, before, after, fields
    collisions_new: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    collisions_gone: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    mentions: list[tuple[str, str, str, str]] = field(default_factory=list)  # where, mention, before, after
    not_retired: list[str] = field(default_factory=list)
    texts_checked: int = 0


# -- reading both sides -----------------------------------------------------------------------
def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    except FileNotFoundError as exc:
        raise InputError("exonym impact needs git on the PATH") from exc
    except subprocess.CalledProcessError as exc:
        raise InputError(f"git {' '.join(args)}: {exc.stderr.decode(errors='replace').strip()}") from exc
    return done.stdout


def _load(root: Path) -> tuple[Gazetteer, dict[str, str]]:
    """The gazetteer (through the compiled cache: a base seen before loads in a second) and
    its retired ids; a gazetteer with errors is refused with every error (validate first)."""
    return load_path(root), read_retired(root, [])


def gazetteer_at(repo: Path, revision: str, rel: Path, into: Path) -> Path:
    """Extract the gazetteer folder as it was at `revision` into `into`."""
    _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    data = _git(repo, "archive", "--format=tar", revision, "--", rel.as_posix())
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / rel


def texts_to_check(repo: Path, extra: Iterable[str] = ()) -> list[Text]:
    """The seed articles, the golden test sentences and any extra files (examples come from
    the gazetteers themselves)."""
    out: list[Text] = []
    for path in sorted((repo / "seeds").glob("*.txt")):
        out.append(Text(path.relative_to(repo).as_posix(), path.read_text(encoding="utf-8")))
    for path in sorted((repo / "tests" / "golden").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for case in data.get("cases") or []:
            out.append(Text(f"golden {case.get('id')}", str(case.get("text", "")), case.get("lang")))
    for item in extra:
        p = Path(item)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            out.append(Text(str(f), f.read_text(encoding="utf-8")))
    return out


def _example_texts(*gazetteers: Gazetteer) -> list[Text]:
    seen: dict[tuple[str, str], Text] = {}
    for gaz in gazetteers:
        for entry in gaz:
            for ex in entry.examples:
                seen.setdefault((entry.id, ex.text), Text(f"example of {entry.id}", ex.text))
    return list(seen.values())


# -- comparing --------------------------------------------------------------------------------
def _name_key(n: Name) -> tuple[str, tuple[str, ...]]:
    return (n.text, n.langs)


_NAME_FIELDS = ("kind", "script", "sources", "preferred", "period", "system", "used_by", "note")


def _changed_fields(a: Entry, b: Entry) -> list[str]:
    """Fields whose content differs (where a file moved or an example's line shifted is not a change)."""

    def value(e: Entry, name: str) -> Any:
        if name == "examples":
            return [(x.text, x.mention) for x in e.examples]
        if name == "names":  # their order in the file means nothing (fmt sorts them)
            return sorted(e.names, key=lambda n: (n.text, n.langs, n.kind, repr(n)))
        return getattr(e, name)

    return [f.name for f in dataclasses.fields(Entry) if f.name != "path" and value(a, f.name) != value(b, f.name)]


def _keys(entry: Entry) -> set[str]:
    return {fold(n.text) for n in entry.names}


def _owners(gaz: Gazetteer, keys: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for entry in gaz:
        for n in entry.names:
            k = fold(n.text)
            if k in keys:
                out[k].add(entry.id)
    return out


def _resolutions(gaz: Gazetteer, t: Text) -> dict[tuple[int, int], tuple[str, str]]:
    return {(m.start, m.end): (m.text, m.entry.id) for m in gaz.resolve(t.text, lang=t.lang)}


def compare(before: Gazetteer, after: Gazetteer, texts: list[Text], base: str, retired: dict[str, str]) -> Impact:
    imp = Impact(base)
    ids_b = {e.id for e in before}
    ids_a = {e.id for e in after}
    touched_keys: set[str] = set()
    for eid in sorted(ids_a - ids_b):
        entry = after.get(eid)
        imp.added.append(entry)
        imp.names_added += [(eid, n) for n in entry.names]
        touched_keys |= _keys(entry)
    for eid in sorted(ids_b - ids_a):
        entry = before.get(eid)
        imp.removed.append(entry)
        imp.names_removed += [(eid, n) for n in entry.names]
        touched_keys |= _keys(entry)
        if eid not in retired:
            imp.not_retired.append(eid)
    for eid in sorted(ids_a & ids_b):
        old, new = before.get(eid), after.get(eid)
        fields = _changed_fields(old, new)
        if not fields:
            continue
        imp.changed.append((new, fields))
        old_names = {_name_key(n): n for n in old.names}
        new_names = {_name_key(n): n for n in new.names}
        imp.names_added += [(eid, n) for k, n in new_names.items() if k not in old_names]
        imp.names_removed += [(eid, n) for k, n in old_names.items() if k not in new_names]
        for k in old_names.keys() & new_names.keys():
            was, now = old_names[k], new_names[k]
            if was != now:  # a period, a source, a preferred flag: what reviewers most need to see
                imp.names_changed.append((eid, was, now, [f for f in _NAME_FIELDS if getattr(was, f) != getattr(now, f)]))
        touched_keys |= _keys(old) | _keys(new)

    owners_b, owners_a = _owners(before, touched_keys), _owners(after, touched_keys)
    for key in sorted(touched_keys):
        b, a = owners_b.get(key, set()), owners_a.get(key, set())
        if a == b:
            continue
        if len(a) > 1 and a - b:
            imp.collisions_new.append((key, sorted(b), sorted(a)))
        elif len(b) > 1 and b - a:
            imp.collisions_gone.append((key, sorted(b), sorted(a)))

    all_texts = texts + _example_texts(before, after)
    imp.texts_checked = len(all_texts)
    for t in all_texts:
        rb, ra = _resolutions(before, t), _resolutions(after, t)
        for span in sorted(set(rb) | set(ra)):
            old_m, new_m = rb.get(span), ra.get(span)
            if old_m != new_m:
                mention = (new_m or old_m or ("", ""))[0]
                imp.mentions.append((t.where, mention, old_m[1] if old_m else "-", new_m[1] if new_m else "-"))
    return imp


# -- the report -------------------------------------------------------------------------------
def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _name_cell(n: Name) -> str:
    period = ""
    if n.period is not None:
        period = f", {n.period.start or ''}-{n.period.end or ''}"
    return f"{_md_escape(n.text)} | {', '.join(n.langs)} | {n.kind}{period} | {', '.join(n.sources)}"


def to_markdown(imp: Impact) -> str:
    out = [f"## exonym impact: `{imp.base}` -> working tree", ""]
    out.append(
        f"**{len(imp.added)} entries added, {len(imp.removed)} removed, {len(imp.changed)} changed; "
        f"{len(imp.names_added)} names added, {len(imp.names_removed)} removed, {len(imp.names_changed)} changed; "
        f"{len(imp.collisions_new)} new collisions, {len(imp.collisions_gone)} gone; "
        f"{len(imp.mentions)} mentions resolve differently** (in {imp.texts_checked} texts: seeds, golden tests, examples)"
    )
    if imp.not_retired:
        out += [
            "",
            "> **Warning:** removed ids not recorded in retired-ids.yaml (ids are never reused): "
            + ", ".join(f"`{i}`" for i in imp.not_retired),
        ]

    def section(title: str, header: str, rows: list[str]) -> None:
        if rows:
            out.extend(["", f"### {title}", "", header, _rule(header), *rows])

    section(
        "Entries added",
        "| id | type | name | file |",
        [f"| `{e.id}` | {e.type} | {_md_escape(e.name)} | {e.path or ''} |" for e in imp.added],
    )
    section("Entries removed", "| id | type | name |", [f"| `{e.id}` | {e.type} | {_md_escape(e.name)} |" for e in imp.removed])
    section("Entries changed", "| id | name | fields |", [f"| `{e.id}` | {_md_escape(e.name)} | {', '.join(f)} |" for e, f in imp.changed])
    section("Names added", "| entry | name | lang | kind | sources |", [f"| `{eid}` | {_name_cell(n)} |" for eid, n in imp.names_added])
    section("Names removed", "| entry | name | lang | kind | sources |", [f"| `{eid}` | {_name_cell(n)} |" for eid, n in imp.names_removed])
    section(
        "Names changed",
        "| entry | name | lang | fields | before | after |",
        [
            f"| `{eid}` | {_md_escape(a.text)} | {', '.join(a.langs)} | {', '.join(fs)} | {_md_escape(_fields_text(a, fs))} | {_md_escape(_fields_text(b, fs))} |"
            for eid, a, b, fs in imp.names_changed
        ],
    )
    section(
        "New name collisions",
        "| folded name | before | after |",
        [f"| {_md_escape(k)} | {', '.join(b) or '-'} | {', '.join(a)} |" for k, b, a in imp.collisions_new],
    )
    section(
        "Collisions gone",
        "| folded name | before | after |",
        [f"| {_md_escape(k)} | {', '.join(b)} | {', '.join(a) or '-'} |" for k, b, a in imp.collisions_gone],
    )
    section(
        "Mentions that resolve differently",
        "| where | mention | before | after |",
        [f"| {_md_escape(w)} | {_md_escape(m)} | {b} | {a} |" for w, m, b, a in imp.mentions],
    )
    if not any((imp.added, imp.removed, imp.changed)):
        out += ["", "No entry differs from the base."]
    return "\n".join(out) + "\n"


def _fields_text(n: Name, fields: list[str]) -> str:
    def show(value: Any) -> str:
        if isinstance(value, tuple):
            return ", ".join(map(str, value)) or "-"
        if value is not None and hasattr(value, "start"):
            return f"{value.start or ''}-{value.end or ''}"
        return "-" if value is None else str(value)

    return "; ".join(f"{f}: {show(getattr(n, f))}" for f in fields)


def _rule(header: str) -> str:
    return "|" + "---|" * (header.count("|") - 1)


def to_json(imp: Impact) -> str:
    def name(n: Name) -> dict[str, Any]:
        return {"text": n.text, "langs": list(n.langs), "kind": n.kind, "sources": list(n.sources)}

    data = {
        "base": imp.base,
        "entries_added": [e.id for e in imp.added],
        "entries_removed": [e.id for e in imp.removed],
        "entries_changed": [{"id": e.id, "fields": f} for e, f in imp.changed],
        "names_added": [{"entry": eid, **name(n)} for eid, n in imp.names_added],
        "names_removed": [{"entry": eid, **name(n)} for eid, n in imp.names_removed],
        "names_changed": [{"entry": eid, "text": a.text, "langs": list(a.langs), "fields": fs} for eid, a, _, fs in imp.names_changed],
        "collisions_new": [{"key": k, "before": b, "after": a} for k, b, a in imp.collisions_new],
        "collisions_gone": [{"key": k, "before": b, "after": a} for k, b, a in imp.collisions_gone],
        "mentions_changed": [{"where": w, "mention": m, "before": b, "after": a} for w, m, b, a in imp.mentions],
        "removed_not_retired": imp.not_retired,
        "texts_checked": imp.texts_checked,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def impact_report(base: str, *, gazetteer: str | None = None, texts: list[str] | None = None, fmt: str = "markdown") -> str:
    cwd = Path.cwd()
    repo = Path(_git(cwd, "rev-parse", "--show-toplevel").decode().strip())
    work = Path(gazetteer).resolve() if gazetteer else repo / "gazetteer"
    try:
        rel = work.relative_to(repo)
    except ValueError as exc:
        raise InputError(f"{work} is not inside the git repository {repo}") from exc
    with tempfile.TemporaryDirectory(prefix="exonym-impact-") as tmp:
        base_root = gazetteer_at(repo, base, rel, Path(tmp))
        if not (base_root / "sources.yaml").is_file():
            raise InputError(f"{rel} has no gazetteer at {base} (no sources.yaml)")
        before, _ = _load(base_root)
        after, retired = _load(work)
        imp = compare(before, after, texts_to_check(repo, texts or ()), base, retired)
    return to_json(imp) if fmt == "json" else to_markdown(imp)
