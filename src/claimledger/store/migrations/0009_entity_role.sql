-- claimledger migration 0009 (both backends): a person mention's role in the export (issue 4).
-- entities.role = the title or role the document gives the person at this mention, as written
-- without a leading article ("Defense Secretary" of "Defense Secretary Jim Mattis"; "Colonel, task
-- force spokesperson" of "Colonel Dana Whitfield, the task force spokesperson, said"); NULL for
-- other entities and for mentions with no role. Mentions stored before this migration stay NULL
-- until their document is written again; ingest skips a stored document, so ingesting the input
-- into a new ledger is the way to fill the column for old documents.
ALTER TABLE entities ADD COLUMN role TEXT;
