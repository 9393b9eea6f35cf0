--liquibase formatted sql

--changeset concert:0009-settle-payment-function runOnChange:true splitStatements:false
-- A payment in one call (docs/adr/0016): every check before any write, so that only a payment leaves anything
-- behind and the call can commit by itself, one round trip. The function is VOLATILE, so in READ COMMITTED every
-- query in it takes a new snapshot: the record of a key claimed by a payment that committed while this call
-- waited for it is seen.
--
-- One or more rows, r_outcome saying which:
--   KEY_TAKEN    an earlier payment holds p_key: its record (r_request_hash, r_result); nothing written
--   NOT_PAYABLE  not the caller's live hold of the concert p_concert (NULL: the caller is admitted to none);
--                nothing written
--   SHORT        the balance (r_balance) does not cover the price (r_total_price); nothing written
--   PAID         one row per seat sold, in ascending id order, with the reservation, the payment's id and the
--                balance after it
-- A key's claim is written first, so that a second call with the key waits for this one; a refusal deletes it
-- again before this call ends, and the waiter then claims the key itself. Locks, in this order (ADR 6): the
-- reservation, its seats, the wallet; every write comes after the last of them.
CREATE OR REPLACE FUNCTION settle_payment(p_user BIGINT, p_reservation BIGINT, p_concert BIGINT, p_key VARCHAR,
                                          p_request_hash VARCHAR, p_now TIMESTAMPTZ)
    RETURNS TABLE (r_outcome TEXT, r_request_hash VARCHAR, r_result TEXT, r_balance BIGINT, r_payment_id BIGINT,
                   r_concert_id BIGINT, r_schedule_id BIGINT, r_created_at TIMESTAMPTZ, r_expires_at TIMESTAMPTZ,
                   r_seat_count INTEGER, r_total_price BIGINT, r_seat_id BIGINT, r_seat_number INTEGER,
                   r_grade VARCHAR, r_price BIGINT)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_payment BIGINT;
    v_held    reservation%ROWTYPE;
    v_seats   INTEGER;
    v_balance BIGINT;
BEGIN
    IF p_key IS NOT NULL THEN
        -- the key's result is the payment's id, drawn before the payment so that the claim can carry it
        v_payment := nextval(pg_get_serial_sequence('payment', 'id'));
        INSERT INTO idempotency_record (user_id, idempotency_key, request_hash, result, created_at)
        VALUES (p_user, p_key, p_request_hash, v_payment::TEXT, p_now)
        ON CONFLICT (user_id, idempotency_key) DO NOTHING;
        IF NOT FOUND THEN
            RETURN QUERY
                SELECT 'KEY_TAKEN'::TEXT, i.request_hash, i.result, NULL::BIGINT, NULL::BIGINT, NULL::BIGINT,
                       NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, NULL::INTEGER, NULL::BIGINT, NULL::BIGINT,
                       NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT
                FROM idempotency_record i WHERE i.user_id = p_user AND i.idempotency_key = p_key;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the idempotency key of user % was taken, but its record is gone', p_user;
            END IF;
            RETURN;
        END IF;
    END IF;

    -- a concurrent payment of the same hold waits here, then sees it CONFIRMED and finds nothing
    SELECT * INTO v_held FROM reservation r
    WHERE r.id = p_reservation AND r.user_id = p_user AND r.concert_id = p_concert AND r.status = 'HELD'
      AND r.expires_at > p_now
    FOR UPDATE;
    IF NOT FOUND THEN
        DELETE FROM idempotency_record WHERE user_id = p_user AND idempotency_key = p_key;
        RETURN QUERY SELECT 'NOT_PAYABLE'::TEXT, NULL::VARCHAR, NULL::TEXT, NULL::BIGINT, NULL::BIGINT, NULL::BIGINT,
                            NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, NULL::INTEGER, NULL::BIGINT,
                            NULL::BIGINT, NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT;
        RETURN;
    END IF;

    PERFORM 1 FROM seat s WHERE s.reservation_id = v_held.id AND s.status = 'HELD' ORDER BY s.id FOR UPDATE;
    GET DIAGNOSTICS v_seats = ROW_COUNT;
    IF v_seats <> v_held.seat_count THEN
        -- a live hold owns every one of its seats; anything else is a bug, and nothing may be written
        RAISE EXCEPTION 'reservation % holds % seats, but % are held for it', v_held.id, v_held.seat_count, v_seats;
    END IF;

    SELECT w.balance INTO v_balance FROM wallet w WHERE w.user_id = p_user FOR UPDATE;
    IF v_balance IS NULL OR v_balance < v_held.total_price THEN
        DELETE FROM idempotency_record WHERE user_id = p_user AND idempotency_key = p_key;
        RETURN QUERY SELECT 'SHORT'::TEXT, NULL::VARCHAR, NULL::TEXT, coalesce(v_balance, 0), NULL::BIGINT,
                            NULL::BIGINT, NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, NULL::INTEGER,
                            v_held.total_price, NULL::BIGINT, NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT;
        RETURN;
    END IF;

    -- every row is locked and every check passed: the writes cannot be refused
    UPDATE reservation SET status = 'CONFIRMED', ended_at = p_now WHERE id = v_held.id;
    v_balance := v_balance - v_held.total_price;
    UPDATE wallet SET balance = v_balance, updated_at = p_now WHERE user_id = p_user;
    INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
    VALUES (p_user, 'USE', v_held.total_price, v_balance, v_held.id, p_now);
    INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, paid_at)
    VALUES (coalesce(v_payment, nextval(pg_get_serial_sequence('payment', 'id'))), v_held.id, p_user,
            v_held.total_price, v_balance, p_now)
    RETURNING id INTO v_payment;
    RETURN QUERY
        WITH sold AS (
            UPDATE seat s SET status = 'SOLD', hold_until = NULL
            WHERE s.reservation_id = v_held.id AND s.status = 'HELD'
            RETURNING s.id, s.seat_number, s.grade, s.price)
        SELECT 'PAID'::TEXT, NULL::VARCHAR, NULL::TEXT, v_balance, v_payment, v_held.concert_id, v_held.schedule_id,
               v_held.created_at, v_held.expires_at, v_held.seat_count::INTEGER, v_held.total_price, sold.id,
               sold.seat_number, sold.grade, sold.price
        FROM sold ORDER BY sold.id;
END
$$;
--rollback DROP FUNCTION settle_payment(BIGINT, BIGINT, BIGINT, VARCHAR, VARCHAR, TIMESTAMPTZ);
