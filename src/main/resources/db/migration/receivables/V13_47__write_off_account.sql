-- The ledger account a write-off goes to (the shop's difference or Skonto account at the time of the
-- posting), so the accounting export books it where the shop's chart of accounts wants it.
ALTER TABLE receivable_postings ADD COLUMN account VARCHAR(8);
