# Sourced by the load-test scripts that run the service for one measurement: a database of its own
# (<prefix>_<pid>, created now and dropped on exit unless KEEP_DATABASE=1), Redis database REDIS_DB (flushed before
# and after), a key pair made for the run (the simulation signs the fans' tokens with $WORK/jwt-key.pem), and the
# jar JAR (built when missing or with BUILD=1). Defines start_service; the caller sets PORT and REDIS_DB first.
#
#   . load-test/service.sh purchase
#   start_service --concert.queue.admit-interval=1s ...   # more --name=value settings; JAVA_OPTS go to the JVM
. load-test/java.sh
# the PostgreSQL server on 127.0.0.1 to use: PGPORT, as psql reads it (5432 when unset)
PGPORT=${PGPORT:-5432}
JAR=${JAR:-bootstrap/target/concert-service.jar}
DATABASE=${1:?a name for the database}_$$
WORK=$(mktemp -d)
SERVICE=
cleanup() {
  if [[ -n $SERVICE ]]; then
    kill "$SERVICE" 2>/dev/null || true
    wait "$SERVICE" 2>/dev/null || true
  fi
  if [[ ${KEEP_DATABASE:-0} != 1 ]]; then
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
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

# Starts the jar with the run's database, Redis database and public key, no per-address limit (the load generator
# is one address; the per-user limit stays on), the given settings and then SERVICE_ARGS; waits until it is ready.
start_service() {
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE $DATABASE" >/dev/null
  redis-cli -n "$REDIS_DB" flushdb >/dev/null
  # shellcheck disable=SC2086
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --management.server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DATABASE" --spring.datasource.username=postgres \
    --spring.data.redis.database="$REDIS_DB" \
    --spring.security.oauth2.resourceserver.jwt.public-key-location="file:$WORK/jwt-public.pem" \
    --concert.rate-limit.per-address=0 "$@" ${SERVICE_ARGS:-} \
    >"$WORK/service.log" 2>&1 &
  SERVICE=$!
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && return 0
    if ! kill -0 "$SERVICE" 2>/dev/null; then
      tail -n 40 "$WORK/service.log" >&2
      echo "the service did not start" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "the service is not ready after 90 s" >&2
  exit 1
}

# Once a line matching PATTERN shows up in $WORK/gatling.log, and 3 s later: CPU_SPLIT=SECONDS prints which
# processes used the CPU for that long (load-test/cpu-split.py, into $WORK/cpu-split.txt, printed by
# print_measurements); PROFILE=file.jfr records the service's JVM for PROFILE_SECONDS (20) with JFR's profile
# settings (look at it with `jfr view hot-methods file.jfr`, `jfr view contention-by-site`, ...); FLAME=file
# (.html for a flame graph, .collapsed for folded stacks) samples the service with async-profiler for as long,
# ASYNC_PROFILER naming its libasyncProfiler.so (unzip tools.profiler:async-profiler:4.2:jar:linux-x64 from Maven
# Central), FLAME_EVENT (itimer) and FLAME_INTERVAL (1ms) choosing what and how often; LOADGEN_FLAME=file does the
# same for the load generator's JVM; PERF=file.data samples every process on the machine for as long with perf
# (Debian's linux-perf; cpu-clock at PERF_FREQUENCY, 499 Hz, with call stacks), which sees into PostgreSQL's
# backends. In the background.
measure_when() {
  if [[ -n ${FLAME:-}${LOADGEN_FLAME:-} && ! -f ${ASYNC_PROFILER:-} ]]; then
    echo "FLAME and LOADGEN_FLAME need ASYNC_PROFILER=/path/to/libasyncProfiler.so (in tools.profiler:async-profiler's jar)" >&2
    exit 1
  fi
  if [[ -n ${PERF:-} ]] && ! command -v perf >/dev/null; then
    echo "PERF needs perf (Debian's linux-perf)" >&2
    exit 1
  fi
  if [[ -n ${CPU_SPLIT:-} || -n ${PROFILE:-} || -n ${FLAME:-} || -n ${LOADGEN_FLAME:-} || -n ${PERF:-} ]]; then
    (
      for _ in $(seq 1 1200); do
        grep -q "$1" "$WORK/gatling.log" 2>/dev/null && break
        sleep 0.5
      done
      sleep 3
      if [[ -n ${PROFILE:-} ]]; then
        "$(dirname "$JAVA")/jcmd" "$SERVICE" JFR.start name=load settings=profile \
          duration="${PROFILE_SECONDS:-20}s" filename="$(realpath -m "$PROFILE")" >/dev/null
      fi
      if [[ -n ${FLAME:-} ]]; then
        flame "$SERVICE" "$FLAME"
      fi
      if [[ -n ${LOADGEN_FLAME:-} ]]; then
        # the load generator's JVM: the newest one running Gatling
        local loadgen
        loadgen=$(pgrep -n -f 'io.gatling.app.Gatling' || true)
        [[ -z $loadgen ]] || flame "$loadgen" "$LOADGEN_FLAME"
      fi
      if [[ -n ${PERF:-} ]]; then
        # every process on the machine, PostgreSQL's backends included, with their native call stacks
        perf record -a -g -e cpu-clock -F "${PERF_FREQUENCY:-499}" -o "$(realpath -m "$PERF")" \
          -- sleep "${PROFILE_SECONDS:-20}" >/dev/null 2>&1 &
      fi
      if [[ -n ${CPU_SPLIT:-} ]]; then
        python3 load-test/cpu-split.py "$CPU_SPLIT" "$JAR" >"$WORK/cpu-split.txt"
      fi
      wait
    ) &
    MEASURING=$!
  fi
}

# Samples JVM $1 with async-profiler for PROFILE_SECONDS into file $2, in the background.
flame() {
  # the agent's options quoted once more: jcmd would cut them at their commas
  "$(dirname "$JAVA")/jcmd" "$1" JVMTI.agent_load "$ASYNC_PROFILER" \
    "\"start,event=${FLAME_EVENT:-itimer},interval=${FLAME_INTERVAL:-1ms}\"" >/dev/null
  ( sleep "${PROFILE_SECONDS:-20}"
    "$(dirname "$JAVA")/jcmd" "$1" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,file=$(realpath -m "$2")\"" \
      >/dev/null 2>&1 || echo "no $2: JVM $1 stopped before ${PROFILE_SECONDS:-20} s of samples" >&2 ) &
}

# Runs simulation $1 against the service with the options after it, its output shown and kept in
# $WORK/gatling.log; sets GATLING to its exit code.
run_simulation() {
  local simulation=$1
  shift
  set +e
  ./mvnw -B -pl load-test gatling:test -Dgatling.simulationClass="com.concert.loadtest.$simulation" \
    -DbaseUrl="http://127.0.0.1:$PORT" -DjwtKey="$WORK/jwt-key.pem" "$@" 2>&1 | tee "$WORK/gatling.log"
  GATLING=${PIPESTATUS[0]}
  set -e
}

# Waits for measure_when's measurements and prints the CPU split, if any.
print_measurements() {
  if [[ -n ${MEASURING:-} ]]; then
    wait "$MEASURING"
    cat "$WORK/cpu-split.txt" 2>/dev/null || true
  fi
}

# WARMUP="-Dname=value ..." runs simulation $1 once with those options before the measured run, into
# $WORK/warmup.log: a service that has served a sale before, its hot paths compiled, rather than one whose JIT
# compiler still takes a good part of the cores while the measured load runs (seen in the flame graphs).
warm_up() {
  if [[ -n ${WARMUP:-} ]]; then
    echo "warm-up: $1 $WARMUP"
    # shellcheck disable=SC2086
    if ! ./mvnw -B -pl load-test gatling:test -Dgatling.simulationClass="com.concert.loadtest.$1" \
        -DbaseUrl="http://127.0.0.1:$PORT" -DjwtKey="$WORK/jwt-key.pem" $WARMUP >"$WORK/warmup.log" 2>&1; then
      tail -n 30 "$WORK/warmup.log" >&2
      echo "the warm-up failed" >&2
      exit 1
    fi
    grep -E "^$1: " "$WORK/warmup.log" || true
  fi
}
