-- Where each booked bank line stands in cash application. A copy of what the queue shows of the line
-- (cashapp never reads banking's tables). The money itself is booked in receivables' append-only ledger;
-- application_id points at the application that booked this line (NULL once undone).
CREATE TABLE cashapp_lines (
    shop_id           BIGINT        NOT NULL,
    transaction_id    BIGINT        NOT NULL,
    statement_id      BIGINT        NOT NULL,
    booking_date      DATE          NOT NULL,
    amount            NUMERIC(19,2) NOT NULL,
    currency          CHAR(3)       NOT NULL,
    credit_debit      VARCHAR(4)    NOT NULL,
    kind              VARCHAR(12)   NOT NULL,
    counterparty_name VARCHAR(200),
    counterparty_iban VARCHAR(34),
    remittance        VARCHAR(1000),
    end_to_end_id     VARCHAR(100),
    mandate_reference VARCHAR(100),
    status            VARCHAR(10)   NOT NULL,   -- MATCHED, SUGGESTED, UNMATCHED, IGNORED
    decided_by        VARCHAR(10),              -- AUTOMATIC or PERSON for MATCHED and IGNORED lines
    confidence        NUMERIC(4,3),
    reason_key        VARCHAR(120),             -- the matcher's first reason: the KPI groups by it
    proposal          TEXT,                     -- the matcher's proposal as JSON (allocations, reasons)
    application_id    BIGINT,
    allocations       TEXT,                     -- what was applied (or reopened), as JSON
    note              VARCHAR(500),
    pulls_back        BIGINT,                   -- a chargeback's original payment line
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, transaction_id)
);
CREATE INDEX cashapp_lines_by_status ON cashapp_lines (shop_id, status, booking_date);
CREATE INDEX cashapp_lines_by_date ON cashapp_lines (shop_id, booking_date);
CREATE INDEX cashapp_lines_by_e2e ON cashapp_lines (shop_id, end_to_end_id);
