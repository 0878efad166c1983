"""The YAML format of an entry, declared once: the loader validates against it and the JSON
Schema is generated from it, so the two cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from exonym.model import ENTRY_TYPES, NAME_KINDS


@dataclass(frozen=True, slots=True)
class Field:
    """One key of the format: what it holds (`kind`), and for a code its shape and the problem
    code and hint the validator gives when a value does not have it. The loader reads each key
    with the reader of its kind, and the JSON Schema is generated from the same fields."""

    kind: str  # text, id, enum, bool, int, float, langs, script, list[id], list[source], ids, coords, period, names, examples
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    code: str | None = None  # the diagnostic for a value that does not match `pattern`
    hint: str = ""


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ISO3166_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
ADMIN1_PATTERN = r"^[A-Z]{2}\.[0-9A-Z]{1,4}$"
SCRIPT_PATTERN = r"^[A-Z][a-z]{3}$"

ENTRY_FIELDS: dict[str, Field] = {
    "id": Field(
        "id",
        "Stable id: lower-case ASCII slug, equal to the file name; never reused.",
        True,
        pattern=ID_PATTERN,
        code="E109",
        hint="lower-case ASCII letters, digits and '-'",
    ),
    "type": Field("enum", "What the entry is.", True, ENTRY_TYPES),
    "name": Field("text", "Canonical English label (see the neutral policy in gazetteer/README.md).", True),
    "parents": Field("list[id]", "Ids of the entries that contain this one."),
    "covers": Field(
        "list[id]",
        "Ids of entries that lie wholly inside this one although it is not their parent (a disputed territory's units): they and everything inside them count as within this entry.",
    ),
    "ids": Field("ids", "External identifiers, only where known to be right."),
    "coordinates": Field("coords", "Representative point, WGS 84 degrees."),
    "population": Field("int", "Population, with its source in `sources`."),
    "period": Field("period", "Years of existence (historical units)."),
    "sources": Field("list[source]", "Sources of the entry's facts (codes, coordinates, population)."),
    "names": Field("names", "Every name the entry goes by.", True),
    "notes": Field("text", "Free text for editors and users."),
    "examples": Field("examples", "Sentences that must resolve a mention to this entry."),
}

NAME_FIELDS: dict[str, Field] = {
    "text": Field("text", "The name as written (NFC).", True),
    "lang": Field("langs", "BCP 47 language tag, or a list of tags sharing this spelling.", True),
    "kind": Field("enum", "What sort of name it is.", True, NAME_KINDS),
    "script": Field(
        "script",
        "ISO 15924 script code; derived from the text when absent.",
        pattern=SCRIPT_PATTERN,
        code="E110",
        hint="an ISO 15924 code like 'Latn'",
    ),
    "system": Field("text", "Romanization system (bgn-pcgn, iso9, ala-lc, ...), for kind romanization."),
    "preferred": Field("bool", "The name to show in its languages."),
    "period": Field("period", "Years in which the name was in use."),
    "used_by": Field("list[id]", "Entries (states, organizations) that use this name."),
    "sources": Field("list[source]", "Ids from sources.yaml that attest the name.", True),
    "note": Field("text", "Free text."),
}

IDS_FIELDS: dict[str, Field] = {
    "iso3166": Field(
        "text",
        "ISO 3166-1 alpha-2 (AZ) or ISO 3166-2 (AZ-TOV) code.",
        pattern=ISO3166_PATTERN,
        code="E107",
        hint="an ISO 3166 code looks like 'AZ' or 'AZ-TOV'",
    ),
    "geonames": Field("int", "GeoNames id.", pattern=r"^[1-9][0-9]*$", code="E107", hint="a GeoNames id is a positive whole number"),
    "wikidata": Field("text", "Wikidata QID (Q123).", pattern=WIKIDATA_PATTERN, code="E107", hint="a Wikidata id looks like 'Q227'"),
    "wof": Field("int", "Who's On First id.", pattern=r"^[1-9][0-9]*$", code="E107", hint="a Who's On First id is a positive whole number"),
    "geonames_admin1": Field(
        "text",
        "GeoNames first-level code (AZ.58): imported places in it get this parent.",
        pattern=ADMIN1_PATTERN,
        code="E107",
        hint="a GeoNames first-level code looks like 'AZ.58'",
    ),
}

PERIOD_FIELDS: dict[str, Field] = {
    "from": Field("int", "First year."),
    "to": Field("int", "Last year."),
}

COORD_FIELDS: dict[str, Field] = {
    "lat": Field("float", "Latitude, -90..90.", True),
    "lon": Field("float", "Longitude, -180..180.", True),
}

EXAMPLE_FIELDS: dict[str, Field] = {
    "text": Field("text", "A sentence, written for the example.", True),
    "mention": Field("text", "The exact span in `text` that must resolve to this entry.", True),
}

SOURCE_FIELDS: dict[str, Field] = {
    "title": Field("text", "What the source is.", True),
    "url": Field("text", "Where to check it."),
    "kind": Field("text", "standard, dataset, government, media, reference ..."),
}
