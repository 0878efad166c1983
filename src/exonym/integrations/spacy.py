"""exonym as a spaCy pipeline component: `nlp.add_pipe("exonym", config={...})` once
`exonym[spacy]` is installed (the factory is found through spaCy's `spacy_factories` entry point).

Each mention becomes a Span labelled with its entry's type group (GPE, LOC, ORG, NORP ...) and
with `kb_id_` the entry id; `span._.exonym` is the Mention itself (score, method, explanation,
candidates) and `doc._.exonym` every Mention of the doc, with exonym's exact offsets even where a
Span had to grow to whole tokens.

The doc keeps the mentions as compact tuples in `doc.user_data`, not as objects: spaCy serializes
user data with msgpack (DocBin, `nlp.pipe(n_process=...)`), which Mentions would break. The
extension attributes rebuild Mentions from them against the gazetteer, loaded once per process.
"""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from exonym.integrations.records import gazetteer as _gazetteer
from exonym.model import ENTRY_TYPES, GLOSSARY_TYPES, PLACE_TYPES
from exonym.parallel import compact, expand
from exonym.parallel import resolve_many as _resolve_many
from exonym.resolver.resolution import parse_types
from exonym.resolver.results import Mention
from exonym.text.langtags import canonical_tag

# The labels of spaCy's English pipelines (OntoNotes): GPE for places with a government,
# LOC for other places, ORG, and NORP for nationalities (exonym's adjectives and demonyms).
# spaCy's other trained pipelines say LOC, ORG, PER, MISC: `labels` in the config maps them.
DEFAULT_LABELS: dict[str, str] = {
    "country": "GPE",
    "territory": "GPE",
    "first-level-division": "GPE",
    "district": "GPE",
    "city": "GPE",
    "town": "GPE",
    "village": "GPE",
    "disputed-territory": "GPE",  # governed, whoever governs it
    "historical-unit": "GPE",  # a governed unit of its time (Nagorno-Karabakh Autonomous Oblast)
    "physical-feature": "LOC",
    "organization": "ORG",
    "term": "MISC",  # OntoNotes has no label for a glossary term; MISC is the CoNLL one
    "adjective": "NORP",  # Armenian, русский: an adjective or demonym, not the place
}
_LABEL_GROUPS = {"place": PLACE_TYPES, "glossary": GLOSSARY_TYPES}
TARGETS = ("auto", "ents", "spans")
ALIGNMENT_MODES = ("expand", "contract", "strict")
_KEY = "exonym"  # doc.user_data[_KEY] = {"gazetteer": folder or None, "mentions": [compact, ...]}


# Mentions rebuilt from a doc's tuples, kept while the doc lives: doc.text joins every token
# anew on each read, so rebuilding on each attribute read would cost as much as resolving.
_rebuilt: weakref.WeakKeyDictionary[Doc, tuple[dict[str, Any], list[Mention]]] = weakref.WeakKeyDictionary()


def _mentions_of(doc: Doc) -> list[Mention]:
    data = doc.user_data.get(_KEY)
    if not data:
        return []
    cached = _rebuilt.get(doc)
    if cached is None or cached[0] is not data:  # annotated again since
        gaz, text = _gazetteer(data["gazetteer"]), doc.text
        cached = (data, [expand(gaz, text, t) for t in data["mentions"]])
        _rebuilt[doc] = cached
    return list(cached[1])


def _mention_of(span: Span) -> Mention | None:
    """The mention this span was made for: its entry, at offsets that overlap the span's."""
    if not span.kb_id_:
        return None
    for m in _mentions_of(span.doc):
        if m.entry.id == span.kb_id_ and m.start < span.end_char and span.start_char < m.end:
            return m
    return None


if not Doc.has_extension("exonym"):
    Doc.set_extension("exonym", getter=_mentions_of)
if not Span.has_extension("exonym"):
    Span.set_extension("exonym", getter=_mention_of)


