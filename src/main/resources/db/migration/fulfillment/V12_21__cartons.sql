-- The shop's standard cartons: inner space (millimetres), what they may carry and what they weigh empty.
CREATE TABLE cartons (
    shop_id          BIGINT       NOT NULL,
    code             VARCHAR(40)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    length_mm        INT          NOT NULL,
    width_mm         INT          NOT NULL,
    height_mm        INT          NOT NULL,
    max_weight_grams INT          NOT NULL,
    tare_grams       INT          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, code)
);
