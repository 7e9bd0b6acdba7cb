-- claimledger migration 0008 (both backends): what `claimledger link` changed when it gave a person
-- named by surname only ("COL. WHITFIELD:") the id of a full-name person (link/people.py), so a
-- later pass can give the rows back when the surname stops telling one person apart (a second
-- "... Whitfield" arrives and no title says which one the row meant). Rows of a document go with
-- it: ingesting the document again writes its rows as extraction left them and drops these.

-- One row per mention, quote speaker or claim speaker rewritten, with what it was before.
CREATE TABLE person_links (
    kind   TEXT NOT NULL CHECK (kind IN ('mention', 'quote', 'claim')),
    id     TEXT NOT NULL,              -- entities.id, quotes.id or claims.id
    doc    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    name   TEXT NOT NULL,              -- the one-word name before: entities.canonical or speaker_name
    entity TEXT,                       -- the entity id before (entities.entity, speaker_entity); NULL: none
    title  TEXT NOT NULL DEFAULT '',   -- the title words the choice could use ("colonel"), space-separated
    person TEXT NOT NULL,              -- entities.entity of the full-name person the row went to
    PRIMARY KEY (kind, id)
);
CREATE INDEX person_links_doc ON person_links (doc);

-- The parts of a person's entity_roles row (person, role_key, doc) the link stage made: a role row
-- moved there from the one-word id (source = that id), a row added for a speaker that had no id
-- (source = ''), and, once something was merged into it, the row the person had before (source =
-- person). The entity_roles row is these parts merged: mentions added, the first start kept.
CREATE TABLE person_link_roles (
    person   TEXT NOT NULL,            -- entity_roles.entity of the person
    role_key TEXT NOT NULL,
    doc      TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source   TEXT NOT NULL,            -- the one-word id the part came from, '' or person (see above)
    name     TEXT NOT NULL,            -- the name the part was under: the one-word name, the speaker's
                                       -- name (source = ''), the person's own (source = person)
    role     TEXT NOT NULL,            -- role, date, start, "end", mentions: the part as it was or was added
    date     TEXT,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    title    TEXT NOT NULL DEFAULT '', -- as in person_links
    PRIMARY KEY (person, role_key, doc, source)
);
CREATE INDEX person_link_roles_doc ON person_link_roles (doc);
