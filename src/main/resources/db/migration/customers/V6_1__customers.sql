CREATE SEQUENCE customer_numbers START WITH 10001;

CREATE TABLE customers (
    id         VARCHAR(36)  PRIMARY KEY,
    shop_id    BIGINT       NOT NULL,
    number     VARCHAR(20)  NOT NULL,
    email      VARCHAR(254) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    company    VARCHAR(200),
    vat_id     VARCHAR(20),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customers_email UNIQUE (shop_id, email),
    CONSTRAINT customers_number UNIQUE (shop_id, number)
);
