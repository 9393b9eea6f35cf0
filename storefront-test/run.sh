#!/usr/bin/env bash
# The storefront's browser journey (journey.test.mjs) against a dev run of its own: the dev run started on free
# ports with admission slowed to one fan a second and at most two shopping at once, and holds of 20 s; npm's
# playwright-core installed when missing; the journey run in the machine's Chromium; the dev run stopped whatever
# happens. Screenshots land in docs/storefront/.
#
#   storefront-test/run.sh            (needs a JDK 21+, Node.js 18+ with npm, and chromium at /usr/bin/chromium)
#
# PostgreSQL and Redis are the dev run's embedded ones unless SPRING_DATASOURCE_URL / SPRING_DATA_REDIS_HOST (and
# their companions) name others. CHROMIUM names another browser binary.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/storefront-test/target
mkdir -p "$OUT"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

HOLD_TTL_SECONDS=${HOLD_TTL_SECONDS:-20}
export SERVER_PORT=${STOREFRONT_PORT:-$(free_port)}
export MANAGEMENT_SERVER_PORT=$(free_port)
export DEV_ISSUER_PORT=$(free_port)
export CONCERT_QUEUE_ADMIT_INTERVAL=1s
export CONCERT_QUEUE_ADMIT_BATCH_SIZE=1
export CONCERT_QUEUE_MAX_ACTIVE=2
export CONCERT_RESERVATION_HOLD_TTL=${HOLD_TTL_SECONDS}s

if [ ! -d "$ROOT/storefront-test/node_modules/playwright-core" ]; then
  echo "== npm ci (playwright-core)"
  (cd "$ROOT/storefront-test" && nice -n 19 npm ci --no-audit --no-fund)
fi

echo "== the dev run on http://localhost:$SERVER_PORT (identity provider on 127.0.0.1:$DEV_ISSUER_PORT), log: $OUT/dev-run.log"
started=$(date +%s)
# a process group of its own, so that stopping it stops Maven and the service it forked
setsid nice -n 19 ./mvnw -B -pl bootstrap -am spring-boot:test-run >"$OUT/dev-run.log" 2>&1 &
DEV_RUN=$!
stop_dev_run() {
  if kill -0 "$DEV_RUN" 2>/dev/null; then
    kill -TERM -- "-$DEV_RUN" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$DEV_RUN" 2>/dev/null || return 0
      sleep 0.5
    done
    kill -KILL -- "-$DEV_RUN" 2>/dev/null || true
  fi
}
trap stop_dev_run EXIT

# ready once the service answers /readyz and the demo catalog is in (the dev run logs when the service is ready)
for _ in $(seq 1 600); do
  if ! kill -0 "$DEV_RUN" 2>/dev/null; then
    echo "the dev run stopped before it was ready:" >&2
    tail -40 "$OUT/dev-run.log" >&2
    exit 1
  fi
  if curl -fs "http://127.0.0.1:$SERVER_PORT/readyz" >/dev/null 2>&1 && grep -q 'Development tokens' "$OUT/dev-run.log"; then
    break
  fi
  sleep 0.5
done
if ! grep -q 'Development tokens' "$OUT/dev-run.log"; then
  echo "the dev run was not ready within 5 minutes" >&2
  tail -40 "$OUT/dev-run.log" >&2
  exit 1
fi
echo "   ready after $(( $(date +%s) - started )) s"

echo "== the journey"
cd "$ROOT/storefront-test"
STOREFRONT_URL="http://localhost:$SERVER_PORT" ISSUER_URL="http://127.0.0.1:$DEV_ISSUER_PORT" \
  HOLD_TTL_SECONDS=$HOLD_TTL_SECONDS nice -n 19 node --test messages.test.mjs session.test.mjs journey.test.mjs
