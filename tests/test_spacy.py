"""The spaCy component: `nlp.add_pipe("exonym")` on blank pipelines of every resolver language,
spans and entities, offsets inside tokens, a pipeline that sets entities itself, nlp.pipe through
resolve_many, and the doc's serialization."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, DocBin

import exonym
from exonym.integrations import spacy as component
from exonym.resolver.results import Mention
from exonym.text import lang as languages

SENTENCES = {
    "ru": (
        "Переговоры в Нагорном Карабахе; делегация вылетела из Bakı в Ереван. Заявление ОБСЕ /ТАСС/.",
        [("nagorno-karabakh", "GPE"), ("baku", "GPE"), ("yerevan", "GPE"), ("osce", "ORG"), ("tass", "ORG")],
    ),
    "hy": ("Երևանում և Բաքվում։ Հանդիպումը Երևան։", [("yerevan", "GPE"), ("baku", "GPE"), ("yerevan", "GPE")]),
    "az": (
        "Xankəndidə görüş; Bakıdan Gəncəyə gedən nümayəndə heyəti, Ermənistan tərəfi.",
        [("khankendi", "GPE"), ("baku", "GPE"), ("ganja", "GPE"), ("armenia", "GPE")],
    ),
    "en": (
        "Troops left Stepanakert; the OSCE Minsk Group met in Baku’s old town.",
        [("khankendi", "GPE"), ("osce-minsk-group", "ORG"), ("baku", "GPE")],
    ),
    "ar": (
        "وقّعت أرمينيا وأذربيجان اتفاقاً في باكو، ودعا الأمين العام للأمم المتحدة.",
        [("armenia", "GPE"), ("azerbaijan", "GPE"), ("baku", "GPE"), ("united-nations", "ORG")],
    ),
}


def blank(lang: str, **config: Any) -> Any:
    nlp = spacy.blank(lang)
    nlp.add_pipe("exonym", config=config)
    return nlp


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_blank_pipeline_marks_entities(lang: str) -> None:
    text, expected = SENTENCES[lang]
    doc = blank(lang)(text)
    assert [(e.kb_id_, e.label_) for e in doc.ents] == expected
    mentions = exonym.resolve(text, lang=lang)
    assert [e._.exonym for e in doc.ents] == mentions
    assert doc._.exonym == mentions
    assert list(doc.spans["exonym"]) == list(doc.ents)
    for ent, m in zip(doc.ents, mentions, strict=True):
        assert isinstance(m, Mention)
        assert ent.start_char <= m.start < m.end <= ent.end_char  # exact offsets inside the tokens'
        assert m.explanation and m.method


def _spacy_languages() -> list[str]:
    import importlib.util

    return [code for code in sorted(languages.languages()) if importlib.util.find_spec(f"spacy.lang.{code}")]


@pytest.mark.parametrize("code", sorted(languages.languages()))
def test_every_resolver_language(code: str) -> None:
    """spaCy's blank pipeline where spaCy has the language, its multi-language one ("xx") where it
    does not (Georgian, Kazakh, Uzbek ...); the mentions are exactly the resolver's."""
    text = "Talks in Baku, Ереван, Երևան, თბილისი and Xankəndi; the OSCE Minsk Group met."
    lang = code if code in _spacy_languages() else "xx"
    doc = blank(lang)(text)
    assert doc._.exonym == exonym.resolve(text, lang=None if lang == "xx" else code)
    assert {e.kb_id_ for e in doc.ents} >= {"baku", "osce-minsk-group"}


def test_spacy_has_the_languages_the_issue_names() -> None:
    assert {"ru", "hy", "az", "en", "ar"} <= set(_spacy_languages())


def test_boundaries_inside_tokens_expand_and_keep_exact_offsets() -> None:
    # spaCy's Armenian tokenizer keeps the full stop ։ on the word, the Russian one the slashes.
    doc = blank("hy")("Հանդիպումը Երևան։")
    (ent,) = doc.ents
    assert (ent.text, ent._.exonym.text, ent._.exonym.start, ent._.exonym.end) == ("Երևան։", "Երևան", 11, 16)
    doc = blank("ru")("Москва, 16 июля /ТАСС/.")
    assert [(e.text, e._.exonym.text) for e in doc.ents] == [("Москва", "Москва"), ("/ТАСС/.", "ТАСС")]
    strict = blank("hy", alignment_mode="strict")("Հանդիպումը Երևան։")
    assert not strict.ents and [m.text for m in strict._.exonym] == ["Երևան"]


def test_two_mentions_in_one_token() -> None:
    # spaCy's German tokenizer keeps hyphenated compounds whole
    doc = blank("de")("Die Pipeline Baku-Tiflis-Ceyhan ist offen.")
    assert [(s.text, s.kb_id_) for s in doc.spans["exonym"]] == [("Baku-Tiflis-Ceyhan", "baku"), ("Baku-Tiflis-Ceyhan", "tbilisi")]
    assert [s._.exonym.text for s in doc.spans["exonym"]] == ["Baku", "Tiflis"]
    assert [e.kb_id_ for e in doc.ents] == ["baku"]  # entities may not overlap; doc.spans keeps both


