--liquibase formatted sql

--changeset concert:0008-hold-seats-function runOnChange:true splitStatements:false
-- A hold in one call (docs/adr/0016): the statements JdbcReservationRepository used to send one by one, run
-- inside the server, so that a hold is one round trip and commits with it. The function is VOLATILE, so in READ
-- COMMITTED every query in it takes a new snapshot: the count of the caller's seats, made after the caller's lock,
-- sees every hold of the caller that committed before the lock was granted.
--
-- One or more rows, r_outcome saying which:
--   REFUSED      a requested seat is missing or not free now: one row per seat found (r_seat_id, r_takeable);
--                nothing was locked or written
--   LIMIT        the caller would hold or own more than p_limit seats of the schedule (r_owned); nothing written
--   UNAVAILABLE  a seat was taken by a hold that committed meanwhile: one row per seat not taken; nothing written
--   HELD         one row per seat held, in ascending id order, with the new reservation's id
-- Locks, in this order: the caller's advisory lock on (user, schedule), the run-out holds' reservations, then
-- the requested seats in ascending id order (ADR 6). The lock's key is the one the service took before.
CREATE OR REPLACE FUNCTION hold_seats(p_user BIGINT, p_concert BIGINT, p_schedule BIGINT, p_seats BIGINT[],
                                      p_now TIMESTAMPTZ, p_until TIMESTAMPTZ, p_limit INTEGER)
    RETURNS TABLE (r_outcome TEXT, r_owned INTEGER, r_seat_id BIGINT, r_takeable BOOLEAN, r_seat_number INTEGER,
                   r_grade VARCHAR, r_price BIGINT, r_reservation_id BIGINT)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_wanted   CONSTANT INTEGER := cardinality(p_seats);
    v_found    INTEGER;
    v_takeable BOOLEAN;
    v_run_out  BOOLEAN;
    v_total    BIGINT;
    v_owned    INTEGER;
    v_locked   BIGINT[];
