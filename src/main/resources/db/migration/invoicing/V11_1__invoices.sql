-- Gapless numbers: one counter row per shop, series and year, incremented under its row lock in the
-- transaction that stores the document, so a rolled-back issue never burns a number.
CREATE TABLE invoice_number_counters (
    shop_id     BIGINT      NOT NULL,
    series      VARCHAR(20) NOT NULL,
    number_year INT         NOT NULL,
    last_number BIGINT      NOT NULL,
    PRIMARY KEY (shop_id, series, number_year)
);

-- Issued invoices and credit notes. Rows are only inserted: the document JSON is the legal content
-- as issued; status and open amount are derived from credit notes (and later payments).
CREATE TABLE invoices (
    id           VARCHAR(36)   PRIMARY KEY,
    shop_id      BIGINT        NOT NULL,
    type         VARCHAR(12)   NOT NULL,
    number       VARCHAR(40)   NOT NULL,
    order_id     VARCHAR(36)   NOT NULL,
    -- the order id for invoices, NULL for credit notes: at most one invoice per order
    invoiced_order VARCHAR(36),
    invoice_id   VARCHAR(36),
    issue_date   DATE          NOT NULL,
    due_date     DATE          NOT NULL,
    currency     CHAR(3)       NOT NULL,
    net          NUMERIC(19,2) NOT NULL,
    tax          NUMERIC(19,2) NOT NULL,
    gross        NUMERIC(19,2) NOT NULL,
    customer_name VARCHAR(200) NOT NULL,
    reason       VARCHAR(1000),
    -- destination country when the document counts towards the EU distance-sales threshold
    distance_sale_country CHAR(2),
    document     TEXT          NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invoices_number UNIQUE (shop_id, number),
    CONSTRAINT invoices_one_per_order UNIQUE (shop_id, invoiced_order)
);
CREATE INDEX invoices_by_order ON invoices (shop_id, order_id);
CREATE INDEX invoices_by_invoice ON invoices (invoice_id);
CREATE INDEX invoices_by_date ON invoices (shop_id, type, issue_date);

CREATE TABLE invoice_lines (
    document_id VARCHAR(36)   NOT NULL,
    line_no     INT           NOT NULL,
    sku         VARCHAR(64),
    quantity    NUMERIC(19,4) NOT NULL,
    net         NUMERIC(19,2) NOT NULL,
    PRIMARY KEY (document_id, line_no)
);
