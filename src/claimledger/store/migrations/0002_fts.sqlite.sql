-- claimledger migration 0002 (SQLite only): FTS5 full-text indexes over documents and claims.
CREATE VIRTUAL TABLE documents_fts USING fts5 (title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (text, speaker_name, content='claims', content_rowid='rowid');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, speaker_name ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, speaker_name) VALUES ('delete', old.rowid, old.text, old.speaker_name);
    INSERT INTO claims_fts (rowid, text, speaker_name) VALUES (new.rowid, new.text, new.speaker_name);
END;
