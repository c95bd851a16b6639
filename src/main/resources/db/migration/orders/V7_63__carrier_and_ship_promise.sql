-- The carrier the buyer chose at checkout (optional) and the date o2c promised to ship by, fixed at intake
-- from the shop's promise (ships within N working days, orders after the cut-off count from the next one).
ALTER TABLE orders ADD COLUMN carrier VARCHAR(20);
ALTER TABLE orders ADD COLUMN promised_ship_date DATE;
