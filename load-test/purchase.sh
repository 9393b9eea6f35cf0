#!/usr/bin/env bash
# What a purchase (a hold and its payment) costs, beside liveness for scale, in one run on one machine: starts
# the service with a database of its own (purchase_<pid>, created and dropped here), Redis database REDIS_DB (8,
# flushed before and after) and a key pair made for the run, runs PurchaseSimulation against it (tokens signed by
# the simulation), measures GET /livez with wrk (after a short warm-up, once the simulation is over), checks the
# database with ticket-open-invariants.sql, stops everything and prints:
# liveness req/s, purchases/s, p50/p99 of hold and pay, and (hold + pay requests/s) / liveness req/s.
#
#   [JAR=path/to/concert-service.jar] load-test/purchase.sh [-Dname=value ...]
#   for example -Dsmoke=true, or -Dclients=32 -DseatsPerHold=2; JAR measures another build (default: this one)
#
# The options go to the simulation (see PurchaseSimulation). The simulations are compiled on every run; the
# service jar only when missing, or with BUILD=1. Needs wrk, openssl, curl, psql, redis-cli, python3, PostgreSQL
# (trust auth for postgres) and Redis on 127.0.0.1. KEEP_DATABASE=1 keeps the database for a closer look;
# JAVA_OPTS go to the service's JVM, SERVICE_ARGS are more --name=value settings of the service. Once the
# purchases have started, CPU_SPLIT=20 prints which processes used the CPU for 20 s, PROFILE=f.jfr records the
# service's JVM and FLAME / LOADGEN_FLAME sample it or the load generator with async-profiler, PERF=f.data samples
# every process with perf (PostgreSQL's backends too: `perf report -i f.data --comm postgres`); WARMUP="-D..."
# runs the simulation once before the measured run (see load-test/service.sh for all of these), in a JVM of its
# own; -DwarmupPurchases=N instead warms the service and the load generator's JVM alike (see PurchaseSimulation).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18095}
REDIS_DB=${REDIS_DB:-8}
LIVENESS_SECONDS=${LIVENESS_SECONDS:-10}
LIVENESS_WARMUP=${LIVENESS_WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
. load-test/service.sh purchase
# everybody admitted at once and for the whole run
start_service --concert.queue.max-active=100000 --concert.queue.admit-batch-size=100000 \
  --concert.queue.admit-interval=1s --concert.queue.active-ttl=30m

warm_up PurchaseSimulation
# once the purchases start (see measure_when in load-test/service.sh)
measure_when 'PurchaseSimulation: purchase: the first purchase starts'
run_simulation PurchaseSimulation "$@"

wrk -t2 -c"$CONNECTIONS" -d"${LIVENESS_WARMUP}s" "http://127.0.0.1:$PORT/livez" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${LIVENESS_SECONDS}s" "http://127.0.0.1:$PORT/livez" | tee "$WORK/wrk.log"
liveness=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.log")
grep -E 'Non-2xx or 3xx responses|Socket errors' "$WORK/wrk.log" >&2 || true

schedules=$(sed -nE 's/^PurchaseSimulation: concert [0-9]+, schedules \[([0-9, ]+)\].*/\1/p' "$WORK/gatling.log" | tr -d ' ' | tr ',' ' ')
for schedule in $schedules; do
  echo "invariants, schedule $schedule:"
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DATABASE" -v schedule="$schedule" -f load-test/ticket-open-invariants.sql
done

result=$(grep -E '^PurchaseSimulation: [0-9]+ purchases in' "$WORK/gatling.log" || true)
report=$(sed -nE 's#.*file://(/[^ ]*)/index\.html.*#\1#p' "$WORK/gatling.log" | tail -n 1)
echo
if [[ -z $result || -z $report ]]; then
  echo "no result from the simulation (exit code $GATLING); see its output above" >&2
  exit 1
fi
table=$(python3 load-test/summarize.py "$report")
echo "$table"
echo
summary_column() { # request column: one column of the summary row of request (count 3, p50 6, p99 8)
  awk -F'|' -v name=" $1 " -v col="$2" '$2 == name {gsub(/[ ,]/, "", $col); print $col}' <<<"$table"
}
purchases=$(sed -nE 's/^PurchaseSimulation: ([0-9]+) purchases in.*/\1/p' <<<"$result")
elapsed=$(sed -nE 's/.* purchases in ([0-9.]+) s:.*/\1/p' <<<"$result")
rate=$(sed -nE 's/.*: ([0-9.]+) purchases\/s.*/\1/p' <<<"$result")
requests=$(($(summary_column 'purchase: hold' 3) + $(summary_column 'purchase: pay' 3)))
echo "liveness:  ${liveness} req/s (wrk -t2 -c$CONNECTIONS, ${LIVENESS_SECONDS} s)"
echo "purchases: ${rate}/s ($purchases in $elapsed s)"
echo "hold:      p50 $(summary_column 'purchase: hold' 6) ms, p99 $(summary_column 'purchase: hold' 8) ms"
echo "pay:       p50 $(summary_column 'purchase: pay' 6) ms, p99 $(summary_column 'purchase: pay' 8) ms"
printf 'ratio:     %.4f ((hold + pay requests) / s = %.1f, over liveness req/s)\n' \
  "$(bc -l <<<"$requests / $elapsed / $liveness")" "$(bc -l <<<"$requests / $elapsed")"
echo "report:    $report"
print_measurements
exit "$GATLING"
