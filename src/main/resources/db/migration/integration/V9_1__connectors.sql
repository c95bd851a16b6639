-- Web shops that post their order webhooks to /hooks/{name}. The name is part of a public URL, so it
-- is unique in the whole install, not only per shop. The secret is kept as the shop system shows it:
-- checking an HMAC needs the key itself, so it cannot be hashed like an API token; it never leaves
-- o2c in a response or an audit entry.
CREATE TABLE shop_connectors (
    name       VARCHAR(64)   PRIMARY KEY,
    shop_id    BIGINT        NOT NULL,
    type       VARCHAR(20)   NOT NULL,
    secret     VARCHAR(500)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shop_connectors_by_shop ON shop_connectors (shop_id, name);
