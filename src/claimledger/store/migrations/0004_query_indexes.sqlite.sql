-- claimledger migration 0004 (SQLite): what the API's reading queries need on a large ledger.
-- claims.dated = the claim's as_of, else its document's publication date (an ISO prefix): the
-- date claims are listed, filtered and charted by. Triggers keep it current, so writers need
-- not know it exists; (metric, dated) serves a metric's timeline, (relation, score) the
-- conflicts page, both without sorting.
ALTER TABLE claims ADD COLUMN dated TEXT;
UPDATE claims SET dated = COALESCE(as_of, (SELECT published_date FROM documents d WHERE d.id = claims.doc));
CREATE TRIGGER claims_dated_insert AFTER INSERT ON claims BEGIN
    UPDATE claims SET dated = COALESCE(new.as_of, (SELECT published_date FROM documents WHERE id = new.doc))
    WHERE rowid = new.rowid;
END;
CREATE TRIGGER claims_dated_update AFTER UPDATE OF as_of, doc ON claims BEGIN
    UPDATE claims SET dated = COALESCE(new.as_of, (SELECT published_date FROM documents WHERE id = new.doc))
    WHERE rowid = new.rowid;
END;
CREATE TRIGGER documents_dated_update AFTER UPDATE OF published_date ON documents BEGIN
    UPDATE claims SET dated = COALESCE(as_of, new.published_date) WHERE doc = new.id;
END;
CREATE INDEX claims_dated ON claims (dated);
CREATE INDEX claims_metric_dated ON claims (metric, dated);
CREATE INDEX links_relation_score ON links (relation, score DESC, id);
