"""The data classes of the ledger: one cleaned document, many layered annotations.

Every annotation points into the document's cleaned ``text`` by character offsets
``(doc, start, end)`` and repeats ``text == document.text[start:end]``. ``record()`` gives the
export-contract form (see DESIGN.md): nested objects stay nested, unknown values are ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

Precision = Literal["year", "month", "day"]
DateBasis = Literal["metadata", "text", "none"]
Status = Literal["ok", "failed", "duplicate"]
QuoteKind = Literal["direct", "indirect", "partial", "post"]
Qualifier = Literal[
    "exact", "approx", "more_than", "less_than", "at_least", "at_most", "range", "vague"
]
UnitClass = Literal["count", "currency", "area", "mass", "length", "percent", "duration", "other"]
Relation = Literal["same_metric", "agree", "contradict", "update", "duplicate"]

RECORD_TYPES = (
    "document", "quote", "quantity", "time", "entity", "place", "claim", "link",
)


def _plain(value: Any) -> Any:
    """Turn nested dataclasses and tuples into JSON-ready dicts and lists."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if not f.name.startswith("_")}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Published:
    """When a document was published: an ISO prefix, its precision and what supports it."""

    date: str | None = None
    precision: Precision | None = None
    basis: DateBasis = "none"


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption or credit kept out of the body text."""

    text: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """An embedded social post folded into the body: its text span and signature."""

    start: int
    end: int
    author: str | None = None
    handle: str | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """Maps ``text[start:end]`` of the cleaned text to ``raw[raw_start:raw_end]``."""

    start: int
    end: int
    raw_start: int
    raw_end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement. ``name`` is None when the text does not say (never a guess)."""

    name: str | None = None
    role: str | None = None
    entity: str | None = None
    anonymous: bool = False
    description: str | None = None
    members: tuple[str, ...] = ()  # entity ids of the people a group speaker names ("Ryan and Pelosi")


@dataclass(frozen=True, kw_only=True, slots=True)
class Document:
    """One cleaned input document with its metadata (contract type ``document``)."""

    TYPE: ClassVar[str] = "document"
    id: str
    source: str
    external_id: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: Published = field(default_factory=Published)
    text: str = ""
    duplicate_of: str | None = None
    status: Status = "ok"
    error: str | None = None
    stage: str | None = None
    content_hash: str | None = None
    captions: tuple[Caption, ...] = ()
    posts: tuple[Post, ...] = ()
    segments: tuple[Segment, ...] = ()

    def record(self) -> dict[str, Any]:
        """The export-contract record (captions and posts included as extra fields)."""
        out: dict[str, Any] = {"type": self.TYPE}
        for name in (
            "id", "source", "external_id", "title", "publisher", "author", "published",
            "text", "duplicate_of", "status", "error", "stage", "content_hash", "captions", "posts",
        ):
            out[name] = _plain(getattr(self, name))
        return out


@dataclass(frozen=True, kw_only=True, slots=True)
class Annotation:
    """Common part of every record that points into a document's cleaned text."""

    TYPE: ClassVar[str] = ""
    id: str
    doc: str
    start: int
    end: int
    text: str

    def record(self) -> dict[str, Any]:
        """The export-contract record: ``type`` first, then every field, None for unknown."""
        out: dict[str, Any] = {"type": self.TYPE}
        for f in fields(self):
            if not f.name.startswith("_"):
                out[f.name] = _plain(getattr(self, f.name))
        return out


@dataclass(frozen=True, kw_only=True, slots=True)
class Quote(Annotation):
    """A statement attributed to a speaker (contract type ``quote``)."""

    TYPE: ClassVar[str] = "quote"
    speaker: Speaker = field(default_factory=Speaker)
    cue: str | None = None
    kind: QuoteKind = "direct"
    reported_by: str | None = None
    date: str | None = None
    continues: str | None = None  # id of the earlier part of the same statement (split quotes)


@dataclass(frozen=True, kw_only=True, slots=True)
class Quantity(Annotation):
    """A number with its bounds, qualifier, unit and what it counts (contract ``quantity``)."""

    TYPE: ClassVar[str] = "quantity"
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    unit_class: UnitClass = "count"
    counted: str | None = None
    change: Literal["up", "down"] | None = None
    as_of: str | None = None
    place: str | None = None
    claim: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Time(Annotation):
    """A time expression normalized to an ISO prefix or interval (contract ``time``)."""

    TYPE: ClassVar[str] = "time"
    value: str | None = None
    precision: str | None = None
    kind: Literal["date", "duration", "set", "relative"] = "date"


@dataclass(frozen=True, kw_only=True, slots=True)
class Entity(Annotation):
    """A mention of a person, organisation, place or group (contract ``entity``)."""

    TYPE: ClassVar[str] = "entity"
    label: str
    canonical: str | None = None
    entity: str | None = None
    role: str | None = None  # a person's title or role at this mention, as written, no leading article


@dataclass(frozen=True, kw_only=True, slots=True)
class Place(Annotation):
    """A place mention resolved to a gazetteer entry (contract ``place``)."""

    TYPE: ClassVar[str] = "place"
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None
    gazetteer_id: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Claim(Annotation):
    """A checkable assertion: the ledger's row (contract ``claim``)."""

    TYPE: ClassVar[str] = "claim"
    speaker: Speaker = field(default_factory=Speaker)
    quote: str | None = None
    as_of: str | None = None
    metric: str | None = None
    quantities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    polarity: Literal["affirm", "negate"] = "affirm"
    checkworthy: float = 0.0


@dataclass(frozen=True, kw_only=True, slots=True)
class EntityRole:
    """A role one document gives a person ("Defense Secretary" of Jim Mattis): one row of the
    person's roles over time. Not an export record; the store keeps it in ``entity_roles``."""

    entity: str  # the person's entity id, shared across documents
    name: str  # the person's canonical name in this document
    role: str  # as written, without a leading article
    doc: str
    start: int  # the first mention giving the role (or the quote, when only its speaker does)
    end: int
    mentions: int = 1  # how many times this document gives the person this role


@dataclass(frozen=True, kw_only=True, slots=True)
class Link:
    """A relation between two claims with a sentence a person can read (contract ``link``)."""

    TYPE: ClassVar[str] = "link"
    id: str
    a: str
    b: str
    relation: Relation
    score: float
    explanation: str

    def record(self) -> dict[str, Any]:
        """The export-contract record."""
        out: dict[str, Any] = {"type": self.TYPE}
        for f in fields(self):
            out[f.name] = _plain(getattr(self, f.name))
        return out


@dataclass(slots=True)
class Annotations:
    """Everything extracted from one document, in the order the pipeline fills it."""

    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    roles: list[EntityRole] = field(default_factory=list)  # stored, not exported (not in ``all()``)

    def all(self) -> list[Annotation]:
        """Every annotation record, in a stable order (records of one type together)."""
        return [
            *self.quotes, *self.quantities, *self.times, *self.entities, *self.places,
            *self.claims,
        ]


@dataclass(slots=True)
class Processed:
    """One document after the pipeline: the document and its annotations."""

    document: Document
    annotations: Annotations = field(default_factory=Annotations)
    bands: tuple[int, ...] = ()  # MinHash LSH band hashes of the text, for near-duplicates

    def records(self) -> list[dict[str, Any]]:
        """The document's export records: the document first, then its annotations."""
        return [self.document.record(), *(a.record() for a in self.annotations.all())]
