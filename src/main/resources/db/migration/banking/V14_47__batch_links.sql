-- A bank batch can arrive as one sum (the lump in camt.053) and as its items (camt.054). Both are kept;
-- booking_state says which of them count: BOOKED counts, COVERED was recorded but its money is booked by
-- the other side of the batch, SUPERSEDED was booked and later replaced by its items. booking_note says why.
ALTER TABLE bank_transactions ADD COLUMN booking_state VARCHAR(12) DEFAULT 'BOOKED' NOT NULL;
ALTER TABLE bank_transactions ADD COLUMN booking_note VARCHAR(300);
-- LUMP or ITEM, the batch's AcctSvcrRef and payment information / message id, its total and item count.
ALTER TABLE bank_transactions ADD COLUMN batch_role VARCHAR(4);
ALTER TABLE bank_transactions ADD COLUMN batch_ref VARCHAR(100);
ALTER TABLE bank_transactions ADD COLUMN batch_id VARCHAR(100);
ALTER TABLE bank_transactions ADD COLUMN batch_total NUMERIC(19,2);
ALTER TABLE bank_transactions ADD COLUMN batch_count INT;
CREATE INDEX bank_transactions_by_batch_ref ON bank_transactions (shop_id, batch_ref);
CREATE INDEX bank_transactions_by_batch_id ON bank_transactions (shop_id, batch_id);
