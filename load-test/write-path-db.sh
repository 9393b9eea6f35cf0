# Sourced by load-test/write-path-sql.sh and load-test/write-path-instructions.sh: a database of one revision's
# schema with one performance of SEATS seats (schedule 1 of concert 1) and SEATS fans (users 1 to SEATS) whose
# wallets hold 100,000 points each, with their history; the last PRESOLD fans (SEATS / 10 by default) have each
# bought their seat (the last PRESOLD seats) before the statistics are taken, so that the planner knows the
# tables of holds and payments as a sale has them, not empty. Connects as psql does: PGHOST, PGPORT.
CHANGELOG=adapter-out-persistence/src/main/resources/db/changelog

# file $1 of revision $2 (the work tree when empty)
at_revision() {
  if [[ -z $2 ]]; then cat "$1"; else git show "$2:$1"; fi
}

# a database of revision $2's schema, named $1, with its performance, fans and wallets
make_database() {
  local database=$1 revision=$2 file
  psql -U postgres -qc "CREATE DATABASE $database" >/dev/null
  for file in $(at_revision "$CHANGELOG/db.changelog-master.yaml" "$revision" | sed -nE 's/^ *file: *(.*\.sql) *$/\1/p'); do
    at_revision "$CHANGELOG/$file" "$revision" \
      | psql -U postgres -d "$database" -q -v ON_ERROR_STOP=1 -f - >/dev/null
  done
  psql -U postgres -d "$database" -q -v ON_ERROR_STOP=1 -v seats="$SEATS" >/dev/null <<'SQL'
INSERT INTO concert (id, title, venue, first_performance_at, last_performance_at) OVERRIDING SYSTEM VALUE
VALUES (1, 'Write path', 'Hall', now() + interval '30 days', now() + interval '30 days');
INSERT INTO concert_schedule (id, concert_id, performance_at, booking_opens_at, booking_closes_at, total_seats)
OVERRIDING SYSTEM VALUE
VALUES (1, 1, now() + interval '30 days', now() - interval '1 day', now() + interval '29 days', :seats);
INSERT INTO seat (schedule_id, seat_number, grade, price)
SELECT 1, n, 'R', 1000 FROM generate_series(1, :seats) AS n;
INSERT INTO wallet (user_id, balance, updated_at) SELECT n, 100000, now() FROM generate_series(1, :seats) AS n;
INSERT INTO point_history (user_id, type, amount, balance_after, created_at)
SELECT n, 'CHARGE', 100000, 100000, now() FROM generate_series(1, :seats) AS n;
CREATE SEQUENCE bench_purchase;
SQL
  psql -U postgres -d "$database" -q -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$
DECLARE
    reservation BIGINT;
BEGIN
    FOR n IN $((SEATS - ${PRESOLD:-$((SEATS / 10))} + 1))..$SEATS LOOP
        SELECT r_reservation_id INTO reservation
        FROM hold_seats(n, 1, 1, ARRAY[n]::BIGINT[], now(), now() + interval '5 minutes', 4);
        PERFORM settle_payment(n, reservation, 1, 'pay-' || n, 'payment:' || reservation, now());
    END LOOP;
END
\$\$;
VACUUM ANALYZE;
SQL
}

