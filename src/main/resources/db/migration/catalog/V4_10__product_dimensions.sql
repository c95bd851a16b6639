-- Outer dimensions of a product as packed (millimetres), for choosing the carton it ships in.
CREATE TABLE product_dimensions (
    shop_id    BIGINT      NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    length_mm  INT         NOT NULL,
    width_mm   INT         NOT NULL,
    height_mm  INT         NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, sku)
);
