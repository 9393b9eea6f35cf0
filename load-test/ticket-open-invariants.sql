-- Invariants of a ticket-open run, checked in the database afterwards:
--   psql -h 127.0.0.1 -U postgres -d <database> -v schedule=<schedule id> -f load-test/ticket-open-invariants.sql
\echo 'seats of the schedule by status (all SOLD after a sell-out):'
SELECT status, count(*) FROM seat WHERE schedule_id = :schedule GROUP BY status ORDER BY status;
\echo 'CONFIRMED reservations and their seats:'
SELECT count(DISTINCT r.id) AS confirmed_reservations, count(rs.seat_id) AS confirmed_seats
FROM reservation r JOIN reservation_seat rs ON rs.reservation_id = r.id
WHERE r.schedule_id = :schedule AND r.status = 'CONFIRMED';
\echo 'seats in more than one live reservation (must be 0):'
SELECT count(*) AS sold_twice FROM (
    SELECT rs.seat_id FROM reservation_seat rs JOIN reservation r ON r.id = rs.reservation_id
    WHERE r.status IN ('HELD', 'CONFIRMED') GROUP BY rs.seat_id HAVING count(*) > 1) twice;
\echo 'SOLD seats not owned by a CONFIRMED reservation with exactly one payment (must be 0):'
SELECT count(*) AS orphans FROM seat s
LEFT JOIN reservation r ON r.id = s.reservation_id
WHERE s.schedule_id = :schedule AND s.status = 'SOLD'
  AND (r.status IS DISTINCT FROM 'CONFIRMED' OR (SELECT count(*) FROM payment p WHERE p.reservation_id = r.id) <> 1);
\echo 'points: charged = used + balances, and no balance differs from its history (both must hold):'
SELECT (SELECT coalesce(sum(amount), 0) FROM point_history WHERE type = 'CHARGE') AS charged,
       (SELECT coalesce(sum(amount), 0) FROM point_history WHERE type = 'USE') AS used,
       (SELECT coalesce(sum(balance), 0) FROM wallet) AS balances,
       (SELECT coalesce(sum(amount), 0) FROM point_history WHERE type = 'CHARGE')
         = (SELECT coalesce(sum(amount), 0) FROM point_history WHERE type = 'USE') + (SELECT coalesce(sum(balance), 0) FROM wallet)
         AS charged_equals_used_plus_balances,
       (SELECT count(*) FROM wallet w WHERE w.balance <> (SELECT coalesce(sum(CASE WHEN h.type = 'USE' THEN -h.amount ELSE h.amount END), 0)
                                                          FROM point_history h WHERE h.user_id = w.user_id)) AS wallets_off_history,
       (SELECT count(*) FROM point_history h WHERE h.type = 'USE'
          AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.reservation_id = h.reservation_id)) AS uses_without_payment;
