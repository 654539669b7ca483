#!/usr/bin/env bash
# Soaks one Java server under mixed traffic for an hour (by default) and writes the samples, the
# plot and the verdict. See BENCHMARKS.md, "Soak".
#
#   realtime-bench/soak.sh [--skip-build] [any option of the soak scenario, e.g. --duration 600
#                          --sockets 2000 --sample-seconds 10]
#
# Environment: JAVA_OPTS (the server's JVM options; default: the launcher's, app/src/main/dist/bin/
# realtime, with -Xmx512m), SOAK_PORT (41700), BENCH_LOOPS (load generator selector threads, 2),
# SOAK_DIR (realtime-bench/target/soak/<run id>).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/realtime-bench
BUILD=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) BUILD=0 ;;
    *) ARGS+=("$1") ;;
  esac
  shift
done

LAUNCHER_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/app/src/main/dist/bin/realtime")
JAVA_OPTS=${JAVA_OPTS:-$LAUNCHER_OPTS -Xmx512m}
PORT=${SOAK_PORT:-41700}
LOOPS=${BENCH_LOOPS:-2}
SECRET=${REALTIME_JWT_SECRET:-soak-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=${SOAK_DIR:-$BENCH/target/soak/$RUN_ID}
mkdir -p "$OUT"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

if [ "$BUILD" = 1 ]; then
  log "building the server and the bench (no tests)"
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl app,realtime-bench -am package -DskipTests)
fi
{
  echo "run $RUN_ID"
  echo "cpus $(nproc), $(uname -srm), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -2
  echo "server JAVA_OPTS: $JAVA_OPTS"
  echo "git $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$OUT/machine.txt"

# The same limits as run.sh raises for a load test (all sockets come from one address, and the
# bench's users act faster than a person); everything else is the server's default.
export REALTIME_JWT_SECRET=$SECRET
# shellcheck disable=SC2086
env REALTIME_MAX_CONNECTIONS_PER_USER=10000 \
  REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE=1000000 \
  REALTIME_RATE_LIMITS=send_message=1000000,join_channel=1000000,broadcast_event=1000000,update_presence=1000000 \
  REALTIME_LOG_LEVEL=WARN REALTIME_PORT="$PORT" \
  java $JAVA_OPTS -jar "$ROOT/app/target/realtime-server.jar" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null || { log "server not ready: $OUT/server.log"; exit 1; }
log "server $SERVER_PID ready on $PORT; soaking, results in $OUT"

java -Xmx1g --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED \
  -jar "$BENCH/target/realtime-bench.jar" soak --server java \
  --target "http://127.0.0.1:$PORT" --pid "$SERVER_PID" --secret "$SECRET" --loops "$LOOPS" \
  --out "$OUT/results.tsv" --soak-dir "$OUT" "${ARGS[@]}" 2>&1 | tee "$OUT/bench.log"

kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
log "done: $OUT/soak.tsv, $OUT/soak.svg, $OUT/verdict.txt"
