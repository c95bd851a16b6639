CREATE TABLE products (
    shop_id        BIGINT        NOT NULL,
    sku            VARCHAR(64)   NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    gtin           VARCHAR(14),
    price_amount   NUMERIC(19,4) NOT NULL,
    price_currency CHAR(3)       NOT NULL,
    tax_category   VARCHAR(10)   NOT NULL,
    weight_grams   INT,
    location       VARCHAR(40),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, sku)
);
