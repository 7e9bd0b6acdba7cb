-- claimledger migration 0006 (both backends): a split statement's parts point back to each other.
-- quotes.continues = quotes.id of the earlier part of the same statement ('"A," she said. "B"':
-- B continues A; a quote paragraph continues the one before), NULL for a quote that starts a
-- statement and for every quote stored before this migration.
ALTER TABLE quotes ADD COLUMN continues TEXT;
