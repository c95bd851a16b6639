-- Intake asks whether a known customer ordered before (first-order fraud signal): without this index
-- that question reads every order of the shop.
CREATE INDEX orders_by_customer ON orders (shop_id, customer_id);