def _ruler_pipeline(**config: Any) -> Any:
    # A trained pipeline's ner sets doc.ents before exonym runs; an entity ruler does the same.
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Ilham Aliyev"}, {"label": "GPE", "pattern": "Baku"}])
    nlp.add_pipe("exonym", config=config)
    return nlp


def test_entities_already_set_go_to_spans() -> None:
    doc = _ruler_pipeline()("Ilham Aliyev flew from Baku to Yerevan.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [("Ilham Aliyev", "PERSON", ""), ("Baku", "GPE", "")]
    assert [(s.text, s.kb_id_) for s in doc.spans["exonym"]] == [("Baku", "baku"), ("Yerevan", "yerevan")]
    assert doc.spans["exonym"][0]._.exonym.entry.id == "baku"
    # the ruler found nothing here, but it owns doc.ents in this pipeline: the same place for every doc
    doc = _ruler_pipeline()("Flights to Yerevan.")
    assert not doc.ents and [s.kb_id_ for s in doc.spans["exonym"]] == ["yerevan"]
    # a doc that comes with entities keeps them
    nlp = blank("en")
    doc = nlp.make_doc("Flights to Yerevan from Baku.")
    doc.ents = [doc.char_span(0, 7, label="EVENT")]
    assert [e.label_ for e in nlp.get_pipe("exonym")(doc).ents] == ["EVENT"]


def test_target_ents_replaces_overlapping_entities() -> None:
    doc = _ruler_pipeline(target="ents")("Ilham Aliyev flew from Baku to Yerevan.")
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("Ilham Aliyev", "PERSON", ""),
        ("Baku", "GPE", "baku"),
        ("Yerevan", "GPE", "yerevan"),
    ]
    doc = _ruler_pipeline(target="spans", spans_key="places")("Ilham Aliyev flew from Baku to Yerevan.")
    assert [e.kb_id_ for e in doc.ents] == ["", ""] and len(doc.spans["places"]) == 2


def test_labels_and_options_from_the_config() -> None:
    nlp = blank("en", labels={"place": "LOC", "adjective": "NORP"}, include_adjectives=True, types=["place"])
    doc = nlp("Armenian troops left Stepanakert; the OSCE Minsk Group met.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Armenian", "NORP"), ("Stepanakert", "LOC")]
    with pytest.raises(ValueError, match="unknown key"):
        blank("en", labels={"cty": "GPE"})
    with pytest.raises(exonym.InputError):
        blank("en", types=["cty"])
    with pytest.raises(ValueError, match="target"):
        blank("en", target="both")


def test_pipe_goes_through_resolve_many(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = component._resolve_many

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs["chunk_size"])
        return real(*args, **kwargs)

    monkeypatch.setattr(component, "_resolve_many", counting)
    texts = [SENTENCES["ru"][0], "", SENTENCES["en"][0]] * 5
    nlp = spacy.blank("xx")
    nlp.add_pipe("exonym")
    docs = list(nlp.pipe(texts, batch_size=4))
    assert calls == [4]  # one stream for the whole input, in chunks of the batch size
    assert [d.text for d in docs] == texts
    assert [d._.exonym for d in docs] == [exonym.resolve(t) for t in texts]


def test_pipe_over_worker_processes_matches() -> None:
    texts = [SENTENCES["ru"][0], SENTENCES["az"][0]] * 4
    one = [d._.exonym for d in blank("xx").pipe(texts)]
    two = [d._.exonym for d in blank("xx", workers=2).pipe(texts, batch_size=2)]
    assert one == two == [exonym.resolve(t) for t in texts]


def test_doc_serialization_keeps_the_mentions() -> None:
    nlp = blank("ru")
    doc = nlp(SENTENCES["ru"][0])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [e._.exonym for e in again.ents] == [e._.exonym for e in doc.ents]
    box = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(box.to_bytes()).get_docs(nlp.vocab)
    assert back._.exonym == doc._.exonym and back.ents[0].kb_id_ == "nagorno-karabakh"


def test_saved_pipeline_loads_with_its_config(tmp_path: Any) -> None:
    blank("en", labels={"city": "CITY"}).to_disk(tmp_path / "nlp")
    nlp = spacy.load(tmp_path / "nlp")
    assert [e.label_ for e in nlp("Flights from Baku.").ents] == ["CITY"]


def test_the_factory_is_found_through_the_entry_point() -> None:
    """A fresh interpreter that never imports exonym still finds nlp.add_pipe("exonym")."""
    code = "import spacy, sys; nlp = spacy.blank('en'); nlp.add_pipe('exonym'); print([e.kb_id_ for e in nlp('Baku').ents])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "['baku']"


def test_a_trained_pipeline_when_one_is_installed() -> None:
    """spaCy's trained pipelines come from GitHub releases, not from the package index: CI has
    none and skips this; a machine with en_core_web_sm runs it."""
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        pytest.skip("en_core_web_sm is not installed")
    nlp.add_pipe("exonym")
    doc = nlp("Ilham Aliyev flew from Baku to Yerevan, and the OSCE Minsk Group met in Tbilisi.")
    assert any(e.label_ == "PERSON" for e in doc.ents)  # the trained ner's entities stay
    assert [s.kb_id_ for s in doc.spans["exonym"]] == ["baku", "yerevan", "osce-minsk-group", "tbilisi"]
