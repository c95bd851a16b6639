-- The shop's shipping promise and carrier grouping belong to how waves are formed.
ALTER TABLE wave_settings ADD COLUMN ship_within_days INT DEFAULT 1 NOT NULL;
ALTER TABLE wave_settings ADD COLUMN default_carrier VARCHAR(20);

-- Each carrier's own cut-off (when its van leaves); carriers without one use the shop's cut-off.
CREATE TABLE carrier_cut_offs (
    shop_id BIGINT      NOT NULL,
    carrier VARCHAR(20) NOT NULL,
    cut_off VARCHAR(5)  NOT NULL,
    PRIMARY KEY (shop_id, carrier)
);

-- When picking really started (the first scan) and when each stop was settled, for pick times;
-- a re-pick wave fetches what a short pick left missing.
ALTER TABLE pick_waves ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE pick_waves ADD COLUMN kind VARCHAR(10) DEFAULT 'BATCH' NOT NULL;
ALTER TABLE pick_wave_stops ADD COLUMN wrong_scans INT DEFAULT 0 NOT NULL;
ALTER TABLE pick_wave_stops ADD COLUMN settled_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX pick_waves_finished ON pick_waves (shop_id, finished_at);

-- A short pick waits for a person: stock found elsewhere, a recount, or the line or order cancelled.
CREATE TABLE short_picks (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    shop_id        BIGINT       NOT NULL,
    wave_id        VARCHAR(36)  NOT NULL,
    stop_no        INT          NOT NULL,
    order_id       VARCHAR(36)  NOT NULL,
    order_number   VARCHAR(40)  NOT NULL,
    sku            VARCHAR(64)  NOT NULL,
    location       VARCHAR(40)  NOT NULL,
    missing        INT          NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    reported_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    reported_by    VARCHAR(200),
    resolution     VARCHAR(20),
    note           VARCHAR(1000),
    repick_wave_id VARCHAR(36),
    resolved_at    TIMESTAMP WITH TIME ZONE,
    resolved_by    VARCHAR(200)
);
CREATE INDEX short_picks_open ON short_picks (shop_id, status, order_id);
CREATE INDEX shipments_shipped_on ON shipments (shop_id, shipped_on);
