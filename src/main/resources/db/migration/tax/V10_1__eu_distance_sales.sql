-- EU distance sales (§ 3c UStG): the net of every issued invoice or credit note to a consumer in another
-- member state, per shop, for the EUR 10,000 threshold that counts the previous and the current calendar
-- year (§ 3c Abs. 4 UStG). One row per document, written once (INSERT ... ON CONFLICT DO NOTHING), so a
-- repeated event never counts twice; a credit note is its own document with a negative net.
CREATE TABLE tax_distance_sales (
    shop_id      BIGINT        NOT NULL,
    document_id  VARCHAR(64)   NOT NULL,
    sales_year   INTEGER       NOT NULL,
    supply_date  DATE          NOT NULL,
    destination  CHAR(2)       NOT NULL,
    net_amount   NUMERIC(19,2) NOT NULL,
    net_currency CHAR(3)       NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, document_id)
);
CREATE INDEX tax_distance_sales_by_year ON tax_distance_sales (shop_id, sales_year);
