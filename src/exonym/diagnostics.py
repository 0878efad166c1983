"""Diagnostic: one problem an editor can act on, and its text and GitHub formatters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """A problem at `path:line:col` (1-based), with a stable code such as E101."""

    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E")

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def format_github(self) -> str:
        level = "error" if self.is_error else "warning"
        message = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{level} file={self.path},line={self.line},col={self.col},title={self.code}::{self.code} {message}"


# Every code the validator can emit, with the one-line fix shown in CONTRIBUTING.md.
CODES: dict[str, tuple[str, str]] = {
    "E001": ("YAML syntax error", "fix the syntax at the line shown (indentation, quotes, colons)"),
    "E002": ("anchor, alias or custom tag", "write the value out in full; only plain YAML is read"),
    "E003": ("wrong value type", "give the type the key expects (text, number, list, mapping)"),
    "E101": ("unknown key", "remove the key or fix its spelling; see gazetteer/README.md"),
    "E102": ("missing required field", "add the field named in the message"),
    "E103": ("invalid language tag", "use a BCP 47 tag babel knows: en, az-Cyrl, hy, sr-Latn"),
    "E104": ("name repeats in entry", "delete the second copy, or merge their languages"),
    "E105": ("unknown source id", "register the source in gazetteer/sources.yaml or fix the id"),
    "E106": ("value not allowed", "pick one of the values listed in the message"),
    "E107": ("malformed identifier", "ISO 3166 'AZ' or 'AZ-TOV', GeoNames or Who's On First digits, Wikidata Q123"),
    "E108": ("invalid period or coordinates", "years as integers, from <= to; lat/lon in range"),
    "E109": ("malformed id", "lower-case ASCII letters, digits and '-'; make ids with exonym new"),
    "E110": ("invalid script code", "use an ISO 15924 code: Latn, Cyrl, Armn, Geor, Arab"),
    "E111": ("text not in NFC or has stray spaces", "retype the text in NFC without edge spaces; exonym fmt never changes text"),
    "E112": ("romanization without system", "add system: bgn-pcgn, iso9, ala-lc, az-latin ... (gazetteer/README.md)"),
    "E113": ("two preferred names in one language", "keep preferred: true on one name per language tag"),
    "E114": (
        "not a regular file, or too large",
        "entries are ordinary files under 1 MiB: replace a pipe, device or folder named *.yaml; split a huge file",
    ),
    "E115": ("link that leaves the gazetteer", "copy the entry into the gazetteer instead of linking to a file outside it"),
    "E116": (
        "control or private-use character in a name",
        "retype the name: control (Cc), private-use (Co), surrogate (Cs) and noncharacters are never text",
    ),
    "E117": ("layer not sorted by id", "regenerate the layer with its importer (exonym import world); layers are not edited by hand"),
    "E201": ("duplicate id", "two files declare one id: rename one with exonym new, merge or delete"),
    "E202": ("id differs from file name", "rename the file to <id>.yaml or fix the id"),
    "E203": ("unknown entry reference", "parents and used_by must name existing entry ids"),
    "E204": ("parent cycle", "an entry cannot be its own ancestor; fix one of the parents"),
    "E205": ("retired id reused", "ids are never reused; choose another id (exonym new does)"),
    "E206": ("invalid style", "see gazetteer/styles.yaml for the style format"),
    "W301": ("name collision", "not an error: the resolver disambiguates; add context examples"),
}
