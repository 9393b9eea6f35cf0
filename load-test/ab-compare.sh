#!/usr/bin/env bash
# Two builds of the service side by side on one machine, measured with wrk in turn, ROUNDS times over, with the
# same connections and duration: the paths a change touches, and liveness for scale. For "no slower" checks of
# a change that should not change speed (a refactoring, a library instead of own code).
#
#   load-test/ab-compare.sh A_JAR B_JAR
#
# A_JAR: for example the jar of the commit before the change (git worktree add /tmp/a <commit> && cd /tmp/a &&
# ./mvnw -q -DskipTests -pl bootstrap -am package); B_JAR defaults to this build's. Both must take bearer tokens.
# Needs wrk, openssl, curl, PostgreSQL (trust auth for postgres) and Redis on 127.0.0.1. Each service gets a
# database of its own (created and dropped here) and Redis database 5 or 6. Both trust a key pair made for the
# run (public-key-location); the script signs its tokens with openssl. Prints a Markdown table: median req/s of
# each request on each build, and B / A.
set -euo pipefail
A_JAR=${1:?usage: $0 A_JAR [B_JAR]}
B_JAR=${2:-bootstrap/target/concert-service.jar}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-15}
. "$(dirname "$0")/java.sh"
RUN=ab_compare_$$
PIDS=()
WORK=$(mktemp -d)
cleanup() {
  kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  for name in a b; do
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${RUN}_$name WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/jwt-key.pem" 2>/dev/null
openssl pkey -in "$WORK/jwt-key.pem" -pubout -out "$WORK/jwt-public.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

jwt() { # subject [scope]: a token for subject, valid for two hours, signed with this run's key
  local now header claims
  now=$(date -u +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  claims=$(printf '{"sub":"%s","iat":%d,"exp":%d,"jti":"%s"%s}' "$1" "$now" $((now + 7200)) \
    "$(openssl rand -hex 16)" "${2:+,\"scope\":\"$2\"}" | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$WORK/jwt-key.pem" | b64url)"
}

declare -A PORT=([a]=18090 [b]=18091)
declare -A REDIS_DB=([a]=5 [b]=6)
declare -A JAR=([a]="$A_JAR" [b]="$B_JAR")

start() { # name
  local name=$1
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE ${RUN}_$name" >/dev/null
  redis-cli -n "${REDIS_DB[$name]}" flushdb >/dev/null
  # rate limits on but far above what one fan sends here, so that their path is measured, not their refusals
  "$JAVA" -jar "${JAR[$name]}" --server.port="${PORT[$name]}" --management.server.port="${PORT[$name]}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${RUN}_$name" --spring.datasource.username=postgres \
    --spring.datasource.hikari.maximum-pool-size=20 --spring.datasource.hikari.minimum-idle=20 \
    --spring.data.redis.database="${REDIS_DB[$name]}" \
    --concert.rate-limit.per-user=1000000 --concert.rate-limit.per-address=1000000 \
    --concert.queue.admit-interval=1s --concert.queue.active-ttl=30m \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" \
    >"/tmp/ab-compare-$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:${PORT[$name]}/actuator/health/readiness" >/dev/null && return 0
    sleep 0.5
  done
  echo "$name did not start; see /tmp/ab-compare-$name.log" >&2
  exit 1
}

start a
start b

now=$(date -u +%s)
body=$(printf '{"title":"A/B","venue":"Hall","schedules":[{"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":1000,"seats":50}]}]}' \
  "$(date -u -d @$((now + 864000)) +%FT%TZ)" "$(date -u -d @$((now - 3600)) +%FT%TZ)")
operator=$(jwt ab-operator concert:admin)
fan=$(jwt "ab-fan-$now")
declare -A CONCERT SCHEDULE TOKEN
for name in a b; do
  base="http://127.0.0.1:${PORT[$name]}"
  created=$(curl -sf -X POST -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d "$body" \
    "$base/api/v1/admin/concerts")
  CONCERT[$name]=$(sed -E 's/^\{"id":([0-9]+).*/\1/' <<<"$created")
  SCHEDULE[$name]=$(sed -E 's/.*"schedules":\[\{"id":([0-9]+).*/\1/' <<<"$created")
  TOKEN[$name]=$(curl -sf -X POST -H "Authorization: Bearer $fan" "$base/api/v1/concerts/${CONCERT[$name]}/queue" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/')
  for _ in $(seq 1 60); do
    curl -sf -H "Authorization: Bearer $fan" -H "X-Queue-Token: ${TOKEN[$name]}" "$base/api/v1/queue/status" \
      | grep -q ACTIVE && break
    sleep 0.5
  done
done

# POST requests: entering the queue again answers the fan's token (rate limits, the queue's entry script); a
# charge of one point (the pool, the breaker, one transaction with its history row)
cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = os.getenv("AB_BODY")
LUA

rps() { # name request: requests/s of one wrk run; answers other than 2xx and socket errors go to stderr
  local name=$1 request=$2 method=${2%% *} path=${2#* }
  path=${path//\{concert\}/${CONCERT[$name]}}
  path=${path//\{schedule\}/${SCHEDULE[$name]}}
  local args=(-H "Authorization: Bearer $fan" -H "X-Queue-Token: ${TOKEN[$name]}")
  [[ $path == /actuator/* ]] && args=()
  local body=
  if [[ $method == POST ]]; then
    args+=(-s "$WORK/post.lua")
    [[ $path == */points/charge ]] && body='{"amount":1}'
  fi
  AB_BODY=$body wrk -t1 -c"$CONNECTIONS" -d"${3:-$SECONDS_EACH}s" "${args[@]}" "http://127.0.0.1:${PORT[$name]}$path" \
    | awk -v what="$name $request" '
      /Requests\/sec/ {print $2}
      /Non-2xx or 3xx responses|Socket errors/ {print what ": " $0 > "/dev/stderr"}'
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

REQUESTS=(${AB_REQUESTS:-"GET /actuator/health/liveness" "GET /api/v1/queue/status" "GET /api/v1/concerts/{concert}/schedules"
  "GET /api/v1/concerts/{concert}/schedules/{schedule}/seats" "GET /api/v1/points" "POST /api/v1/concerts/{concert}/queue"
  "POST /api/v1/points/charge"})
for name in a b; do
  for request in "${REQUESTS[@]}"; do rps "$name" "$request" "$WARMUP" >/dev/null; done
done
declare -A RESULTS
for round in $(seq 1 "$ROUNDS"); do
  for request in "${REQUESTS[@]}"; do
    for name in a b; do
      RESULTS["$name $request"]+="$(rps "$name" "$request") "
    done
  done
done

echo "| request | A, req/s | B, req/s | B / A |"
echo "| --- | ---: | ---: | ---: |"
for request in "${REQUESTS[@]}"; do
  a=$(tr ' ' '\n' <<<"${RESULTS["a $request"]}" | grep . | median)
  b=$(tr ' ' '\n' <<<"${RESULTS["b $request"]}" | grep . | median)
  printf '| %s | %.0f | %.0f | %.2f |\n' "$request" "$a" "$b" "$(bc -l <<<"$b / $a")"
done
echo
echo "(medians of $ROUNDS rounds of ${SECONDS_EACH}s, $CONNECTIONS connections, the builds measured in turn; every round:"
for key in "${!RESULTS[@]}"; do echo "  $key: ${RESULTS[$key]}"; done | sort
echo ")"
