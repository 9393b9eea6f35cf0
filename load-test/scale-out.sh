#!/usr/bin/env bash
# One instance against two on the same machine, same PostgreSQL and Redis, measured with wrk in one run:
# the cached concert list (CPU only), queue status (one Redis script) and liveness, each for SECONDS.
#
#   load-test/scale-out.sh [jar] [jdbc-url] [redis-db]
#
# Needs wrk, openssl, psql-reachable PostgreSQL and Redis on 127.0.0.1, and a built jar
# (./mvnw -B -DskipTests package). Stops both instances at the end.
#
# No identity provider: both instances trust a key pair made for this run (public-key-location), and the script
# signs its own bearer tokens with it (RS256 by openssl), one an operator's (scope concert:admin) to create the
# concert, one a fan's to poll the queue. The key pair is deleted at the end.
set -euo pipefail
JAR=${1:-bootstrap/target/concert-service.jar}
DB_URL=${2:-jdbc:postgresql://127.0.0.1:5432/concert_scale}
REDIS_DB=${3:-3}
SECONDS_EACH=${SECONDS_EACH:-15}
CONNECTIONS=${CONNECTIONS:-64}
. "$(dirname "$0")/java.sh"
PIDS=()
KEYS=$(mktemp -d)
trap 'kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$KEYS"' EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEYS/jwt-key.pem" 2>/dev/null
openssl pkey -in "$KEYS/jwt-key.pem" -pubout -out "$KEYS/jwt-public.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

jwt() { # subject [scope]: a token for subject, valid for two hours, signed with this run's key
  local now header claims
  now=$(date -u +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"sub":"%s","iat":%d,"exp":%d,"jti":"%s"%s}' "$1" "$now" $((now + 7200)) \
    "$(openssl rand -hex 16)" "${2:+,\"scope\":\"$2\"}" | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$KEYS/jwt-key.pem" | b64url)"
}

# the actuator on the public port (management.server.port = server.port), where the readiness wait and the
# liveness measurement expect it, and so that one instance's management port is not the other's server port
start() { # port
  "$JAVA" -jar "$JAR" --server.port="$1" --spring.datasource.url="$DB_URL" --spring.datasource.username=postgres \
    --spring.data.redis.database="$REDIS_DB" --concert.rate-limit.enabled=false \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$KEYS/jwt-public.pem" \
    --spring.security.oauth2.resourceserver.jwt.jws-algorithms=RS256 \
    --management.server.port="$1" \
    --spring.datasource.hikari.maximum-pool-size=20 --spring.datasource.hikari.minimum-idle=20 \
    --concert.queue.admit-interval=1s >"/tmp/scale-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0
    sleep 0.5
  done
  echo "the instance on $1 did not start; see /tmp/scale-$1.log" >&2
  exit 1
}

rps() { # url headers... : requests/s of one wrk run; answers other than 2xx and socket errors go to stderr
  local url=$1; shift
  wrk -t1 -c"$CONNECTIONS_NOW" -d"${SECONDS_EACH}s" "$@" "$url" | awk -v url="$url" '
    /Requests\/sec/ {print $2}
    /Non-2xx or 3xx responses|Socket errors/ {print url ": " $0 > "/dev/stderr"}'
}

measure() { # label path headers...
  local label=$1 path=$2; shift 2
  CONNECTIONS_NOW=$CONNECTIONS rps "http://127.0.0.1:8080$path" "$@" >/tmp/scale-one
  CONNECTIONS_NOW=$((CONNECTIONS / 2))
  rps "http://127.0.0.1:8080$path" "$@" >/tmp/scale-a &
  local a=$!
  rps "http://127.0.0.1:8081$path" "$@" >/tmp/scale-b &
  local b=$!
  wait "$a" "$b"
  printf '| %s | %.0f | %.0f |\n' "$label" "$(cat /tmp/scale-one)" "$(echo "$(cat /tmp/scale-a) + $(cat /tmp/scale-b)" | bc)"
}

redis-cli -n "$REDIS_DB" flushdb >/dev/null
start 8080
start 8081
now=$(date -u +%s)
body=$(printf '{"title":"Scale","venue":"Hall","schedules":[{"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":1000,"seats":50}]}]}' \
  "$(date -u -d @$((now + 864000)) +%FT%TZ)" "$(date -u -d @$((now - 3600)) +%FT%TZ)")
operator=$(jwt scale-out-operator concert:admin)
fan=$(jwt "scale-out-fan-$now")
concert=$(curl -sf -X POST -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d "$body" \
  http://127.0.0.1:8080/api/v1/admin/concerts | sed -E 's/^\{"id":([0-9]+).*/\1/')
token=$(curl -sf -X POST -H "Authorization: Bearer $fan" "http://127.0.0.1:8080/api/v1/concerts/$concert/queue" \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')
# warm both instances up
for port in 8080 8081; do
  CONNECTIONS_NOW=16 SECONDS_EACH=5 rps "http://127.0.0.1:$port/api/v1/concerts" >/dev/null
  CONNECTIONS_NOW=16 SECONDS_EACH=5 rps "http://127.0.0.1:$port/api/v1/queue/status" -H "Authorization: Bearer $fan" -H "X-Queue-Token: $token" >/dev/null
done
echo "| request | one instance, req/s | two instances, req/s |"
echo "| --- | ---: | ---: |"
measure "GET /livez" /livez
measure "GET /api/v1/concerts (cached)" /api/v1/concerts
measure "GET /api/v1/queue/status" /api/v1/queue/status -H "Authorization: Bearer $fan" -H "X-Queue-Token: $token"
