-- One batch pick: the orders it serves (each into its own tote) and its stops in walking order.
CREATE TABLE pick_waves (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    shop_id     BIGINT        NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    routing     VARCHAR(20)   NOT NULL,
    distance_m  NUMERIC(12,3) NOT NULL,
    s_shape_m   NUMERIC(12,3),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(200),
    finished_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX pick_waves_by_shop ON pick_waves (shop_id, created_at);

CREATE TABLE pick_wave_orders (
    wave_id  VARCHAR(36) NOT NULL REFERENCES pick_waves (id),
    shop_id  BIGINT      NOT NULL,
    order_id     VARCHAR(36) NOT NULL,
    order_number VARCHAR(40) NOT NULL,
    tote         INT         NOT NULL,
    PRIMARY KEY (wave_id, order_id)
);
CREATE INDEX pick_wave_orders_by_order ON pick_wave_orders (shop_id, order_id);

-- An order is in at most one open wave: the key refuses a second one even when two requests race.
CREATE TABLE orders_in_picking (
    shop_id  BIGINT      NOT NULL,
    order_id VARCHAR(36) NOT NULL,
    wave_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);

CREATE TABLE pick_wave_stops (
    wave_id  VARCHAR(36) NOT NULL REFERENCES pick_waves (id),
    stop_no  INT         NOT NULL,
    shop_id  BIGINT      NOT NULL,
    location VARCHAR(40) NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    gtin     VARCHAR(14),
    quantity INT         NOT NULL,
    order_id VARCHAR(36) NOT NULL,
    tote     INT         NOT NULL,
    picked   INT         NOT NULL DEFAULT 0,
    short    INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (wave_id, stop_no)
);

-- How o2c forms waves by itself, per shop.
CREATE TABLE wave_settings (
    shop_id         BIGINT      NOT NULL PRIMARY KEY,
    orders_per_wave INT         NOT NULL,
    items_per_cart  INT         NOT NULL,
    first_by        VARCHAR(20) NOT NULL,
    cut_off         VARCHAR(5)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
