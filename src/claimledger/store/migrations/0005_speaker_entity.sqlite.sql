-- claimledger migration 0005 (SQLite): the speaker filter of the reading queries.
-- A speaker filter matches the speaker's name through claims_fts (column speaker_name) or the
-- speaker's entity id exactly; this index serves the second half, so the OR needs no table scan.
-- Partial: most claims have no speaker entity, and statistics over the NULLs would make the
-- planner think one entity id matches every row (and scan the table instead).
CREATE INDEX claims_speaker_entity ON claims (speaker_entity) WHERE speaker_entity IS NOT NULL;
