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
-- again before this call ends, and the waiter then claims the key itself. Three statements when it pays: the
-- claim, one read that locks the reservation and then the wallet, and one statement of every write.
-- Locks, in this order: the reservation, the wallet, the reservation's seats (ADR 6: nothing but a payment locks
-- a wallet and seats, and a payment locks its reservation before either, so two payments of one hold wait on the
-- reservation and two of one user's holds share only the wallet).
CREATE OR REPLACE FUNCTION settle_payment(p_user BIGINT, p_reservation BIGINT, p_concert BIGINT, p_key VARCHAR,
                                          p_request_hash VARCHAR, p_now TIMESTAMPTZ)
    RETURNS TABLE (r_outcome TEXT, r_request_hash VARCHAR, r_result TEXT, r_balance BIGINT, r_payment_id BIGINT,
                   r_concert_id BIGINT, r_schedule_id BIGINT, r_created_at TIMESTAMPTZ, r_expires_at TIMESTAMPTZ,
                   r_seat_count INTEGER, r_total_price BIGINT, r_seat_id BIGINT, r_seat_number INTEGER,
                   r_grade VARCHAR, r_price BIGINT)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_payment    BIGINT;
    v_concert    BIGINT;
    v_schedule   BIGINT;
    v_created_at TIMESTAMPTZ;
    v_expires_at TIMESTAMPTZ;
    v_seat_count INTEGER;
    v_price      BIGINT;
    v_balance    BIGINT;
    v_sold       INTEGER;
BEGIN
    IF p_key IS NOT NULL THEN
        -- the key's result is the payment's id, drawn before the payment so that the claim can carry it; the
        -- sequence is the identity column's own (named for it when the table was made, changeset 0003)
        v_payment := nextval('payment_id_seq');
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

    -- the caller's live hold and wallet, locked in that order (row marks lock in the order of the FROM list). A
    -- concurrent payment of the same hold waits here, then sees it CONFIRMED and finds nothing.
    SELECT r.concert_id, r.schedule_id, r.created_at, r.expires_at, r.seat_count, r.total_price, w.balance
    INTO v_concert, v_schedule, v_created_at, v_expires_at, v_seat_count, v_price, v_balance
    FROM reservation r JOIN wallet w ON w.user_id = r.user_id
    WHERE r.id = p_reservation AND r.user_id = p_user AND r.concert_id = p_concert AND r.status = 'HELD'
      AND r.expires_at > p_now
    FOR UPDATE;
    IF NOT FOUND THEN
        -- no live hold of the caller's, or no wallet (a user who never charged): told apart only on this path
        SELECT r.total_price INTO v_price FROM reservation r
        WHERE r.id = p_reservation AND r.user_id = p_user AND r.concert_id = p_concert AND r.status = 'HELD'
          AND r.expires_at > p_now;
        DELETE FROM idempotency_record WHERE user_id = p_user AND idempotency_key = p_key;
        RETURN QUERY SELECT CASE WHEN v_price IS NULL THEN 'NOT_PAYABLE' ELSE 'SHORT' END::TEXT, NULL::VARCHAR,
                            NULL::TEXT, CASE WHEN v_price IS NULL THEN NULL ELSE 0 END::BIGINT, NULL::BIGINT,
                            NULL::BIGINT, NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, NULL::INTEGER, v_price,
                            NULL::BIGINT, NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT;
        RETURN;
    END IF;
    IF v_balance < v_price THEN
        DELETE FROM idempotency_record WHERE user_id = p_user AND idempotency_key = p_key;
        RETURN QUERY SELECT 'SHORT'::TEXT, NULL::VARCHAR, NULL::TEXT, v_balance, NULL::BIGINT, NULL::BIGINT,
                            NULL::BIGINT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ, NULL::INTEGER, v_price, NULL::BIGINT,
                            NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT;
        RETURN;
    END IF;

    -- every check passed with the reservation and the wallet locked: the writes, in one statement, cannot be
    -- refused. Its only new locks are the reservation's seats. The seats are found by the reservation's id as a
    -- value, which any plan looks up in ix_seat_reservation (ADR 16).
    v_payment := coalesce(v_payment, nextval('payment_id_seq'));
    v_balance := v_balance - v_price;
    RETURN QUERY
        WITH confirmed AS (
            UPDATE reservation SET status = 'CONFIRMED', ended_at = p_now WHERE id = p_reservation),
        used AS (
            UPDATE wallet SET balance = v_balance, updated_at = p_now WHERE user_id = p_user),
        history AS (
            INSERT INTO point_history (user_id, type, amount, balance_after, reservation_id, created_at)
            VALUES (p_user, 'USE', v_price, v_balance, p_reservation, p_now)),
        paid AS (
            INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, paid_at)
            VALUES (v_payment, p_reservation, p_user, v_price, v_balance, p_now)),
        sold AS (
            UPDATE seat s SET status = 'SOLD', hold_until = NULL
            WHERE s.reservation_id = p_reservation AND s.status = 'HELD'
            RETURNING s.id, s.seat_number, s.grade, s.price)
        SELECT 'PAID'::TEXT, NULL::VARCHAR, NULL::TEXT, v_balance, v_payment, v_concert, v_schedule, v_created_at,
               v_expires_at, v_seat_count, v_price, sold.id, sold.seat_number::INTEGER, sold.grade::VARCHAR,
               sold.price::BIGINT
        FROM sold ORDER BY sold.id;
    GET DIAGNOSTICS v_sold = ROW_COUNT;
    IF v_sold <> v_seat_count THEN
        -- a live hold owns every one of its seats; anything else is a bug, and nothing of the payment may stay
        RAISE EXCEPTION 'reservation % holds % seats, but % were held for it', p_reservation, v_seat_count, v_sold;
    END IF;
END
$$;
--rollback DROP FUNCTION settle_payment(BIGINT, BIGINT, BIGINT, VARCHAR, VARCHAR, TIMESTAMPTZ);
