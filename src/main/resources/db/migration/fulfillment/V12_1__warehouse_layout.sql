-- The shop's warehouse: the contract's single-block aisle grid (one per shop) and, for rooms that are not a
-- grid, bins with free coordinates in metres measured from the depot.
CREATE TABLE warehouse_layouts (
    shop_id                BIGINT       NOT NULL PRIMARY KEY,
    aisles                 INT          NOT NULL,
    bays_per_aisle         INT          NOT NULL,
    bay_width_m            NUMERIC(9,3) NOT NULL,
    aisle_distance_m       NUMERIC(9,3) NOT NULL,
    cross_aisle_m          NUMERIC(9,3) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE warehouse_bins (
    shop_id    BIGINT       NOT NULL,
    name       VARCHAR(40)  NOT NULL,
    x_m        NUMERIC(9,3) NOT NULL,
    y_m        NUMERIC(9,3) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, name)
);
