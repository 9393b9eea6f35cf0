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
# each request on each build, B / A, and each build's rate over its own liveness rate.
#
# SEAT_COUNTS="50 2000 5000" gives the concert one schedule of each size, and the default requests become
# liveness and each one's seat map, plain and with Accept-Encoding: gzip. {schedule:N} in a request names the
# schedule of N seats ({schedule} the first); a request ending in " gzip" is sent with Accept-Encoding: gzip.
# Before measuring, the script checks that both builds answer each seat map with the same bytes (plain, and
# gzip decompressed); both databases are new and filled the same way, so their ids agree.
#
# AB_REQUESTS, one request a line, replaces the default requests.
set -euo pipefail
A_JAR=${1:?usage: $0 A_JAR [B_JAR]}
B_JAR=${2:-bootstrap/target/concert-service.jar}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-15}
SEAT_COUNTS=${SEAT_COUNTS:-}
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
schedules=
hour=0
for seats in ${SEAT_COUNTS:-50}; do
  schedules+=$(printf '%s{"performanceAt":"%s","bookingOpensAt":"%s","sections":[{"grade":"R","price":1000,"seats":%d}]}' \
    "${schedules:+,}" "$(date -u -d @$((now + 864000 + 3600 * hour)) +%FT%TZ)" "$(date -u -d @$((now - 3600)) +%FT%TZ)" "$seats")
  hour=$((hour + 1))