BEGIN
    -- the early refusal: in a rush for few seats almost every request loses, and a loser costs this one query
    SELECT count(*), coalesce(bool_and(s.status = 'AVAILABLE' OR (s.status = 'HELD' AND s.hold_until <= p_now)), false),
           coalesce(bool_or(s.status = 'HELD'), false), sum(s.price)
    INTO v_found, v_takeable, v_run_out, v_total
    FROM seat s WHERE s.schedule_id = p_schedule AND s.id = ANY (p_seats);
    IF v_found <> v_wanted OR NOT v_takeable THEN
        RETURN QUERY
            SELECT 'REFUSED'::TEXT, NULL::INTEGER, s.id,
                   s.status = 'AVAILABLE' OR (s.status = 'HELD' AND s.hold_until <= p_now),
                   NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT, NULL::BIGINT
            FROM seat s WHERE s.schedule_id = p_schedule AND s.id = ANY (p_seats);
        RETURN;
    END IF;

    -- serialises one user's holds on one performance until this transaction ends
    PERFORM pg_advisory_xact_lock(hashtextextended('hold:' || p_user || ':' || p_schedule, 0));

    SELECT coalesce(sum(r.seat_count), 0) INTO v_owned FROM reservation r
    WHERE r.user_id = p_user AND r.schedule_id = p_schedule
      AND (r.status = 'CONFIRMED' OR (r.status = 'HELD' AND r.expires_at > p_now));
    IF v_owned + v_wanted > p_limit THEN
        RETURN QUERY SELECT 'LIMIT'::TEXT, v_owned, NULL::BIGINT, NULL::BOOLEAN, NULL::INTEGER, NULL::VARCHAR,
                            NULL::BIGINT, NULL::BIGINT;
        RETURN;
    END IF;

    IF v_run_out THEN
        -- a requested seat is still HELD by a hold past its deadline: that hold ends as EXPIRED and frees its other
        -- seats first (the new seats' reservation_seat rows may only be written once it no longer owns them). If a
        -- seat is then lost to another hold, the block's savepoint undoes the expiry with the rest.
        BEGIN
            WITH stale AS (
                UPDATE reservation SET status = 'EXPIRED', ended_at = p_now
                WHERE id IN (SELECT r.id FROM reservation r
                             WHERE r.status = 'HELD' AND r.expires_at <= p_now
                               AND r.id IN (SELECT s.reservation_id FROM seat s
                                            WHERE s.id = ANY (p_seats) AND s.status = 'HELD' AND s.hold_until <= p_now)
                             ORDER BY r.id FOR UPDATE)
                RETURNING id)
            UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_until = NULL
            WHERE reservation_id = ANY (ARRAY(SELECT id FROM stale)) AND status = 'HELD' AND NOT (id = ANY (p_seats));

            v_locked := ARRAY(SELECT s.id FROM seat s
                              WHERE s.schedule_id = p_schedule AND s.id = ANY (p_seats)
                                AND (s.status = 'AVAILABLE' OR (s.status = 'HELD' AND s.hold_until <= p_now))
                              ORDER BY s.id FOR UPDATE);
            IF cardinality(v_locked) <> v_wanted THEN
                RAISE EXCEPTION USING ERRCODE = 'CN001', MESSAGE = 'a requested seat was taken meanwhile';
            END IF;
        EXCEPTION WHEN SQLSTATE 'CN001' THEN
            -- rolled back to the block's start; v_locked still names the seats this call could have taken
            NULL;
        END;
    ELSE
        v_locked := ARRAY(SELECT s.id FROM seat s
                          WHERE s.schedule_id = p_schedule AND s.id = ANY (p_seats) AND s.status = 'AVAILABLE'
                          ORDER BY s.id FOR UPDATE);
    END IF;
    IF cardinality(v_locked) <> v_wanted THEN
        RETURN QUERY SELECT 'UNAVAILABLE'::TEXT, v_owned, x, false, NULL::INTEGER, NULL::VARCHAR, NULL::BIGINT,
                            NULL::BIGINT
                     FROM unnest(p_seats) AS x WHERE NOT (x = ANY (v_locked));
        RETURN;
    END IF;

    -- every requested seat is locked by this call and free: the writes cannot come up short
    RETURN QUERY
        WITH created AS (
            INSERT INTO reservation (user_id, concert_id, schedule_id, status, seat_count, total_price, created_at,
                                     expires_at)
            VALUES (p_user, p_concert, p_schedule, 'HELD', v_wanted, v_total, p_now, p_until)
            RETURNING id),
        held AS (
            UPDATE seat s SET status = 'HELD', reservation_id = created.id, hold_until = p_until
            FROM created
            WHERE s.id = ANY (v_locked)
            RETURNING s.id, s.seat_number, s.grade, s.price, created.id AS reservation_id),
        linked AS (
            INSERT INTO reservation_seat (reservation_id, seat_id, schedule_id, reservation_status)
            SELECT held.reservation_id, held.id, p_schedule, 'HELD' FROM held)
        -- the seat's columns are of their domains (changeset 0010), the function's of the domains' base types
        SELECT 'HELD'::TEXT, v_owned, held.id, true, held.seat_number::INTEGER, held.grade::VARCHAR,
               held.price::BIGINT, held.reservation_id
        FROM held ORDER BY held.id;
    GET DIAGNOSTICS v_found = ROW_COUNT;
    IF v_found <> v_wanted THEN
        -- cannot happen while the seats are locked; if it ever did, nothing of the hold may stay
        RAISE EXCEPTION 'hold_seats held % of % seats', v_found, v_wanted;
    END IF;
END
$$;
--rollback DROP FUNCTION hold_seats(BIGINT, BIGINT, BIGINT, BIGINT[], TIMESTAMPTZ, TIMESTAMPTZ, INTEGER);
