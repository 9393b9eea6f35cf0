#!/usr/bin/env bash
# What a purchase costs PostgreSQL in instructions, for two revisions of the schema: a count that the machine's
# other work does not change (valgrind's callgrind counts the instructions the backend executes, not seconds), so
# that a change of a few percent in PostgreSQL's work shows on machines whose timings move by a third from one run
# to the next. A PostgreSQL cluster of its own (initdb into a temporary folder, port PORT), a database per
# revision made as load-test/write-path-sql.sh makes them, then for each: PostgreSQL in single-user mode under
# callgrind runs SMALL purchases and, in a second run, LARGE purchases (a hold of one seat by hold_seats, its
# payment by settle_payment with an Idempotency-Key, on generic plans as the service's connections); the
# difference of the two counts over LARGE - SMALL is the cost of one purchase, start-up and first plans cancelled
# out. Single-user mode parses and plans each top-level call, which the service's prepared statements do once; the
# functions' own statements run on their cached plans either way.
#
#   load-test/write-path-instructions.sh REV_A [REV_B]      # git revisions; REV_B defaults to the work tree
#
# Prints instructions per purchase for A and B and B / A, then the functions with the most inclusive instructions
# in B's large run (callgrind_annotate). The callgrind files stay in OUT (load-test/target/write-path-instructions)
# for a closer look. Needs valgrind and PostgreSQL's server binaries (initdb, pg_ctl, postgres: pg_config
# --bindir, or /usr/lib/postgresql/<major>/bin); run as root, the cluster is made and run as the user postgres.
# Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
REV_A=${1:?usage: $0 REV_A [REV_B]}
REV_B=${2:-}
SEATS=${SEATS:-20000}
PRESOLD=${PRESOLD:-5000}
SMALL=${SMALL:-200}
LARGE=${LARGE:-1000}
PORT=${PORT:-5439}
OUT=${OUT:-load-test/target/write-path-instructions}
BIN=${PG_BINDIR:-$(pg_config --bindir 2>/dev/null || true)}
[[ -x $BIN/initdb ]] || BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $BIN/initdb ]] || { echo "no initdb: set PG_BINDIR" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "needs valgrind" >&2; exit 1; }
CLUSTER=$(mktemp -d)
mkdir -p "$OUT"
OUT=$(realpath "$OUT")
as_owner() { # runs "$*" as the cluster's owner
  if [[ $(id -u) == 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}
[[ $(id -u) == 0 ]] && chown postgres "$CLUSTER" "$OUT"
cleanup() {
  as_owner "'$BIN/pg_ctl' -D '$CLUSTER/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$CLUSTER"
}
trap cleanup EXIT

as_owner "'$BIN/initdb' -D '$CLUSTER/data' -A trust -U postgres" >"$CLUSTER/initdb.log" 2>&1 \
  || { cat "$CLUSTER/initdb.log" >&2; exit 1; }
as_owner "'$BIN/pg_ctl' -D '$CLUSTER/data' -o '-p $PORT -k $CLUSTER -c listen_addresses=' -l '$CLUSTER/log' -w start" \
  >/dev/null
export PGHOST=$CLUSTER PGPORT=$PORT
. load-test/write-path-db.sh
echo "databases: A = ${REV_A}, B = ${REV_B:-the work tree}; $SEATS seats each"
make_database a "$REV_A"
make_database b "$REV_B"
psql -U postgres -qc CHECKPOINT
as_owner "'$BIN/pg_ctl' -D '$CLUSTER/data' -w stop" >/dev/null

purchases() { # first, count: the statements of that many purchases, users and seats from first on
  python3 - "$1" "$2" <<'PY'
import sys
first, count = int(sys.argv[1]), int(sys.argv[2])
print("SET plan_cache_mode = force_generic_plan;")
for n in range(first, first + count):
    print(f"SELECT r_outcome FROM hold_seats({n}, 1, 1, ARRAY[{n}]::BIGINT[], now(), now() + interval '5 minutes', 4);")
    print(f"SELECT r_outcome FROM settle_payment({n}, (SELECT id FROM reservation WHERE user_id = {n}), 1, "
          f"'pay-{n}', 'payment:{n}', now());")
PY
}
purchases 1 "$SMALL" >"$CLUSTER/small.sql"
purchases $((SMALL + 1)) "$LARGE" >"$CLUSTER/large.sql"
chmod a+r "$CLUSTER"/*.sql

count() { # database, run: instructions of that run, after checking that every purchase was paid
  local expected=$SMALL
  [[ $2 == large ]] && expected=$LARGE
  as_owner "valgrind --tool=callgrind --callgrind-out-file='$OUT/$1-$2.callgrind' \
    '$BIN/postgres' --single -D '$CLUSTER/data' $1 <'$CLUSTER/$2.sql' >'$OUT/$1-$2.log' 2>&1"
  local paid
  paid=$(grep -c 'r_outcome = "PAID"' "$OUT/$1-$2.log" || true)
  if [[ $paid != "$expected" ]]; then
    echo "database $1, $2 run: $paid of $expected purchases paid; see $OUT/$1-$2.log" >&2
    exit 1
  fi
  sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$OUT/$1-$2.log"
}
declare -A COST
for name in a b; do
  small=$(count "$name" small)
  large=$(count "$name" large)
  COST[$name]=$(((large - small) / (LARGE - SMALL)))
done
echo
echo "| instructions per purchase (PostgreSQL, callgrind) | A ($REV_A) | B (${REV_B:-work tree}) | B / A |"
echo "| --- | ---: | ---: | ---: |"
printf '| hold_seats + settle_payment, %d purchases less %d | %d | %d | %.3f |\n' "$LARGE" "$SMALL" \
  "${COST[a]}" "${COST[b]}" "$(bc -l <<<"${COST[b]} / ${COST[a]}")"
echo
echo "B's large run, the functions with the most instructions, inclusive (callgrind_annotate):"
callgrind_annotate --inclusive=yes "$OUT/b-large.callgrind" 2>/dev/null \
  | grep -E '^ *[0-9,]+ \([ 0-9.]+%\) +\?\?\?:[A-Za-z_]' | grep -v "'" | head -n "${TOP:-30}"
