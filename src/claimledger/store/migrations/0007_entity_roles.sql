-- claimledger migration 0007 (both backends): a person's roles over time.
-- One row per person (entities.entity), role and document: the role as the document writes it
-- ("Defense Secretary"), its comparison key (no case, accents, dots or leading article), the
-- document's publication date when known, the first mention (or quote) giving the role and how
-- many times the document gives it. Filled at ingest from person mentions with a role before the
-- name and from quote speakers with a role; rewritten with the document, so ingesting it again
-- changes nothing. A person's history: GROUP BY role_key, min/max(date), ordered by first date.
CREATE TABLE entity_roles (
    entity   TEXT NOT NULL,              -- entities.entity: one id per person across documents
    role_key TEXT NOT NULL,              -- "defense secretary" for "Defense Secretary"
    doc      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    name     TEXT NOT NULL,              -- the person's canonical name in this document
    role     TEXT NOT NULL,              -- as written, without a leading article
    date     TEXT,                       -- documents.published_date (ISO prefix), NULL when unknown
    start    INTEGER NOT NULL,           -- first mention giving the role (or the quote)
    "end"    INTEGER NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 1, -- times this document gives the person this role
    PRIMARY KEY (entity, role_key, doc)
);
CREATE INDEX entity_roles_doc ON entity_roles (doc);
CREATE INDEX entity_roles_name ON entity_roles (name);