done
body=$(printf '{"title":"A/B","venue":"Hall","schedules":[%s]}' "$schedules")
operator=$(jwt ab-operator concert:admin)
fan=$(jwt "ab-fan-$now")
declare -A CONCERT SCHEDULE TOKEN
SEAT_SCHEDULE=() # "name seats" -> schedule id
for name in a b; do
  base="http://127.0.0.1:${PORT[$name]}"
  created=$(curl -sf -X POST -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' -d "$body" \
    "$base/api/v1/admin/concerts")
  CONCERT[$name]=$(sed -E 's/^\{"id":([0-9]+).*/\1/' <<<"$created")
  SCHEDULE[$name]=$(sed -E 's/.*"schedules":\[\{"id":([0-9]+).*/\1/' <<<"$created")
  ids=($(sed -E 's/.*"schedules":\[//' <<<"$created" | grep -oE '"id":[0-9]+' | cut -d: -f2))
  counts=(${SEAT_COUNTS:-50})
  for i in "${!counts[@]}"; do SEAT_SCHEDULE+=("$name ${counts[$i]} ${ids[$i]}"); done
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

schedule_of() { # name seats: the id of that build's schedule with that many seats
  local entry
  for entry in "${SEAT_SCHEDULE[@]}"; do
    [[ $entry == "$1 $2 "* ]] && { echo "${entry##* }"; return; }
  done
  echo "no schedule of $2 seats" >&2
  exit 1
}

resolve() { # name path: the path with the placeholders of that build filled in
  local name=$1 path=$2 seats
  path=${path//\{concert\}/${CONCERT[$name]}}
  path=${path//\{schedule\}/${SCHEDULE[$name]}}
  while [[ $path =~ \{schedule:([0-9]+)\} ]]; do
    seats=${BASH_REMATCH[1]}
    path=${path//\{schedule:$seats\}/$(schedule_of "$name" "$seats")}
  done
  echo "$path"
}

rps() { # name request: requests/s of one wrk run; answers other than 2xx and socket errors go to stderr
  local name=$1 request=$2 method=${2%% *} path=${2#* }
  local args=(-H "Authorization: Bearer $fan" -H "X-Queue-Token: ${TOKEN[$name]}")
  [[ $path == /actuator/* ]] && args=()
  if [[ $path == *" gzip" ]]; then
    path=${path% gzip}
    args+=(-H "Accept-Encoding: gzip")
  fi
  path=$(resolve "$name" "$path")
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

if [[ -n $SEAT_COUNTS ]]; then
  DEFAULT_REQUESTS=("GET /actuator/health/liveness")
  for seats in $SEAT_COUNTS; do
    DEFAULT_REQUESTS+=("GET /api/v1/concerts/{concert}/schedules/{schedule:$seats}/seats"
      "GET /api/v1/concerts/{concert}/schedules/{schedule:$seats}/seats gzip")
  done
  # the same bytes from both builds: what the endpoint answered before is what it answers now
  for seats in $SEAT_COUNTS; do
    for name in a b; do
      curl -sf -H "Authorization: Bearer $fan" -H "X-Queue-Token: ${TOKEN[$name]}" -o "$WORK/seats-$name-$seats.json" \
        "http://127.0.0.1:${PORT[$name]}$(resolve "$name" "/api/v1/concerts/{concert}/schedules/{schedule:$seats}/seats")"
      curl -sf -H "Authorization: Bearer $fan" -H "X-Queue-Token: ${TOKEN[$name]}" -H 'Accept-Encoding: gzip' -D "$WORK/headers" \
        -o "$WORK/seats-$name-$seats.body" \
        "http://127.0.0.1:${PORT[$name]}$(resolve "$name" "/api/v1/concerts/{concert}/schedules/{schedule:$seats}/seats")"
      if grep -qi '^content-encoding: gzip' "$WORK/headers"; then
        gunzip -c <"$WORK/seats-$name-$seats.body" >"$WORK/seats-$name-$seats.gunzipped"
      else
        cp "$WORK/seats-$name-$seats.body" "$WORK/seats-$name-$seats.gunzipped"
      fi
    done
    same=identical
    cmp -s "$WORK/seats-a-$seats.json" "$WORK/seats-b-$seats.json" || same=DIFFERENT
    cmp -s "$WORK/seats-a-$seats.json" "$WORK/seats-b-$seats.gunzipped" || same=DIFFERENT
    cmp -s "$WORK/seats-a-$seats.json" "$WORK/seats-a-$seats.gunzipped" || same=DIFFERENT
    echo "seat map of $seats seats: $(wc -c <"$WORK/seats-a-$seats.json") bytes; A, B, and both asked for gzip: $same;" \
      "gzip bytes: A $(wc -c <"$WORK/seats-a-$seats.body"), B $(wc -c <"$WORK/seats-b-$seats.body")"
  done
  echo
else
  DEFAULT_REQUESTS=("GET /actuator/health/liveness" "GET /api/v1/queue/status" "GET /api/v1/concerts/{concert}/schedules"
    "GET /api/v1/concerts/{concert}/schedules/{schedule}/seats" "GET /api/v1/points" "POST /api/v1/concerts/{concert}/queue"
    "POST /api/v1/points/charge")
fi
if [[ -n ${AB_REQUESTS:-} ]]; then
  mapfile -t REQUESTS <<<"$AB_REQUESTS"
else
  REQUESTS=("${DEFAULT_REQUESTS[@]}")
fi
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

LIVENESS="GET /actuator/health/liveness"
declare -A LIVE=([a]= [b]=)
if [[ -n ${RESULTS["a $LIVENESS"]:-} ]]; then
  for name in a b; do LIVE[$name]=$(tr ' ' '\n' <<<"${RESULTS["$name $LIVENESS"]}" | grep . | median); done
fi
echo "| request | A, req/s | B, req/s | B / A | A / liveness | B / liveness |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for request in "${REQUESTS[@]}"; do
  a=$(tr ' ' '\n' <<<"${RESULTS["a $request"]}" | grep . | median)
  b=$(tr ' ' '\n' <<<"${RESULTS["b $request"]}" | grep . | median)
  if [[ -n ${LIVE[a]} && -n ${LIVE[b]} ]]; then
    printf '| %s | %.0f | %.0f | %.2f | %.2f | %.2f |\n' "$request" "$a" "$b" "$(bc -l <<<"$b / $a")" \
      "$(bc -l <<<"$a / ${LIVE[a]}")" "$(bc -l <<<"$b / ${LIVE[b]}")"
  else
    printf '| %s | %.0f | %.0f | %.2f | | |\n' "$request" "$a" "$b" "$(bc -l <<<"$b / $a")"
  fi
done
echo
echo "(medians of $ROUNDS rounds of ${SECONDS_EACH}s, $CONNECTIONS connections, the builds measured in turn; every round:"
for key in "${!RESULTS[@]}"; do echo "  $key: ${RESULTS[$key]}"; done | sort
echo ")"
