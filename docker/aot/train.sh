#!/usr/bin/env bash
# Trains the service's ahead-of-time cache (JDK 25; docs/adr/0019-ahead-of-time-cache.md): starts the extracted jar
# APP_DIR/concert-service.jar (`java -Djarmode=tools -jar concert-service.jar extract`, its lib/ beside it) with
# -XX:AOTCacheOutput=CACHE against a database and a Redis database of its own, runs Training.java's sale against it
# and stops it: the JVM writes CACHE as it exits. Then start the service from the same directory with the same java:
#
#   docker/aot/train.sh APP_DIR CACHE
#   java -XX:AOTCache=CACHE -jar APP_DIR/concert-service.jar ...    # APP_DIR as an absolute path, as trained
#
# Needs psql and openssl, a PostgreSQL server where PGUSER may create a database (it makes aot_training_<pid> and
# drops it) and a Redis server (database REDIS_DATABASE, flushed before and after). Environment: JAVA (java on the
# PATH), JAVA_OPTS (more options of the trained JVM: keep them as the service will run), TRAINING (a directory
# holding the compiled Training class; by default the source file beside this script, run by java's source
# launcher), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, REDIS_HOST (127.0.0.1), REDIS_PORT
# (6379), REDIS_DATABASE (10), PORT (18097), FANS (2000), PARALLEL (48).
set -euo pipefail
APP_DIR=$(realpath "${1:?the directory of the extracted concert-service.jar}")
CACHE=$(realpath -m "${2:?the cache file to write}")
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA:-java}
TRAINING=${TRAINING:-$HERE/Training.java}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
REDIS_DATABASE=${REDIS_DATABASE:-10}
PORT=${PORT:-18097}
DATABASE=aot_training_$$
WORK=$(mktemp -d)
SERVICE=

if [[ ! -f $APP_DIR/concert-service.jar || ! -d $APP_DIR/lib ]]; then
  echo "$APP_DIR holds no extracted concert-service.jar with its lib/" >&2
  exit 2
fi

redis() {
  # no redis-cli needed: RESP over bash's /dev/tcp, one command, its first reply line
  exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT"
  printf '*2\r\n$6\r\nSELECT\r\n$%d\r\n%s\r\n*1\r\n$%d\r\n%s\r\n' "${#REDIS_DATABASE}" "$REDIS_DATABASE" "${#1}" "$1" >&3
  local selected reply
  read -r selected <&3
  read -r reply <&3
  exec 3<&-
  [[ $selected == +OK* && $reply == +OK* ]]
}

cleanup() {
  if [[ -n $SERVICE ]] && kill -0 "$SERVICE" 2>/dev/null; then
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
  fi
  psql -d postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
  redis FLUSHDB 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

psql -d postgres -qc "CREATE DATABASE $DATABASE" >/dev/null
redis FLUSHDB
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
rm -f "$CACHE"

# The jar by its absolute path, as the image starts it: a JVM takes the cache only with the class path it was
# trained with (a relative path from another directory is "shared class paths mismatch"). Admission every 200 ms
# so that fans are let in within the run; one address may send everything; nobody to drain at the end.
# shellcheck disable=SC2086
"$JAVA" -XX:AOTCacheOutput="$CACHE" ${JAVA_OPTS:-} -jar "$APP_DIR/concert-service.jar" \
  --server.port="$PORT" --management.server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
  --spring.data.redis.host="$REDIS_HOST" --spring.data.redis.port="$REDIS_PORT" \
  --spring.data.redis.database="$REDIS_DATABASE" \
  --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/public.pem" \
  --concert.queue.admit-interval=200ms --concert.rate-limit.per-address=0 --concert.shutdown.drain-delay=0s \
  >"$WORK/service.log" 2>&1 &
SERVICE=$!
ready=
for _ in $(seq 1 240); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET /readyz HTTP/1.0\r\n\r\n' >&3 && grep -q '^HTTP/1.[01] 200' <&3) 2>/dev/null; then
    ready=1
    break
  fi
  if ! kill -0 "$SERVICE" 2>/dev/null; then
    break
  fi
  sleep 0.5
done
if [[ -z $ready ]]; then
  tail -n 40 "$WORK/service.log" >&2
  echo "the service to train did not get ready" >&2
  exit 1
fi

if [[ -d $TRAINING ]]; then
  "$JAVA" -cp "$TRAINING" Training "http://127.0.0.1:$PORT" "$WORK/key.pem" "${FANS:-2000}" "${PARALLEL:-48}"
else
  "$JAVA" "$TRAINING" "http://127.0.0.1:$PORT" "$WORK/key.pem" "${FANS:-2000}" "${PARALLEL:-48}"
fi

# the cache is written while the JVM exits, after the graceful shutdown
kill "$SERVICE"
wait "$SERVICE" || true
SERVICE=
if [[ ! -s $CACHE ]]; then
  tail -n 40 "$WORK/service.log" >&2
  echo "the service exited without writing $CACHE" >&2
  exit 1
fi
grep -E 'AOT cache|AOTCache' "$WORK/service.log" | tail -n 3 || true
echo "trained: $CACHE ($(du -h "$CACHE" | cut -f1))"
