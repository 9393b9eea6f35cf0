#!/usr/bin/env bash
# A ticket open against a fresh service, in one command: starts the jar with a database of its own
# (ticket_<pid>), Redis database REDIS_DB (9) and a key pair made for the run, with the queue settings QUEUE_ARGS,
# runs TicketOpenSimulation against it (tokens signed by the simulation), measures GET /livez with wrk for scale,
# checks the database with ticket-open-invariants.sql, stops everything and prints the per-request table, how long
# the seats lasted and that time scaled to a machine whose liveness is 12,000 req/s.
#
#   [JAR=...] [QUEUE_ARGS="--concert.queue.admit-interval=1s ..."] load-test/ticket-open.sh [-Dname=value ...]
#   for example -Dsmoke=true, or -Dfans=20000 -Dseats=5000 -Drate=1000 -Dclients=400 -DchargeAtOpen=false
#
# -DwarmupFans=12000 -DwarmupSeats=3000 runs a first sale in the same load generator's JVM before the measured one
# (both the service and the generator warm; WARMUP="-D..." of service.sh warms the service only). CPU_SPLIT and
# the profiles start with the measured sale's first fan.
# QUEUE_ARGS default to an admission every second of up to 1,000 fans, at most 3,000 active. The options go to
# the simulation (see TicketOpenSimulation); JAVA_OPTS to the service's JVM, SERVICE_ARGS are more --name=value
# settings of the service, KEEP_DATABASE=1 keeps the database; CPU_SPLIT=SECONDS and PROFILE=file.jfr measure
# once the fans start coming (see load-test/service.sh, which says what the run needs).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18096}
REDIS_DB=${REDIS_DB:-9}
QUEUE_ARGS=${QUEUE_ARGS:---concert.queue.admit-interval=1s --concert.queue.admit-batch-size=1000 --concert.queue.max-active=3000}
. load-test/service.sh ticket
# shellcheck disable=SC2086
start_service $QUEUE_ARGS
echo "service: $JAR with $QUEUE_ARGS ${SERVICE_ARGS:-}"
warm_up TicketOpenSimulation
measure_when 'TicketOpenSimulation: ticket open: the first fan arrives'

run_simulation TicketOpenSimulation "$@"

# the machine's speed in the same run, for scale: these machines' speed moves by half within minutes, so a sale's
# seconds compare only with the liveness measured next to them (LIVENESS_SECONDS=0 skips it)
LIVENESS_SECONDS=${LIVENESS_SECONDS:-10}
liveness=
if (( LIVENESS_SECONDS > 0 )) && command -v wrk >/dev/null; then
  wrk -t2 -c64 -d5s "http://127.0.0.1:$PORT/livez" >/dev/null
  liveness=$(wrk -t2 -c64 -d"${LIVENESS_SECONDS}s" "http://127.0.0.1:$PORT/livez" | awk '/Requests\/sec/ {print $2}')
fi

schedule=$(sed -nE 's/^TicketOpenSimulation: concert [0-9]+, schedule ([0-9]+) with.*/\1/p' "$WORK/gatling.log")
report=$(sed -nE 's#.*file://(/[^ ]*)/index\.html.*#\1#p' "$WORK/gatling.log" | tail -n 1)
if [[ -z $schedule || -z $report ]]; then
  echo "no result from the simulation (exit code $GATLING); see its output above" >&2
  exit 1
fi
echo "invariants, schedule $schedule:"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d "$DATABASE" -v schedule="$schedule" -f load-test/ticket-open-invariants.sql
echo
python3 load-test/summarize.py "$report"
echo
grep -E '^TicketOpenSimulation: ' "$WORK/gatling.log"
sold_out=$(sed -nE 's/^TicketOpenSimulation: sold out after ([0-9.]+) s.*/\1/p' "$WORK/gatling.log")
if [[ -n $liveness ]]; then
  echo "liveness: $liveness req/s (wrk -t2 -c64, $LIVENESS_SECONDS s, after the sale)"
  if [[ -n $sold_out ]]; then
    # issue 11's reference machine: liveness about 12,000 req/s
    printf 'sold out after %s s, %.1f s at the speed of a machine whose liveness is 12,000 req/s\n' \
      "$sold_out" "$(bc -l <<<"$sold_out * $liveness / 12000")"
  fi
fi
echo "report: $report"
print_measurements
exit "$GATLING"
