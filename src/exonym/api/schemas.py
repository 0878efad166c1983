"""Response and request models: every endpoint declares one, so /openapi.json is exact."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class MatchedName(BaseModel):
    text: str
    lang: str
    langs: list[str]
    kind: str
    sources: list[str]


class RunnerUp(BaseModel):
    id: str
    name: str
    type: str
    score: float


class DisplayOut(BaseModel):
    """The name to show in the locale (and style) asked for."""

    text: str = Field(description="The name as written, with the style's template applied")
    locale: str = Field(description="The locale asked for, in canonical case")
    step: str = Field(description="The step of the fallback chain that gave the name, or 'label'")
    fallback: bool = Field(description="True when the name is not in the language asked for")
    name: str | None = Field(default=None, description="The gazetteer name used")
    other: str | None = Field(default=None, description="The other side's name, when the style shows it")


class CandidateOut(BaseModel):
    id: str
    name: str
    type: str
    score: float = Field(ge=0, le=100)
    method: str
    matched: MatchedName
    ids: dict[str, Any]
    display: DisplayOut | None = Field(default=None, description="Only with the locale parameter")


class MentionOut(CandidateOut):
    """A candidate found in a text: where, in which words, and why."""

    start: int = Field(description="Offset of the first character, in Unicode code points")
    end: int = Field(description="Offset after the last character, in Unicode code points")
    text: str
    is_adjective: bool
    explanation: str
    candidates: list[RunnerUp]


class ResolveIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,  # "yes" is not a boolean and "5" not a number: JSON says what it means
        # The example is what /docs puts in the body of "Try it out": it must be a valid request.
        json_schema_extra={"examples": [{"text": "MOSCOW, July 16. /TASS/. Talks in Bakı and Ереване.", "include_adjectives": False}]},
    )
    text: str = Field(description="The text to resolve (UTF-8, at most 1 MB)")
    lang: str | None = Field(default=None, description="BCP 47 hint for the text's language")
    types: list[str] | None = Field(default=None, description="Entry types to keep, or place / glossary")
    include_adjectives: bool = False
    locale: str | None = Field(default=None, max_length=64, description="BCP 47 locale for display names")
    style: str | None = Field(default=None, max_length=64, description="House style for display names (styles.yaml)")


class ResolveOut(BaseModel):
    offsets: str = Field(default="code points", description="What start and end count")
    mentions: list[MentionOut]


class LookupOut(BaseModel):
    query: str
    candidates: list[CandidateOut]


class PeriodOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: int | None = Field(default=None, alias="from")
    to: int | None = None


class NameOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    text: str
    lang: str
    langs: list[str]
    kind: str
    script: str
    preferred: bool = False
    period: PeriodOut | None = None
    system: str | None = None
    used_by: list[str] = []
    sources: list[str]
    note: str | None = None


class Coordinates(BaseModel):
    lat: float
    lon: float


class EntryOut(BaseModel):
    id: str
    name: str
    type: str
    ids: dict[str, Any]
    parents: list[str]
    covers: list[str] | None = Field(
        default=None, description="Entries wholly inside this one that are not its children (a disputed territory's units)"
    )
    coordinates: Coordinates | None = None
    population: int | None = None
    period: PeriodOut | None = None
    sources: list[str]
    names: list[NameOut]
    notes: str | None = None
    display: DisplayOut | None = Field(default=None, description="Only with the locale parameter")


class NamesOut(BaseModel):
    id: str
    name: str
    languages: dict[str, list[NameOut]] = Field(description="Every name under each of its BCP 47 tags")


class EntrySummary(BaseModel):
    id: str
    name: str
    type: str
    ids: dict[str, Any]


class EntryPage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[EntrySummary]


class Health(BaseModel):
    status: str
    entries: int


class Version(BaseModel):
    version: str
    gazetteer_hash: str
    entries: int
    names: int
    languages: int


class ErrorOut(BaseModel):
    error: str
    parameter: str | None = None


class RenderIn(BaseModel):
    """A text to render into a locale's names under a house style."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"text": "Встреча в Ханкенди, затем в Баку.", "to": "en", "style": "neutral", "mark": True}]},
    )

    text: str = Field(description="The text (UTF-8, at most 1 MB)")
    to: str = Field(max_length=64, description="Target locale (BCP 47): ru, en, hy, az ...")
    style: str | None = Field(default=None, max_length=64, description="House style (styles.yaml)")
    at: int | None = Field(default=None, ge=-5000, le=3000, description="Year whose names to use")
    mark: bool = Field(default=False, description="Mark changes as ⟦name⟧ and reviews as ⟦?original → name⟧")
    lang: str | None = Field(default=None, max_length=64, description="BCP 47 hint for the text's language")
    types: list[str] | None = Field(default=None, description="Entry types to render (default: places)")


class ChangeOut(BaseModel):
    start: int = Field(description="Offset in the input, code points")
    end: int
    original: str
    replacement: str = Field(description="What the output has there")
    suggestion: str = Field(description="The target name under the style")
    entry_id: str
    status: str = Field(description="replaced, review (inflected: left as it was) or same")
    out_start: int = Field(description="Offset in the output, code points")
    out_end: int
    reason: str


class RenderOut(BaseModel):
    locale: str
    style: str | None
    text: str
    changes: list[ChangeOut]


class StyleOut(BaseModel):
    """A house style (gazetteer/styles.yaml): which of a place's names a publication uses."""

    id: str = Field(description="The value of the style parameter")
    title: str
    description: str
    first_mention: str = Field(description="Template of the first mention of a place: {name}, {other}")
    later_mentions: str = Field(description="Template of later mentions")


class StylesOut(BaseModel):
    styles: list[StyleOut]
