-- claimledger migration 0004 (PostgreSQL): what the API's reading queries need on a large ledger.
-- claims.dated = the claim's as_of, else its document's publication date (an ISO prefix), kept
-- current by triggers (see 0004_query_indexes.sqlite.sql for the why).
ALTER TABLE claims ADD COLUMN dated TEXT;
UPDATE claims SET dated = COALESCE(as_of, (SELECT published_date FROM documents d WHERE d.id = claims.doc));
CREATE FUNCTION claimledger_claim_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.dated := COALESCE(NEW.as_of, (SELECT published_date FROM documents WHERE id = NEW.doc));
    RETURN NEW;
END
$$;
CREATE TRIGGER claims_dated BEFORE INSERT OR UPDATE OF as_of, doc ON claims
    FOR EACH ROW EXECUTE FUNCTION claimledger_claim_dated();
CREATE FUNCTION claimledger_document_dated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims SET dated = COALESCE(as_of, NEW.published_date) WHERE doc = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER documents_dated AFTER UPDATE OF published_date ON documents
    FOR EACH ROW WHEN (OLD.published_date IS DISTINCT FROM NEW.published_date)
    EXECUTE FUNCTION claimledger_document_dated();
CREATE INDEX claims_dated ON claims (dated);
CREATE INDEX claims_metric_dated ON claims (metric, dated);
CREATE INDEX links_relation_score ON links (relation, score DESC, id);
