#!/usr/bin/env bash
# What a purchase costs PostgreSQL alone, for two revisions of the schema side by side: no service, no Redis, no
# HTTP. Each revision's Liquibase changesets (adapter-out-persistence/.../db/changelog, in the master file's order)
# are applied with psql to a database of its own; each database gets one performance of SEATS seats and SEATS
# fans with a charged wallet. pgbench then runs a purchase as the service sends it (one call of hold_seats for one
# seat, one call of settle_payment with an Idempotency-Key, each a prepared statement on its cached generic plan),
# on A and B in turn (after a first run of WARMUP_SECONDS on each), ROUNDS times over, CLIENTS connections, SECONDS_EACH seconds each. Prints, per run and as
# medians, purchases per second and PostgreSQL's CPU per purchase (user + system time of every postgres process,
# the backends that exited included, from /proc), then checks load-test/ticket-open-invariants.sql on both.
#
#   load-test/write-path-sql.sh REV_A [REV_B]      # git revisions; REV_B defaults to the work tree
#
# KEEP_DATABASES=1 keeps both databases (write_path_sql_<pid>_a and _b) for a closer look.
# The machines this runs on are shared and noisy: A and B alternate so that both see the same noise, and the
# ratio B / A is the finding. Needs pgbench and psql, PostgreSQL on 127.0.0.1 (PGPORT, trust auth for postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
REV_A=${1:?usage: $0 REV_A [REV_B]}
REV_B=${2:-}
SEATS=${SEATS:-400000}
CLIENTS=${CLIENTS:-16}
SECONDS_EACH=${SECONDS_EACH:-15}
ROUNDS=${ROUNDS:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
PGPORT=${PGPORT:-5432}
PGHOST=${PGHOST:-127.0.0.1}
export PGPORT PGHOST
RUN=write_path_sql_$$
WORK=$(mktemp -d)
. load-test/write-path-db.sh
cleanup() {
  for name in a b; do
    [[ ${KEEP_DATABASES:-0} == 1 ]] && break
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${RUN}_$name WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# CPU seconds (user + system) PostgreSQL's processes have used so far, exited backends included
postgres_cpu() {
  python3 - <<'PY'
import os
ticks = os.sysconf("SC_CLK_TCK")
total = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        continue
    comm = stat[stat.index("(") + 1:stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2:].split()
    if comm.startswith("postgres") or comm.startswith("postmaster"):
        # utime, stime, and for the postmaster the children it has reaped (cutime, cstime)
        total += sum(int(x) for x in fields[11:15])
print(total / ticks)
PY
}

cat >"$WORK/purchase.sql" <<'SQL'
SELECT nextval('bench_purchase') AS n \gset
SELECT r_reservation_id AS reservation FROM hold_seats(:n, 1, 1, ARRAY[:n]::BIGINT[], now(), now() + interval '5 minutes', 4) \gset
SELECT r_outcome FROM settle_payment(:n, :reservation, 1, 'pay-' || :n, 'payment:' || :reservation, now());
SQL

echo "databases: A = ${REV_A}, B = ${REV_B:-the work tree}; $SEATS seats each"
make_database "${RUN}_a" "$REV_A"
make_database "${RUN}_b" "$REV_B"

# generic plans, as the service's connections (application.yml)
purchase() { # database, seconds
  PGOPTIONS="-c plan_cache_mode=force_generic_plan" pgbench -h 127.0.0.1 -U postgres -n -M prepared \
    -c "$CLIENTS" -j 2 -T "$2" -f "$WORK/purchase.sql" "$1" >"$WORK/pgbench.log" 2>&1 \
    || { cat "$WORK/pgbench.log" >&2; exit 1; }
}
# the loading's WAL written out, then a first run on each, not counted: the first purchases after a checkpoint
# write whole pages to the WAL, and the first run of a database reads its pages into the buffers
psql -h 127.0.0.1 -U postgres -qc CHECKPOINT
for name in a b; do purchase "${RUN}_$name" "$WARMUP_SECONDS"; done

declare -A RATES CPUS
for round in $(seq 1 "$ROUNDS"); do
  for name in a b; do
    before=$(postgres_cpu)
    purchase "${RUN}_$name" "$SECONDS_EACH"
    sleep 1
    after=$(postgres_cpu)
    done_count=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$WORK/pgbench.log")
    failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' "$WORK/pgbench.log")
    rate=$(bc -l <<<"$done_count / $SECONDS_EACH")
    cpu=$(bc -l <<<"($after - $before) * 1000 / $done_count")
    RATES[$name]+="$rate "
    CPUS[$name]+="$cpu "
    printf 'round %d %s: %8.1f purchases/s, PostgreSQL %.3f ms of CPU per purchase, %s failed\n' \
      "$round" "${name^^}" "$rate" "$cpu" "${failed:-0}"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rate_a=$(median <<<"${RATES[a]}"); rate_b=$(median <<<"${RATES[b]}")
cpu_a=$(median <<<"${CPUS[a]}"); cpu_b=$(median <<<"${CPUS[b]}")
echo
echo "| | A ($REV_A) | B (${REV_B:-work tree}) | B / A |"
echo "| --- | ---: | ---: | ---: |"
printf '| purchases/s (median of %d) | %.1f | %.1f | %.2f |\n' "$ROUNDS" "$rate_a" "$rate_b" "$(bc -l <<<"$rate_b / $rate_a")"
printf '| PostgreSQL CPU per purchase, ms (median) | %.3f | %.3f | %.2f |\n' "$cpu_a" "$cpu_b" "$(bc -l <<<"$cpu_b / $cpu_a")"
echo
for name in a b; do
  echo "invariants, ${name^^}:"
  psql -h 127.0.0.1 -U postgres -d "${RUN}_$name" -v schedule=1 -f load-test/ticket-open-invariants.sql
done
