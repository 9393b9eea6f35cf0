--liquibase formatted sql

--changeset concert:0010-write-path-domains
-- The single-column rules of the tables a purchase writes, as domains instead of table CHECK constraints (ADR 3,
-- ADR 16). The rules are the same and PostgreSQL still refuses every row that breaks one; what changes is what
-- they cost. A table's CHECK constraints are read back from their stored text, planned and compiled for every
-- statement that inserts or updates the table, all of them whichever columns the statement sets: a purchase ran
-- 33 of them, and counted in instructions that was 29 % of PostgreSQL's work for a purchase (callgrind, ADR 16).
-- A domain's rule is read and planned once per connection, and checked only where a statement assigns the
-- column. The rules that tie columns together stay table constraints, written as short as they can be.
-- Changing a column's type rewrites its table once, under an exclusive lock: on a large database, run this in a
-- quiet hour.
CREATE DOMAIN app_user_id AS BIGINT CONSTRAINT app_user_id_check CHECK (VALUE > 0);
-- a price, a charge or a use of points
CREATE DOMAIN points_amount AS BIGINT CONSTRAINT points_amount_check CHECK (VALUE > 0);
CREATE DOMAIN points_balance AS BIGINT CONSTRAINT points_balance_check CHECK (VALUE >= 0);
CREATE DOMAIN point_type AS VARCHAR(16) CONSTRAINT point_type_check CHECK (VALUE IN ('CHARGE', 'USE', 'REFUND'));
CREATE DOMAIN seat_number AS INTEGER CONSTRAINT seat_number_check CHECK (VALUE > 0);
CREATE DOMAIN seat_grade AS VARCHAR(20) CONSTRAINT seat_grade_check CHECK (length(btrim(VALUE)) > 0);
CREATE DOMAIN seat_status AS VARCHAR(16)
    CONSTRAINT seat_status_check CHECK (VALUE IN ('AVAILABLE', 'HELD', 'SOLD'));
