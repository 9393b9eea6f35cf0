#!/usr/bin/env bash
# What authentication costs the read path, measured with wrk in one run on one machine: the gated reads (queue
# status, the schedules, a 50-seat map) and liveness (for scale) on three services side by side, each measured in turn,
# ROUNDS times over, with the same connections and duration:
#
#   before  a build from before bearer tokens (it names the caller by X-User-Id), the baseline;
#   cached  this build, bearer tokens, a verified token kept until it expires (the default);
#   every   this build with concert.security.verified-tokens=0: the signature checked on every request.
#
#   load-test/auth-cost.sh BEFORE_JAR [JAR]
#
# BEFORE_JAR: for example the jar of commit 5956b24 (git worktree add /tmp/before 5956b24 && cd /tmp/before &&
# ./mvnw -q -DskipTests -pl bootstrap -am package). Needs wrk, openssl, curl, PostgreSQL (trust auth for postgres)
# and Redis on 127.0.0.1. Each service gets a database of its own (created and dropped here) and Redis database
# 5, 6 or 7. This build trusts a key pair made for the run (public-key-location); the script signs its tokens
# with openssl. Prints a Markdown table: median req/s of each request on each service, and the ratios to before.
set -euo pipefail
BEFORE_JAR=${1:?usage: $0 BEFORE_JAR [JAR]}
JAR=${2:-bootstrap/target/concert-service.jar}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
# seconds of load on every request of every service before measuring: until the JIT has compiled the hot paths,
# a service answers at a fraction of its rate, and the new build has more code to compile
WARMUP=${WARMUP:-15}
. "$(dirname "$0")/java.sh"
RUN=auth_cost_$$
PIDS=()
KEYS=$(mktemp -d)
cleanup() {
  kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  for name in before cached every; do
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${RUN}_$name WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$KEYS"
}
trap cleanup EXIT
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

declare -A PORT=([before]=18080 [cached]=18081 [every]=18082)
declare -A REDIS_DB=([before]=5 [cached]=6 [every]=7)

start() { # name jar settings...
  local name=$1 jar=$2; shift 2
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${RUN}_$name" >/dev/null
  redis-cli -n "${REDIS_DB[$name]}" flushdb >/dev/null
  # the actuator on the service's own port, so that three services on one machine need three ports only
  "$JAVA" -jar "$jar" --server.port="${PORT[$name]}" --management.server.port="${PORT[$name]}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${RUN}_$name" --spring.datasource.username=postgres \
    --spring.datasource.hikari.maximum-pool-size=20 --spring.datasource.hikari.minimum-idle=20 \
    --spring.data.redis.database="${REDIS_DB[$name]}" --concert.rate-limit.enabled=false \
    --concert.queue.admit-interval=1s --concert.queue.active-ttl=30m "$@" >"/tmp/auth-cost-$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:${PORT[$name]}/actuator/health/readiness" >/dev/null && return 0
    sleep 0.5
  done
  echo "$name did not start; see /tmp/auth-cost-$name.log" >&2
  exit 1
}

start before "$BEFORE_JAR" --concert.admin.api-key=auth-cost-key
start cached "$JAR" --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$KEYS/jwt-public.pem"
start every "$JAR" --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$KEYS/jwt-public.pem" \
  --concert.security.verified-tokens=0

now=$(date -u +%s)
body=$(printf '{"title":"Auth cost","venue":"Hall","schedules":[{"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":1000,"seats":50}]}]}' \
  "$(date -u -d @$((now + 864000)) +%FT%TZ)" "$(date -u -d @$((now - 3600)) +%FT%TZ)")
operator=$(jwt auth-cost-operator concert:admin)
fan=$(jwt "auth-cost-fan-$now")
declare -A CALLER CONCERT SCHEDULE TOKEN
CALLER[before]="X-User-Id: 4242"
CALLER[cached]="Authorization: Bearer $fan"
CALLER[every]="Authorization: Bearer $fan"
for name in before cached every; do
  base="http://127.0.0.1:${PORT[$name]}"
  if [[ $name == before ]]; then admin=(-H "X-Admin-Key: auth-cost-key"); else admin=(-H "Authorization: Bearer $operator"); fi
  created=$(curl -sf -X POST "${admin[@]}" -H 'Content-Type: application/json' -d "$body" "$base/api/v1/admin/concerts")
  CONCERT[$name]=$(sed -E 's/^\{"id":([0-9]+).*/\1/' <<<"$created")
  SCHEDULE[$name]=$(sed -E 's/.*"schedules":\[\{"id":([0-9]+).*/\1/' <<<"$created")
  TOKEN[$name]=$(curl -sf -X POST -H "${CALLER[$name]}" "$base/api/v1/concerts/${CONCERT[$name]}/queue" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
  for _ in $(seq 1 60); do
    curl -sf -H "${CALLER[$name]}" -H "X-Queue-Token: ${TOKEN[$name]}" "$base/api/v1/queue/status" | grep -q ACTIVE && break
    sleep 0.5
  done
done

rps() { # name path: requests/s of one wrk run; answers other than 2xx and socket errors go to stderr
  local name=$1 path=$2
  path=${path//\{concert\}/${CONCERT[$name]}}
  path=${path//\{schedule\}/${SCHEDULE[$name]}}
  local headers=(-H "${CALLER[$name]}" -H "X-Queue-Token: ${TOKEN[$name]}")
  # liveness as a load balancer asks for it: no credentials
  [[ $path == /actuator/* ]] && headers=()
  wrk -t1 -c"$CONNECTIONS" -d"${3:-$SECONDS_EACH}s" "${headers[@]}" "http://127.0.0.1:${PORT[$name]}$path" | awk -v what="$name $path" '
      /Requests\/sec/ {print $2}
      /Non-2xx or 3xx responses|Socket errors/ {print what ": " $0 > "/dev/stderr"}'
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

PATHS=("/actuator/health/liveness" "/api/v1/queue/status" "/api/v1/concerts/{concert}/schedules"
  "/api/v1/concerts/{concert}/schedules/{schedule}/seats")
for name in before cached every; do
  for path in "${PATHS[@]}"; do rps "$name" "$path" "$WARMUP" >/dev/null; done
done
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for path in "${PATHS[@]}"; do
    for name in before cached every; do
      RESULTS["$name $path"]+="$(rps "$name" "$path") "
    done
  done
done

echo "| request | before, req/s | cached, req/s | every, req/s | cached / before | every / before |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for path in "${PATHS[@]}"; do
  b=$(tr ' ' '\n' <<<"${RESULTS["before $path"]}" | grep . | median)
  c=$(tr ' ' '\n' <<<"${RESULTS["cached $path"]}" | grep . | median)
  e=$(tr ' ' '\n' <<<"${RESULTS["every $path"]}" | grep . | median)
  printf '| GET %s | %.0f | %.0f | %.0f | %.2f | %.2f |\n' "$path" "$b" "$c" "$e" "$(bc -l <<<"$c / $b")" "$(bc -l <<<"$e / $b")"
done
echo
echo "(medians of $ROUNDS rounds of ${SECONDS_EACH}s, $CONNECTIONS connections, services measured in turn; every round's figures:"
for key in "${!RESULTS[@]}"; do echo "  $key: ${RESULTS[$key]}"; done | sort
echo ")"
