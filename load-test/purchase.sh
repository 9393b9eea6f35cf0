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
# JAVA_OPTS go to the service's JVM, SERVICE_ARGS are more --name=value settings of the service; CPU_SPLIT=20
# prints which processes used the CPU for 20 s once the purchases have started, PROFILE=f.jfr records the
# service's JVM meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18095}
REDIS_DB=${REDIS_DB:-8}
LIVENESS_SECONDS=${LIVENESS_SECONDS:-10}
LIVENESS_WARMUP=${LIVENESS_WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-64}
. load-test/java.sh
JAR=${JAR:-bootstrap/target/concert-service.jar}
DATABASE=purchase_$$
WORK=$(mktemp -d)
SERVICE=
cleanup() {
  if [[ -n $SERVICE ]]; then
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
  fi
  if [[ ${KEEP_DATABASE:-0} != 1 ]]; then
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  redis-cli -n "$REDIS_DB" flushdb >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [[ ${BUILD:-0} == 1 || ! -f $JAR ]]; then
  ./mvnw -B -q -DskipTests -pl bootstrap -am package
fi
./mvnw -B -q -pl load-test -am test-compile

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-key.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-key.pem" -pubout -out "$WORK/jwt-public.pem"

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DATABASE" >/dev/null
redis-cli -n "$REDIS_DB" flushdb >/dev/null
# everybody admitted at once and for the whole run; no per-address limit, since the load generator is one address
# (the per-user limit stays on: a fan sends one hold, far below it)
# JAVA_OPTS go to the service's JVM (a flight recording, say), SERVICE_ARGS after its settings (a pool size, say)
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --management.server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DATABASE" --spring.datasource.username=postgres \
  --spring.data.redis.database="$REDIS_DB" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" \
  --concert.rate-limit.per-address=0 \
  --concert.queue.max-active=100000 --concert.queue.admit-batch-size=100000 \
  --concert.queue.admit-interval=1s --concert.queue.active-ttl=30m ${SERVICE_ARGS:-} \
  >"$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  if ! kill -0 "$SERVICE" 2>/dev/null; then
    tail -n 40 "$WORK/service.log" >&2
    echo "the service did not start" >&2
    exit 1
  fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "the service is not ready after 90 s" >&2; exit 1; }

# Once the purchases start: CPU_SPLIT=SECONDS prints which processes used the CPU for that long
# (load-test/cpu-split.py); PROFILE=file.jfr records the service's JVM for PROFILE_SECONDS (20) with JFR's
# profile settings (look at it with `jfr view hot-methods file.jfr`, `jfr view contention-by-site`, ...).
if [[ -n ${CPU_SPLIT:-} || -n ${PROFILE:-} ]]; then
  (
    for _ in $(seq 1 1200); do
      grep -q 'purchases of .* ready in' "$WORK/gatling.log" 2>/dev/null && break
      sleep 0.5
    done
    sleep 3
    if [[ -n ${PROFILE:-} ]]; then
      "$(dirname "$JAVA")/jcmd" "$SERVICE" JFR.start name=purchase settings=profile \
        duration="${PROFILE_SECONDS:-20}s" filename="$(realpath -m "$PROFILE")" >/dev/null
    fi
    if [[ -n ${CPU_SPLIT:-} ]]; then
      python3 load-test/cpu-split.py "$CPU_SPLIT" "$JAR" >"$WORK/cpu-split.txt"
    fi
  ) &
  SPLIT=$!
fi
set +e
./mvnw -B -pl load-test gatling:test -Dgatling.simulationClass=com.concert.loadtest.PurchaseSimulation \
  -DbaseUrl="http://127.0.0.1:$PORT" -DjwtKey="$WORK/jwt-key.pem" "$@" 2>&1 | tee "$WORK/gatling.log"
gatling=${PIPESTATUS[0]}
set -e

wrk -t2 -c"$CONNECTIONS" -d"${LIVENESS_WARMUP}s" "http://127.0.0.1:$PORT/livez" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${LIVENESS_SECONDS}s" "http://127.0.0.1:$PORT/livez" | tee "$WORK/wrk.log"
liveness=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.log")
grep -E 'Non-2xx or 3xx responses|Socket errors' "$WORK/wrk.log" >&2 || true

schedules=$(sed -nE 's/^PurchaseSimulation: concert [0-9]+, schedules \[([0-9, ]+)\].*/\1/p' "$WORK/gatling.log" | tr -d ' ' | tr ',' ' ')
for schedule in $schedules; do
  echo "invariants, schedule $schedule:"
  psql -h 127.0.0.1 -U postgres -d "$DATABASE" -v schedule="$schedule" -f load-test/ticket-open-invariants.sql
done

result=$(grep -E '^PurchaseSimulation: [0-9]+ purchases in' "$WORK/gatling.log" || true)
report=$(sed -nE 's#.*file://(/[^ ]*)/index\.html.*#\1#p' "$WORK/gatling.log" | tail -n 1)
echo
if [[ -z $result || -z $report ]]; then
  echo "no result from the simulation (exit code $gatling); see its output above" >&2
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
if [[ -n ${SPLIT:-} ]]; then
  wait "$SPLIT"
  cat "$WORK/cpu-split.txt" 2>/dev/null || true
fi
exit "$gatling"