def label_table(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """DEFAULT_LABELS with `overrides` applied: keys are entry types, `adjective`, or the groups
    `place` and `glossary` (a group first, then the types named on their own)."""
    table = dict(DEFAULT_LABELS)
    overrides = dict(overrides or {})
    known = (*ENTRY_TYPES, "adjective", *_LABEL_GROUPS)
    unknown = sorted(k for k in overrides if k not in known)
    if unknown:
        raise ValueError(f"exonym: unknown key(s) in labels: {', '.join(unknown)}; known: {', '.join(known)}")
    for group, types in _LABEL_GROUPS.items():
        if group in overrides:
            table.update(dict.fromkeys(types, overrides.pop(group)))
    table.update(overrides)
    return table


class ExonymComponent:
    """Resolves each doc's text and marks the mentions as spans; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = "exonym",
        *,
        gazetteer: str | None = None,
        lang: str | None = "auto",
        types: Sequence[str] | str | None = None,
        include_adjectives: bool = False,
        labels: Mapping[str, str] | None = None,
        target: str = "auto",
        spans_key: str = "exonym",
        alignment_mode: str = "expand",
        workers: int = 1,
    ) -> None:
        if target not in TARGETS:
            raise ValueError(f"exonym: target must be one of {', '.join(TARGETS)}, not {target!r}")
        if alignment_mode not in ALIGNMENT_MODES:
            raise ValueError(f"exonym: alignment_mode must be one of {', '.join(ALIGNMENT_MODES)}, not {alignment_mode!r}")
        self.name = name
        self.nlp = nlp
        self.gazetteer = gazetteer
        # "auto": the pipeline's own language is a fact about its texts; the multi-language
        # pipeline "xx" says nothing, so the resolver guesses per text (as with lang None).
        self.lang = (None if nlp.lang == "xx" else canonical_tag(nlp.lang)) if lang == "auto" else (lang and canonical_tag(lang))
        parse_types(types)  # a typo in the config fails when the pipe is added, not on the first doc
        self.types = types
        self.include_adjectives = include_adjectives
        self.labels = label_table(labels)
        self.target = target
        self.spans_key = spans_key
        self.alignment_mode = alignment_mode
        self.workers = workers

    def __call__(self, doc: Doc) -> Doc:
        gaz = _gazetteer(self.gazetteer)
        self.annotate(doc, gaz.resolve(doc.text, lang=self.lang, types=self.types, include_adjectives=self.include_adjectives))
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The docs in order, annotated; their texts go through exonym.resolve_many in chunks
        of `batch_size` (over `workers` processes when that is more than 1)."""
        gaz = _gazetteer(self.gazetteer)
        waiting: deque[Doc] = deque()

        def texts() -> Iterator[str]:
            for doc in docs:
                waiting.append(doc)
                yield doc.text

        # resolve_many reads a few chunks ahead and yields in order: the oldest waiting doc is
        # the one each result belongs to.
        results = _resolve_many(
            gaz,
            texts(),
            workers=self.workers,
            chunk_size=max(batch_size, 1),
            lang=self.lang,
            types=self.types,
            include_adjectives=self.include_adjectives,
        )
        for mentions in results:
            doc = waiting.popleft()
            self.annotate(doc, mentions)
            yield doc

    def annotate(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        """Store the mentions on the doc and mark them as spans (and entities, per `target`)."""
        data = {"gazetteer": self.gazetteer, "mentions": [compact(m) for m in mentions]}
        doc.user_data[_KEY] = data
        _rebuilt[doc] = (data, list(mentions))
        spans = [s for s in (self._span(doc, m) for m in mentions) if s is not None]
        doc.spans[self.spans_key] = spans
        if self.target == "spans":
            return
        if self.target == "auto" and self._entities_come_earlier():
            return
        existing = doc.ents  # spaCy builds this tuple by walking every token: read it once
        if self.target == "auto" and existing:
            return
        # Two mentions inside one token (Baku-Tiflis-Ceyhan in German) grow to the same span;
        # entities may not overlap, so the first wins there and both stay in doc.spans.
        mine = filter_spans(spans)
        kept = [e for e in existing if not any(e.start < s.end and s.start < e.end for s in mine)]
        doc.ents = sorted([*kept, *mine], key=lambda s: s.start)

    def _entities_come_earlier(self) -> bool:
        """Whether a component before this one sets doc.ents (a trained ner, an entity_ruler):
        then "auto" leaves every doc's entities to it, also a doc where it found none, so that
        one pipeline puts exonym's spans in one place."""
        for name, _ in self.nlp.pipeline:
            if name == self.name:
                return False
            if "doc.ents" in self.nlp.get_pipe_meta(name).assigns:
                return True
        return False

    def _span(self, doc: Doc, m: Mention) -> Span | None:
        # exonym's boundaries may fall inside a spaCy token (Երևան։, /ТАСС/.); "expand" grows the
        # span to whole tokens, and the Mention keeps the exact offsets.
        label = self.labels["adjective"] if m.is_adjective else self.labels[m.entry.type]
        span: Span | None = doc.char_span(m.start, m.end, label=label, kb_id=m.entry.id, alignment_mode=self.alignment_mode)
        return span


@Language.factory(
    "exonym",
    default_config={
        "gazetteer": None,
        "lang": "auto",
        "types": None,
        "include_adjectives": False,
        "labels": {},
        "target": "auto",
        "spans_key": "exonym",
        "alignment_mode": "expand",
        "workers": 1,
    },
    assigns=["doc.ents", "doc.spans", "span._.exonym", "doc._.exonym"],
)
def make_component(
    nlp: Language,
    name: str,
    gazetteer: str | None,
    lang: str | None,
    types: list[str] | str | None,
    include_adjectives: bool,
    labels: dict[str, str],
    target: str,
    spans_key: str,
    alignment_mode: str,
    workers: int,
) -> ExonymComponent:
    """The `exonym` factory: `nlp.add_pipe("exonym", config={...})`."""
    return ExonymComponent(
        nlp,
        name,
        gazetteer=gazetteer,
        lang=lang,
        types=types,
        include_adjectives=include_adjectives,
        labels=labels,
        target=target,
        spans_key=spans_key,
        alignment_mode=alignment_mode,
        workers=workers,
    )
