"""Glossary export for translators: TBX-Basic (ISO 30042:2019, DCA style) and CSV.

TBX mapping (documented in README):
- one <conceptEntry id="ENTRY-ID"> per entry (an id starting with a digit gets a leading "_",
  as XML IDs must), with <descrip type="subjectField"> (geography or
  organizations / terminology), a <note> with the type, label, parents and identifiers, and the
  entry's notes;
- one <langSec xml:lang="TAG"> per language tag asked for (az and az-Cyrl are two sections);
- one <termSec> per name: <term>, then <termNote type="partOfSpeech"> (noun; adjective for
  adjectives: TBX-Basic's picklist has no properNoun), <termNote type="termType"> (fullForm; acronym or
  abbreviation; variant for variants, colloquial names and romanizations) and
  <termNote type="administrativeStatus">:
    preferredTerm-admn-sts   the name exonym shows for that language (names.name_in, under the
                             style if one is given),
    supersededTerm-admn-sts  a historical name, or one whose period has ended (Kirovabad),
    deprecatedTerm-admn-sts  a name the style avoids (Artsakh under az-official; Степанакерт too,
                             being the same name as the avoided side's Stepanakert),
    admittedTerm-admn-sts    every other name;
  then <admin type="source"> per source (its title) and a <note> with the kind, period, users
  and the name's note.
CSV: one row per entry (id, type, label, then one column per language with the name exonym
shows for it, empty where the gazetteer has none), UTF-8 with a header row."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import Any

from exonym.errors import InputError
from exonym.glossary.names import _in_use, _tag_parts, is_avoided, parse_locale, style_parties
from exonym.model import GLOSSARY_TYPES, Entry, Name
from exonym.progress import OnProgress, counted, stage
from exonym.resolver.resolution import parse_types

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORMATS = ("tbx", "csv")


def parse_langs(langs: str | Iterable[str] | None) -> list[str]:
    """Tags as name_in reads them (a well-formed tag without names gives empty columns)."""
    items = langs.split(",") if isinstance(langs, str) else list(langs or [])
    out = [parse_locale(x.strip(), "langs").tag for x in items if x.strip()]
    if not out:
        raise InputError("give at least one language, e.g. --langs en,ru,hy,az", parameter="langs")
    return list(dict.fromkeys(out))


def select(gaz: Any, *, types: Any = None, within: Iterable[str] = ()) -> list[Entry]:
    """Entries of the given types that lie within any of the given entries (or are them): through
    any chain of parents, or through an entry's `covers` (the disputed-territory overlay)."""
    wanted = parse_types(types)
    roots = set(within)
    for r in roots:
        gaz.get(r, parameter="within")  # an unknown id is an error (with close ids), not an empty glossary
    out = []
    for e in gaz:
        if wanted is not None and e.type not in wanted:
            continue
        if roots and not (e.id in roots or roots & gaz.areas(e.id)):
            continue
        out.append(e)
    return sorted(out, key=lambda e: e.id)


def _tags_for(entry: Entry, lang: str) -> list[str]:
    """The tags of this entry's names that fall under a requested language: `az` takes az and
    az-Cyrl names; `az-Cyrl` only those in Cyrillic."""
    want_lang, want_script, want_region = _tag_parts(lang)
    tags: set[str] = set()
    for n in entry.names:
        for t in n.langs:
            t_lang, t_script, t_region = _tag_parts(t)
            if t_lang != want_lang or (want_region and t_region != want_region):
                continue
            if want_script and (t_script or n.script) != want_script:
                continue
            tags.add(t)
    return sorted(tags, key=lambda t: (t != lang, t))


def _status(gaz: Any, entry: Entry, name: Name, tag: str, style: str | None, preferred: dict[str, Name | None]) -> str:
    if tag not in preferred:
        chosen = gaz.name_in(entry, tag, style=style)
        preferred[tag] = chosen.name if not chosen.fallback else None
    if not _in_use(name, None):
        return "supersededTerm-admn-sts"
    if preferred[tag] is not None and name == preferred[tag]:
        return "preferredTerm-admn-sts"
    if style:  # the same test name_in uses: a name the style avoids is deprecated here
        chosen_style = gaz.style(style)
        country = gaz.country_of(entry.id) if chosen_style.prefer_recognised_state else None
        if is_avoided(entry, name, style_parties(chosen_style, country)):
            return "deprecatedTerm-admn-sts"
    return "admittedTerm-admn-sts"


def _term_type(name: Name) -> str:
    if name.kind == "abbreviation":
        return "acronym" if name.text.isupper() else "abbreviation"
    if name.kind in ("variant", "colloquial", "romanization"):
        return "variant"
    return "fullForm"


def _part_of_speech(name: Name) -> str:
    # TBX-Basic's picklist has noun, verb, adjective, adverb, other: a proper name is a noun
    return "adjective" if name.kind == "adjective" else "noun"


def concept_id(entry_id: str) -> str:
    """The conceptEntry id: an XML ID cannot start with a digit (28-may -> _28-may)."""
    return entry_id if entry_id[:1].isalpha() else f"_{entry_id}"


