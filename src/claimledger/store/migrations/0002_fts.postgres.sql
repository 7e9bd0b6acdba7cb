-- claimledger migration 0002 (PostgreSQL only): full-text search with PostgreSQL's own tsvector.
-- GIN indexes over expressions, so no column is added and SELECT * reads the same columns as on
-- SQLite. The "simple" configuration lowercases without stemming, as SQLite's FTS5 tokenizer
-- does; queries must repeat these expressions exactly (see store/postgres.py FTS_EXPRESSIONS).
CREATE INDEX documents_fts ON documents
    USING GIN (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(text, '')));
CREATE INDEX claims_fts ON claims
    USING GIN (to_tsvector('simple', coalesce(text, '') || ' ' || coalesce(speaker_name, '')));
