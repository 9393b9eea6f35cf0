--liquibase formatted sql

--changeset concert:0004-idempotency-record
CREATE TABLE idempotency_record (
    user_id         BIGINT      NOT NULL CHECK (user_id > 0),
    idempotency_key VARCHAR(64) NOT NULL CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{1,64}$'),
    -- which operation and which body the key was first used with: a different one is a reuse
    request_hash    VARCHAR(64) NOT NULL,
    response_status INTEGER     NOT NULL CHECK (response_status BETWEEN 200 AND 599),
    response_body   TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX ix_idempotency_record_created ON idempotency_record (created_at);
--rollback DROP TABLE idempotency_record;
