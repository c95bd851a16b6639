-- Attachments point into the write-once document archive by hash; the mail carries no copy.
CREATE TABLE outgoing_mail_attachments (
    mail_id    BIGINT       NOT NULL,
    position   INT          NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    file_name  VARCHAR(200) NOT NULL,
    media_type VARCHAR(100) NOT NULL,
    size_bytes BIGINT       NOT NULL,
    PRIMARY KEY (mail_id, position)
);
