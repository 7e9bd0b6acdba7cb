-- claimledger migration 0010 (both backends): the people a group speaker names (issue 4).
-- quotes.speaker_members, claims.speaker_members = the entity ids of the people of a speaker
-- such as "Mitch McConnell and Paul Ryan" (whose speaker_entity is NULL: no one id names both),
-- space-separated in the order named; NULL for a speaker who is one person or body. This column
-- is what the record's speaker.members is read from.
ALTER TABLE quotes ADD COLUMN speaker_members TEXT;
ALTER TABLE claims ADD COLUMN speaker_members TEXT;

-- The same ids as an index for the entity and speaker filters (a LIKE over the column would read
-- every row): one row per member of a quote's or claim's speaker, written with the document and
-- dropped with it. Rows stored before this migration have no members until written again.
CREATE TABLE speaker_member_ids (
    entity TEXT NOT NULL,                                           -- the member's entity id
    kind   TEXT NOT NULL CHECK (kind IN ('quote', 'claim')),
    id     TEXT NOT NULL,                                           -- quotes.id or claims.id
    doc    TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    PRIMARY KEY (entity, kind, id)
);
CREATE INDEX speaker_member_ids_doc ON speaker_member_ids (doc);
