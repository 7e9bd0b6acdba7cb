-- claimledger migration 0005 (PostgreSQL): the speaker filter and the newest-first claim list.
-- claims_speaker_entity serves "speaker = entity id" (see 0005_speaker_entity.sqlite.sql);
-- claims_dated_desc lets "ORDER BY dated DESC NULLS LAST, id" (undated claims last, as on
-- SQLite) read a page from the index instead of sorting every match.
CREATE INDEX claims_speaker_entity ON claims (speaker_entity) WHERE speaker_entity IS NOT NULL;
CREATE INDEX claims_dated_desc ON claims (dated DESC NULLS LAST, id);