def _name_note(name: Name) -> str:
    bits = [f"kind: {name.kind}" + (f" ({name.system})" if name.system else "")]
    if name.period is not None:
        bits.append(f"in use {name.period.start or ''}-{name.period.end or ''}")
    if name.used_by:
        bits.append("used by: " + ", ".join(name.used_by))
    if name.note:
        bits.append(name.note)
    return "; ".join(bits)


def to_tbx(gaz: Any, entries: list[Entry], langs: list[str], *, style: str | None = None, on_progress: OnProgress | None = None) -> str:
    ET.register_namespace("", TBX_NS)

    def q(tag: str) -> str:
        return f"{{{TBX_NS}}}{tag}"

    root = ET.Element(q("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"})
    header = ET.SubElement(root, q("tbxHeader"))
    file_desc = ET.SubElement(header, q("fileDesc"))
    title_stmt = ET.SubElement(file_desc, q("titleStmt"))
    ET.SubElement(title_stmt, q("title")).text = f"exonym glossary ({', '.join(langs)})" + (f", style {style}" if style else "")
    source_desc = ET.SubElement(file_desc, q("sourceDesc"))
    ET.SubElement(source_desc, q("p")).text = (
        f"Exported from the exonym gazetteer ({gaz.digest or 'working copy'}). Names from CLDR, GeoNames "
        "(CC BY 4.0) and the sources named on each term."
    )
    body = ET.SubElement(ET.SubElement(root, q("text")), q("body"))
    for entry in counted(entries, "entries", on_progress):
        sections = [(t, lang) for lang in langs for t in _tags_for(entry, lang)]
        if not sections:
            continue
        concept = ET.SubElement(body, q("conceptEntry"), {"id": concept_id(entry.id)})
        field = "organizations" if entry.type == "organization" else "terminology" if entry.type in GLOSSARY_TYPES else "geography"
        ET.SubElement(concept, q("descrip"), {"type": "subjectField"}).text = field
        ids = ", ".join(f"{k} {v}" for k, v in entry.ids.items())
        about = f"{entry.type}: {entry.name}" + (f"; in {', '.join(entry.parents)}" if entry.parents else "") + (f"; {ids}" if ids else "")
        ET.SubElement(concept, q("note")).text = about
        if entry.notes:
            ET.SubElement(concept, q("note")).text = entry.notes
        preferred: dict[str, Name | None] = {}
        done: set[str] = set()
        for tag, _ in sections:
            if tag in done:
                continue
            done.add(tag)
            lang_sec = ET.SubElement(concept, q("langSec"), {XML_LANG: tag})
            for name in entry.names:
                if tag not in name.langs:
                    continue
                term_sec = ET.SubElement(lang_sec, q("termSec"))
                ET.SubElement(term_sec, q("term")).text = name.text
                ET.SubElement(term_sec, q("termNote"), {"type": "partOfSpeech"}).text = _part_of_speech(name)
                ET.SubElement(term_sec, q("termNote"), {"type": "termType"}).text = _term_type(name)
                ET.SubElement(term_sec, q("termNote"), {"type": "administrativeStatus"}).text = _status(
                    gaz, entry, name, tag, style, preferred
                )
                for sid in name.sources:
                    source = gaz.sources.get(sid)
                    ET.SubElement(term_sec, q("admin"), {"type": "source"}).text = source.title if source else sid
                ET.SubElement(term_sec, q("note")).text = _name_note(name)
    stage("writing XML", on_progress)  # a third of a TBX export's time, with nothing to count
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"


def to_csv(gaz: Any, entries: list[Entry], langs: list[str], *, style: str | None = None, on_progress: OnProgress | None = None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["id", "type", "label", *langs])
    for entry in counted(entries, "entries", on_progress):
        cells = []
        for lang in langs:
            chosen = gaz.name_in(entry, lang, style=style, first=False)
            cells.append("" if chosen.fallback or chosen.name is None else chosen.name.text)
        # every selected entry keeps its row: an empty cell tells the translator a name is missing
        writer.writerow([entry.id, entry.type, entry.name, *cells])
    return buf.getvalue()


def export(
    gaz: Any,
    fmt: str,
    *,
    langs: Any,
    types: Any = None,
    within: Iterable[str] = (),
    style: str | None = None,
    on_progress: OnProgress | None = None,
) -> str:
    """The glossary of the selected entries as TBX-Basic or CSV text. `on_progress(stage, done,
    total)` hears how far it is (see exonym.progress)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}", parameter="format")
    if style:
        gaz.style(style)
    tags = parse_langs(langs)
    entries = select(gaz, types=types, within=within)
    if not any(n for e in entries for n in e.names if any(_tag_parts(t)[0] in {_tag_parts(x)[0] for x in tags} for t in n.langs)):
        # TBX requires at least one conceptEntry; an empty CSV would only hide the mistake
        raise InputError("nothing to export: no entry of that selection has a name in those languages")
    write = to_tbx if fmt == "tbx" else to_csv
    return write(gaz, entries, tags, style=style, on_progress=on_progress)
