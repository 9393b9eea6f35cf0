--liquibase formatted sql

--changeset concert:0005-payment-balance-after
-- the wallet right after the payment, so that a replayed payment answers the same body
ALTER TABLE payment ADD COLUMN balance_after BIGINT NOT NULL CHECK (balance_after >= 0);
--rollback ALTER TABLE payment DROP COLUMN balance_after;

--changeset concert:0005-idempotency-result
-- a record keeps a reference to its result (a payment id, a balance), from which the same answer is rebuilt
ALTER TABLE idempotency_record DROP COLUMN response_status;
ALTER TABLE idempotency_record RENAME COLUMN response_body TO result;
--rollback ALTER TABLE idempotency_record RENAME COLUMN result TO response_body;
--rollback ALTER TABLE idempotency_record ADD COLUMN response_status INTEGER NOT NULL DEFAULT 200;
