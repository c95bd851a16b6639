-- Secrets of this install (link signing). One row per purpose, created at first start.
CREATE TABLE install_secrets (
    name       VARCHAR(50) PRIMARY KEY,
    secret     VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
