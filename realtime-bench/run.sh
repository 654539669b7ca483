#!/usr/bin/env bash
# Runs every bench scenario against this project's server (java) and the Node.js Socket.IO
# baseline (node) in turn, on this machine, each on a fresh server process, then prints a Markdown
# table with the ratios. See BENCHMARKS.md.
#
#   realtime-bench/run.sh [--quick] [--scenarios "connections fanout fanout-rest many-channels
#                         many-channels-rest few-channels-rest chat cluster"]
#                         [--servers "java node"] [--publish socket|rest] [--skip-build]
#                         [--profile]   (record each Java server with JFR and print a summary)
#
# Environment: JAVA_OPTS (the server's JVM options; default: the launcher's, app/src/main/dist/bin/
# realtime, with -Xmx1g), BENCH_JAVA_PORT (18080),
# BENCH_NODE_PORT (13000), REALTIME_JWT_SECRET (random by default), BENCH_LOOPS (load generator
# selector threads, 2).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/realtime-bench
QUICK=""
SCENARIOS="connections fanout fanout-rest many-channels many-channels-rest few-channels-rest chat cluster chat-ceiling fanout-ceiling"
SERVERS="java node"
PUBLISH=socket
BUILD=1
PROFILE=0
SCENARIO=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=--quick ;;
    --scenarios) SCENARIOS=$2; shift ;;
    --servers) SERVERS=$2; shift ;;
    --publish) PUBLISH=$2; shift ;;
    --skip-build) BUILD=0 ;;
    --profile) PROFILE=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# The server runs with the settings users get from the launcher (its DEFAULT_JAVA_OPTS line).
LAUNCHER_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/app/src/main/dist/bin/realtime")
JAVA_OPTS=${JAVA_OPTS:-$LAUNCHER_OPTS -Xmx1g}
JAVA_PORT=${BENCH_JAVA_PORT:-18080}
NODE_PORT=${BENCH_NODE_PORT:-13000}
LOOPS=${BENCH_LOOPS:-2}
SECRET=${REALTIME_JWT_SECRET:-bench-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$BENCH/target/bench-results/$RUN_ID
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
: > "$RESULTS"

# Both the servers and the load generator hold one file per socket.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

log() { echo "[$(date -u +%H:%M:%S)] $*"; }

if [ "$BUILD" = 1 ]; then
  log "building the server and the bench (no tests)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl app,realtime-bench -am package -DskipTests)
fi
NODE_DIR=$BENCH/target/node
if [[ " $SERVERS " == *" node "* ]]; then
  log "installing the Node baseline into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  cp "$BENCH/node/server.js" "$BENCH/node/package.json" "$BENCH/node/package-lock.json" "$NODE_DIR/"
  (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
SERVER_JAR=$ROOT/app/target/realtime-server.jar
BENCH_JAR=$BENCH/target/realtime-bench.jar

{
  echo "run $RUN_ID"
  echo "cpus $(nproc), $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -2
  echo "node $(node --version 2>/dev/null || echo missing)"
  echo "server JAVA_OPTS: $JAVA_OPTS"
} | tee "$OUT/machine.txt"

# The limits a load test needs raised; everything else is the server's default.
export REALTIME_JWT_SECRET=$SECRET
SERVER_ENV=(
  REALTIME_MAX_CONNECTIONS_PER_USER=10000
  REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE=1000000
  REALTIME_RATE_LIMITS=send_message=1000000,join_channel=1000000,broadcast_event=1000000
  REALTIME_LOG_LEVEL=WARN
)

SERVER_PID=""
start_server() { # $1 = java|node, $2 = port, [$3 = extra env...]; sets SERVER_PID
  local kind=$1 port=$2
  shift 2
  if [ "$kind" = java ]; then
    local jfr=()
    if [ "$PROFILE" = 1 ]; then
      jfr=("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$OUT/$SCENARIO-$port.jfr")
    fi
    # shellcheck disable=SC2086
    env "${SERVER_ENV[@]}" "$@" REALTIME_PORT="$port" \
      java $JAVA_OPTS "${jfr[@]}" -jar "$SERVER_JAR" >"$OUT/server-$kind-$port.log" 2>&1 &
  else
    env "$@" PORT="$port" node "$NODE_DIR/server.js" >"$OUT/server-$kind-$port.log" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "the $kind server did not become ready; see $OUT/server-$kind-$port.log" >&2
  kill "$SERVER_PID" 2>/dev/null || true
  return 1
}

stop_server() { # $1 = pid; a server buried under a backlog gets 15 s, then SIGKILL
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$1" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

bench() { # $1 = scenario, $2 = server label, $3 = targets, $4 = pids
  java -Xmx2g -jar "$BENCH_JAR" "$1" --server "$2" --target "$3" --pid "$4" \
    --secret "$SECRET" --publish "$PUBLISH" --loops "$LOOPS" --out "$RESULTS" $QUICK \
    2>&1 | tee -a "$OUT/bench.log"
}

run_cluster() { # $1 = cluster scenario (cluster, cluster-rest)
  # Three nodes of each server sharing one Redis: the Java nodes through REALTIME_REDIS_URL, the
  # Node nodes through Socket.IO's Redis adapter.
  if ! command -v redis-server >/dev/null; then
    log "$1: needs redis-server on the PATH (apt-get install redis-server); skipped"
    return 0
  fi
  local redis_port=16379
  for server in $SERVERS; do
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no \
      >"$OUT/redis-$server.log" 2>&1 &
    local redis_pid=$!
    local pids=() targets=() base=$JAVA_PORT
    [ "$server" = node ] && base=$NODE_PORT
    log "$1 against three $server nodes"
    for n in 0 1 2; do
      start_server "$server" $((base + n)) REALTIME_REDIS_URL="redis://127.0.0.1:$redis_port" \
        REDIS_URL="redis://127.0.0.1:$redis_port" REALTIME_NODE_ID="bench-$n"
      pids+=("$SERVER_PID")
      targets+=("http://127.0.0.1:$((base + n))")
    done
    bench "$1" "$server" "$(IFS=,; echo "${targets[*]}")" "$(IFS=,; echo "${pids[*]}")" ||
      log "$1 against $server failed"
    for pid in "${pids[@]}"; do stop_server "$pid"; done
    stop_server "$redis_pid"
  done
}

for scenario in $SCENARIOS; do
  SCENARIO=$scenario
  if [[ "$scenario" == cluster* ]]; then
    run_cluster "$scenario"
    continue
  fi
  for server in $SERVERS; do
    port=$JAVA_PORT
    [ "$server" = node ] && port=$NODE_PORT
    log "$scenario against $server"
    start_server "$server" "$port"
    bench "$scenario" "$server" "http://127.0.0.1:$port" "$SERVER_PID" || log "$scenario against $server failed"
    stop_server "$SERVER_PID"
  done
done

echo
echo "## Results $RUN_ID (${QUICK:+quick, }publish over $PUBLISH)"
echo
java -jar "$BENCH_JAR" table "$RESULTS" java node | tee "$OUT/table.md"
echo
echo "## Issue 12's targets"
echo
java -jar "$BENCH_JAR" targets "$RESULTS" java node | tee "$OUT/targets.md"
if [ "$PROFILE" = 1 ]; then
  for jfr in "$OUT"/*.jfr; do
    [ -e "$jfr" ] || continue
    echo
    java -jar "$BENCH_JAR" jfr-summary "$jfr" 12 | tee "${jfr%.jfr}.summary.txt"
  done
fi
echo
log "results in $OUT"
