-- A shop's cash-application settings: what is written off, when Skonto still counts, the three bands
-- and the accounts write-offs are booked to. No row means the defaults (MatchingSettings.DEFAULTS).
CREATE TABLE cashapp_settings (
    shop_id                  BIGINT        NOT NULL PRIMARY KEY,
    tolerance_amount         NUMERIC(19,2) NOT NULL,
    tolerance_percent        NUMERIC(5,2)  NOT NULL,
    skonto_grace_days        INTEGER       NOT NULL,
    automatic_threshold      NUMERIC(4,3)  NOT NULL,
    suggestion_threshold     NUMERIC(4,3)  NOT NULL,
    name_similarity          NUMERIC(4,3)  NOT NULL,
    max_invoices_per_payment INTEGER       NOT NULL,
    difference_account       VARCHAR(8)    NOT NULL,
    skonto_account           VARCHAR(8)    NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by               VARCHAR(200)  NOT NULL
);