CREATE DOMAIN reservation_status AS VARCHAR(16)
    CONSTRAINT reservation_status_check CHECK (VALUE IN ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED'));
CREATE DOMAIN seats_per_reservation AS SMALLINT
    CONSTRAINT seats_per_reservation_check CHECK (VALUE BETWEEN 1 AND 4);
CREATE DOMAIN idempotency_key_value AS VARCHAR(64)
    CONSTRAINT idempotency_key_value_check CHECK (VALUE ~ '^[A-Za-z0-9_-]{1,64}$');

-- A seat's state, as before: AVAILABLE has no holder and no deadline, HELD has both, SOLD a holder and no
-- deadline. With the status one of the three (its domain), that is: no holder exactly when AVAILABLE, and no
-- deadline exactly when not HELD.
ALTER TABLE seat
    DROP CONSTRAINT seat_seat_number_check, DROP CONSTRAINT seat_grade_check, DROP CONSTRAINT seat_price_check,
    DROP CONSTRAINT seat_status_check, DROP CONSTRAINT ck_seat_state,
    ALTER COLUMN seat_number TYPE seat_number, ALTER COLUMN grade TYPE seat_grade,
    ALTER COLUMN price TYPE points_amount, ALTER COLUMN status TYPE seat_status,
    ADD CONSTRAINT ck_seat_state CHECK ((reservation_id IS NULL) = (status = 'AVAILABLE')
                                        AND (hold_until IS NULL) = (status <> 'HELD'));
ALTER TABLE reservation
    DROP CONSTRAINT reservation_user_id_check, DROP CONSTRAINT reservation_status_check,
    DROP CONSTRAINT reservation_seat_count_check, DROP CONSTRAINT reservation_total_price_check,
    ALTER COLUMN user_id TYPE app_user_id, ALTER COLUMN status TYPE reservation_status,
    ALTER COLUMN seat_count TYPE seats_per_reservation, ALTER COLUMN total_price TYPE points_amount;
ALTER TABLE reservation_seat ALTER COLUMN reservation_status TYPE reservation_status;
ALTER TABLE wallet
    DROP CONSTRAINT wallet_user_id_check, DROP CONSTRAINT wallet_balance_check,
    ALTER COLUMN user_id TYPE app_user_id, ALTER COLUMN balance TYPE points_balance;
ALTER TABLE point_history
    DROP CONSTRAINT point_history_type_check, DROP CONSTRAINT point_history_amount_check,
    DROP CONSTRAINT point_history_balance_after_check,
    ALTER COLUMN user_id TYPE app_user_id, ALTER COLUMN type TYPE point_type, ALTER COLUMN amount TYPE points_amount,
    ALTER COLUMN balance_after TYPE points_balance;
ALTER TABLE payment
    DROP CONSTRAINT payment_user_id_check, DROP CONSTRAINT payment_amount_check,
    DROP CONSTRAINT payment_balance_after_check,
    ALTER COLUMN user_id TYPE app_user_id, ALTER COLUMN amount TYPE points_amount,
    ALTER COLUMN balance_after TYPE points_balance;
ALTER TABLE idempotency_record
    DROP CONSTRAINT idempotency_record_user_id_check, DROP CONSTRAINT idempotency_record_idempotency_key_check,
    ALTER COLUMN user_id TYPE app_user_id, ALTER COLUMN idempotency_key TYPE idempotency_key_value;
--rollback ALTER TABLE idempotency_record ALTER COLUMN user_id TYPE BIGINT, ALTER COLUMN idempotency_key TYPE VARCHAR(64),
--rollback     ADD CONSTRAINT idempotency_record_user_id_check CHECK (user_id > 0),
--rollback     ADD CONSTRAINT idempotency_record_idempotency_key_check CHECK (idempotency_key ~ '^[A-Za-z0-9_-]{1,64}$');
--rollback ALTER TABLE payment ALTER COLUMN user_id TYPE BIGINT, ALTER COLUMN amount TYPE BIGINT,
--rollback     ALTER COLUMN balance_after TYPE BIGINT, ADD CONSTRAINT payment_user_id_check CHECK (user_id > 0),
--rollback     ADD CONSTRAINT payment_amount_check CHECK (amount > 0),
--rollback     ADD CONSTRAINT payment_balance_after_check CHECK (balance_after >= 0);
--rollback ALTER TABLE point_history ALTER COLUMN user_id TYPE BIGINT, ALTER COLUMN type TYPE VARCHAR(16),
--rollback     ALTER COLUMN amount TYPE BIGINT, ALTER COLUMN balance_after TYPE BIGINT,
--rollback     ADD CONSTRAINT point_history_type_check CHECK (type IN ('CHARGE', 'USE', 'REFUND')),
--rollback     ADD CONSTRAINT point_history_amount_check CHECK (amount > 0),
--rollback     ADD CONSTRAINT point_history_balance_after_check CHECK (balance_after >= 0);
--rollback ALTER TABLE wallet ALTER COLUMN user_id TYPE BIGINT, ALTER COLUMN balance TYPE BIGINT,
--rollback     ADD CONSTRAINT wallet_user_id_check CHECK (user_id > 0), ADD CONSTRAINT wallet_balance_check CHECK (balance >= 0);
--rollback ALTER TABLE reservation_seat ALTER COLUMN reservation_status TYPE VARCHAR(16);
--rollback ALTER TABLE reservation ALTER COLUMN user_id TYPE BIGINT, ALTER COLUMN status TYPE VARCHAR(16),
--rollback     ALTER COLUMN seat_count TYPE SMALLINT, ALTER COLUMN total_price TYPE BIGINT,
--rollback     ADD CONSTRAINT reservation_user_id_check CHECK (user_id > 0),
--rollback     ADD CONSTRAINT reservation_status_check CHECK (status IN ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
--rollback     ADD CONSTRAINT reservation_seat_count_check CHECK (seat_count BETWEEN 1 AND 4),
--rollback     ADD CONSTRAINT reservation_total_price_check CHECK (total_price > 0);
--rollback ALTER TABLE seat DROP CONSTRAINT ck_seat_state, ALTER COLUMN seat_number TYPE INTEGER,
--rollback     ALTER COLUMN grade TYPE VARCHAR(20), ALTER COLUMN price TYPE BIGINT, ALTER COLUMN status TYPE VARCHAR(16),
--rollback     ADD CONSTRAINT seat_seat_number_check CHECK (seat_number > 0),
--rollback     ADD CONSTRAINT seat_grade_check CHECK (length(btrim(grade)) > 0),
--rollback     ADD CONSTRAINT seat_price_check CHECK (price > 0),
--rollback     ADD CONSTRAINT seat_status_check CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
--rollback     ADD CONSTRAINT ck_seat_state CHECK ((status = 'AVAILABLE' AND reservation_id IS NULL AND hold_until IS NULL)
--rollback         OR (status = 'HELD' AND reservation_id IS NOT NULL AND hold_until IS NOT NULL)
--rollback         OR (status = 'SOLD' AND reservation_id IS NOT NULL AND hold_until IS NULL));
--rollback DROP DOMAIN idempotency_key_value; DROP DOMAIN seats_per_reservation; DROP DOMAIN reservation_status;
--rollback DROP DOMAIN seat_status; DROP DOMAIN seat_grade; DROP DOMAIN seat_number; DROP DOMAIN point_type;
--rollback DROP DOMAIN points_balance; DROP DOMAIN points_amount; DROP DOMAIN app_user_id;
