-- A shop's contract with a carrier's own API (DHL Parcel DE Shipping, DHL tracking): where to call and
-- with which credentials. The secrets must be readable to be sent, so they are stored as given (like the
-- shop connectors' and carrier webhook secrets) and never answered by any API or page.
CREATE TABLE carrier_accounts (
    shop_id           BIGINT       NOT NULL,
    carrier           VARCHAR(20)  NOT NULL,
    base_url          VARCHAR(300) NOT NULL,
    api_key           VARCHAR(200) NOT NULL,
    username          VARCHAR(100) NOT NULL,
    password          VARCHAR(200) NOT NULL,
    billing_number    VARCHAR(14)  NOT NULL,
    product           VARCHAR(10)  NOT NULL,
    profile           VARCHAR(50)  NOT NULL,
    use_for_labels    BOOLEAN      NOT NULL,
    tracking          BOOLEAN      NOT NULL,
    tracking_url      VARCHAR(300) NOT NULL,
    tracking_api_key  VARCHAR(200),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (shop_id, carrier)
);
