#!/usr/bin/env bash
# How many admission rounds really run per second, on one instance and on two sharing a database and Redis. A
# concert keeps a line (max-active 1, five fans), so every round runs the admission script for it; the script's
# calls are counted on Redis (MONITOR, this run's database only). The goal is one round per admit-interval
# whatever the number of instances.
#
#   load-test/admission-pace.sh JAR [INTERVAL ...]      (intervals default to 100ms 1s)
#
# Needs openssl, curl, PostgreSQL (trust auth for postgres) and Redis on 127.0.0.1 (database 8, flushed).
# Prints one line per interval: rounds/s with one instance, then with two, and the ideal.
set -euo pipefail
JAR=${1:?usage: $0 JAR [INTERVAL ...]}
shift
INTERVALS=("${@:-100ms}")
[[ $# -eq 0 ]] && INTERVALS=(100ms 1s)
SECONDS_EACH=${SECONDS_EACH:-20}
FANS=${FANS:-5}
. "$(dirname "$0")/java.sh"
RUN=admission_pace_$$
WORK=$(mktemp -d)
PIDS=()
stop_all() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; PIDS=(); }
cleanup() {
  stop_all
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $RUN WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
jwt() {
  local now header claims
  now=$(date -u +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"sub":"%s","iat":%d,"exp":%d%s}' "$1" "$now" $((now + 7200)) "${2:+,\"scope\":\"$2\"}" | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$WORK/key.pem" | b64url)"
}
start() { # port interval
  "$JAVA" -jar "$JAR" --server.port="$1" --management.server.port="$1" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$RUN" --spring.datasource.username=postgres \
    --spring.data.redis.database=8 --concert.rate-limit.enabled=false \
    --concert.queue.admit-interval="$2" --concert.queue.admit-batch-size=1 --concert.queue.max-active=1 \
    --concert.queue.active-ttl=30m \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/public.pem" >>"/tmp/admission-pace-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return 0
    sleep 0.5
  done
  echo "the service on $1 did not start; see /tmp/admission-pace-$1.log" >&2
  exit 1
}
rate() { # seconds: admission rounds per second for the concert over the next seconds
  local seconds=$1 count
  count=$( (timeout "$seconds" redis-cli MONITOR || true) | grep '^[0-9.]* \[8 ' | grep -ic "evalsha.*{c$concert}:waiting")
  printf '%.2f' "$(bc -l <<<"$count / $seconds")"
}
for interval in "${INTERVALS[@]}"; do
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $RUN WITH (FORCE)" >/dev/null
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $RUN" >/dev/null
  redis-cli -n 8 flushdb >/dev/null
  start 18100 "$interval"
  now=$(date -u +%s)
  body=$(printf '{"title":"Pace","venue":"Hall","schedules":[{"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":1000,"seats":50}]}]}' \
    "$(date -u -d @$((now + 864000)) +%FT%TZ)" "$(date -u -d @$((now - 3600)) +%FT%TZ)")
  concert=$(curl -sf -X POST -H "Authorization: Bearer $(jwt pace-operator concert:admin)" -H 'Content-Type: application/json' \
    -d "$body" http://127.0.0.1:18100/api/v1/admin/concerts | sed -E 's/^\{"id":([0-9]+).*/\1/')
  for fan in $(seq 1 "$FANS"); do
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $(jwt "pace-fan-$fan")" "http://127.0.0.1:18100/api/v1/concerts/$concert/queue"
  done
  sleep 2
  one=$(rate "$SECONDS_EACH")
  start 18101 "$interval"
  sleep 2
  two=$(rate "$SECONDS_EACH")
  if [[ $interval == *ms ]]; then secs=$(bc -l <<<"${interval%ms} / 1000"); else secs=${interval%s}; fi
  ideal=$(bc -l <<<"1 / $secs")
  printf '| %s | %s | %s | %.2f |\n' "$interval" "$one" "$two" "$ideal"
  stop_all
done
