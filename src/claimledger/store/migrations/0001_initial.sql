-- claimledger ledger schema, migration 0001: every record type of the export contract.
-- Each annotation row points into documents.text by (doc, start, "end"); "text" repeats
-- documents.text[start:end]. Nested contract objects are flattened with a prefix
-- (speaker_name, published_date, ...). Ids are content-derived, writes are upserts.

CREATE TABLE documents (
    id                  TEXT PRIMARY KEY,           -- content-derived (source + input bytes)
    source              TEXT NOT NULL,              -- path or URL as given
    external_id         TEXT,                       -- id the input supplied (JSONL id, WARC record id)
    title               TEXT,
    publisher           TEXT,
    author              TEXT,
    published_date      TEXT,                       -- ISO prefix: 2019, 2019-03, 2019-03-22
    published_precision TEXT CHECK (published_precision IN ('year', 'month', 'day')),
    published_basis     TEXT NOT NULL DEFAULT 'none' CHECK (published_basis IN ('metadata', 'text', 'none')),
    text                TEXT NOT NULL DEFAULT '',   -- cleaned text; every offset points into it
    duplicate_of        TEXT,                       -- id of the document this one repeats
    status              TEXT NOT NULL CHECK (status IN ('ok', 'failed', 'duplicate')),
    error               TEXT,                       -- one-line reason when status = failed
    stage               TEXT,                       -- pipeline stage that failed
    content_hash        TEXT,                       -- SHA-256 of the input bytes
    ingested_at         TEXT NOT NULL               -- first time this document was stored (UTC)
);
CREATE INDEX documents_status ON documents (status);
CREATE INDEX documents_published ON documents (published_date);
CREATE INDEX documents_source ON documents (source);

-- Photo captions and credits, kept out of documents.text.
CREATE TABLE captions (
    doc    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    text   TEXT NOT NULL,
    credit TEXT,
    PRIMARY KEY (doc, seq)
);

-- Embedded social posts folded into documents.text (one copy of the post text).
CREATE TABLE posts (
    doc    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start  INTEGER NOT NULL,
    "end"  INTEGER NOT NULL,
    author TEXT,
    handle TEXT,
    date   TEXT,
    url    TEXT,
    PRIMARY KEY (doc, start)
);

-- Map from the cleaned text back to the raw input: text[start:end] came from raw[raw_start:raw_end].
CREATE TABLE segments (
    doc       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    raw_start INTEGER NOT NULL,
    raw_end   INTEGER NOT NULL,
    PRIMARY KEY (doc, start)
);

-- MinHash LSH bands for near-duplicate detection across documents.
CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    doc  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, doc)
);
CREATE INDEX doc_bands_doc ON doc_bands (doc);

CREATE TABLE quotes (
    id                  TEXT PRIMARY KEY,
    doc                 TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    text                TEXT NOT NULL,
    speaker_name        TEXT,
    speaker_role        TEXT,
    speaker_entity      TEXT,
    speaker_anonymous   INTEGER NOT NULL DEFAULT 0,
    speaker_description TEXT,
    cue                 TEXT,
    kind                TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'partial', 'post')),
    reported_by         TEXT,
    date                TEXT
);
CREATE INDEX quotes_doc ON quotes (doc);
CREATE INDEX quotes_speaker ON quotes (speaker_name);

CREATE TABLE quantities (
    id         TEXT PRIMARY KEY,
    doc        TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      REAL NOT NULL,
    low        REAL,                 -- lower bound, NULL if open
    high       REAL,                 -- upper bound, NULL if open
    qualifier  TEXT NOT NULL CHECK (qualifier IN ('exact', 'approx', 'more_than', 'less_than', 'at_least', 'at_most', 'range', 'vague')),
    unit       TEXT,                 -- normalized: USD, mi2, m2, t, %, ...
    unit_class TEXT NOT NULL,        -- count/currency/area/mass/length/percent/duration/other
    counted    TEXT,                 -- what is counted: "U.S. service members"
    change     TEXT CHECK (change IN ('up', 'down')),
    as_of      TEXT,
    place      TEXT,                 -- places.id
    claim      TEXT                  -- claims.id
);
CREATE INDEX quantities_doc ON quantities (doc);
CREATE INDEX quantities_claim ON quantities (claim);

CREATE TABLE times (
    id        TEXT PRIMARY KEY,
    doc       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     TEXT,                  -- ISO prefix or interval "start/end"
    precision TEXT,
    kind      TEXT NOT NULL CHECK (kind IN ('date', 'duration', 'set', 'relative'))
);
CREATE INDEX times_doc ON times (doc);

CREATE TABLE entities (
    id        TEXT PRIMARY KEY,
    doc       TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    label     TEXT NOT NULL,         -- PERSON/ORG/GPE/LOC/NORP/EVENT/...
    canonical TEXT,                  -- canonical name
    entity    TEXT                   -- id shared by all mentions of one real-world entity
);
CREATE INDEX entities_doc ON entities (doc);
CREATE INDEX entities_entity ON entities (entity);
CREATE INDEX entities_canonical ON entities (canonical);

CREATE TABLE places (
    id           TEXT PRIMARY KEY,
    doc          TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    text         TEXT NOT NULL,
    name         TEXT,
    lat          REAL,
    lon          REAL,
    country      TEXT,               -- ISO 3166 alpha-2
    feature      TEXT,               -- country/admin/city/region/...
    gazetteer_id TEXT
);
CREATE INDEX places_doc ON places (doc);
CREATE INDEX places_name ON places (name);

CREATE TABLE claims (
    id                  TEXT PRIMARY KEY,
    doc                 TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start               INTEGER NOT NULL,
    "end"               INTEGER NOT NULL,
    text                TEXT NOT NULL,
    speaker_name        TEXT,
    speaker_role        TEXT,
    speaker_entity      TEXT,
    speaker_anonymous   INTEGER NOT NULL DEFAULT 0,
    speaker_description TEXT,
    quote               TEXT,        -- quotes.id
    as_of               TEXT,
    metric              TEXT,        -- normalized key of what the claim measures
    polarity            TEXT NOT NULL CHECK (polarity IN ('affirm', 'negate')),
    checkworthy         REAL NOT NULL DEFAULT 0
);
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_metric ON claims (metric);
CREATE INDEX claims_speaker ON claims (speaker_name);
CREATE INDEX claims_as_of ON claims (as_of);

-- The ordered lists claim.quantities and claim.places.
CREATE TABLE claim_quantities (
    claim    TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    quantity TEXT NOT NULL,
    PRIMARY KEY (claim, seq)
);
CREATE TABLE claim_places (
    claim TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    seq   INTEGER NOT NULL,
    place TEXT NOT NULL,
    PRIMARY KEY (claim, seq)
);

CREATE TABLE links (
    id          TEXT PRIMARY KEY,
    a           TEXT NOT NULL,       -- claims.id
    b           TEXT NOT NULL,       -- claims.id
    relation    TEXT NOT NULL CHECK (relation IN ('same_metric', 'agree', 'contradict', 'update', 'duplicate')),
    score       REAL NOT NULL,
    explanation TEXT NOT NULL
);
CREATE INDEX links_a ON links (a);
CREATE INDEX links_b ON links (b);
CREATE INDEX links_relation ON links (relation);

-- Sentence embeddings of claims (float32 little-endian), for retrieval and linking.
CREATE TABLE claim_embeddings (
    claim  TEXT PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    model  TEXT NOT NULL,
    dim    INTEGER NOT NULL,
    vector BLOB NOT NULL
);
