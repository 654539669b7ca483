#!/usr/bin/env bash
# A reconnect storm with real processes: one Java node (the shaded jar, the launcher's JVM options,
# its default limits), CLIENTS official socket.io-client sockets (storm.mjs) claiming ADDRESSES
# client addresses through X-Forwarded-For (trusted from loopback here), then kill -9 of the node
# and a new one started on the same port at once: every client reconnects with the client's default
# backoff, into a cold JVM. Reports the time until all are back, refusals by code, the node's CPU
# (cpu.tsv, clock ticks a second) and /health/ready latency throughout the storm, probed by curl
# from outside the load generator (summary.txt; ready.tsv has every probe).
#
#   realtime-bench/reliability/storm.sh
#
# Needs: app/target/realtime-server.jar (./mvnw -B -ntp -pl app -am package -DskipTests), Node.js 18+.
# Environment: CLIENTS (15000), ADDRESSES (150), PORT (13150), MANAGEMENT_PORT (none: readiness is
# probed on PORT), JAR, EXTRA_ENV (more server settings,
# e.g. "REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE=3000"). Results: realtime-bench/target/reliability/<time>-storm/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/realtime-bench/reliability"
JAR=${JAR:-$ROOT/app/target/realtime-server.jar}
PORT=${PORT:-13150}
# MANAGEMENT_PORT: health (and metrics) also on a port of their own, where readiness is probed
MANAGEMENT_PORT=${MANAGEMENT_PORT:-}
READY_PORT=${MANAGEMENT_PORT:-$PORT}
OUT="$ROOT/realtime-bench/target/reliability/$(date -u +%Y%m%dT%H%M%SZ)-storm"
SECRET=storm-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
LAUNCHER_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/app/src/main/dist/bin/realtime")
JAVA_OPTS=${JAVA_OPTS:-$LAUNCHER_OPTS -Xmx1g}
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "missing $JAR: ./mvnw -B -ntp -pl app -am package -DskipTests" >&2; exit 1; }
[[ -d "$HERE/node_modules" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)

NODE_PID=
SAMPLER=
cleanup() {
  [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true
  [[ -n "$NODE_PID" ]] && kill "$NODE_PID" 2>/dev/null || true
  exec 4<&- 5>&- 2>/dev/null || true
}
trap cleanup EXIT

start_node() {
  ulimit -n 20000
  env REALTIME_PORT="$PORT" REALTIME_JWT_SECRET="$SECRET" REALTIME_NODE_ID=storm \
    REALTIME_TRUSTED_PROXIES=127.0.0.1 REALTIME_LOG_LEVEL=WARN ${EXTRA_ENV:-} \
    ${MANAGEMENT_PORT:+REALTIME_MANAGEMENT_PORT=$MANAGEMENT_PORT} \
    java $JAVA_OPTS -jar "$JAR" >>"$OUT/node.log" 2>&1 &
  NODE_PID=$!
  echo "$NODE_PID" >"$OUT/node.pid"
  until curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do sleep 0.05; done
}

sample_cpu() {
  echo -e "t\tjava\tclients" >"$OUT/cpu.tsv"
  while true; do
    echo -e "$(date +%s.%N | cut -c1-14)\t$(awk '{print $14 + $15}' "/proc/$(cat "$OUT/node.pid")/stat" 2>/dev/null || echo -)\t$(awk '{print $14 + $15}' "/proc/$(pgrep -f 'node storm.mjs' | head -1)/stat" 2>/dev/null || echo -)" >>"$OUT/cpu.tsv"
    sleep 1
  done
}

start_node
echo "storm: ${CLIENTS:-15000} clients over ${ADDRESSES:-150} addresses, results in $OUT"
coproc FLEET { cd "$HERE" && ulimit -n 20000 && env URL="http://127.0.0.1:$PORT" \
  HEALTH_URL="http://127.0.0.1:$PORT/health/ready" SECRET="$SECRET" node storm.mjs 2>"$OUT/progress.log"; }
# bash closes a coproc's descriptors in subshells (pipelines, background jobs): keep copies
exec 4<&"${FLEET[0]}" 5>&"${FLEET[1]}"
read -r line <&4
[[ "$line" == ready ]] || { echo "the fleet did not connect: $line" >&2; exit 1; }
sample_cpu &
SAMPLER=$!
sleep 5
kill -9 "$NODE_PID"
echo killed >&5
T0=$(date +%s.%N)
start_node
echo "node up again after $(echo "$(date +%s.%N) - $T0" | bc) s" | tee "$OUT/summary.txt"
echo started >&5
# /health/ready from outside the load generator (whose event loop is busy with the storm): every
# 100 ms until the fleet reports, the status and the seconds it took.
( while :; do
    curl -s -o /dev/null -w '%{http_code}\t%{time_total}\n' --max-time 5 "http://127.0.0.1:$READY_PORT/health/ready" >>"$OUT/ready.tsv" || true
    sleep 0.1
  done ) &
PROBER=$!
cat <&4 | tee "$OUT/report.json"
kill "$PROBER" 2>/dev/null || true
sort -t$'\t' -k2 -g "$OUT/ready.tsv" | awk -F'\t' '{t[NR]=$2*1000; if ($1!="200") bad++; if ($2>0.1) slow++}
  END {i=int(NR*0.99)+1; if (i>NR) i=NR
       printf "readiness on port %s: %d probes, %d not 200, p50 %.0f ms, p99 %.0f ms, max %.0f ms, %d over 100 ms\n",
       port, NR, bad+0, t[int(NR*0.5)+1], t[i], t[NR], slow+0}' port="$READY_PORT" | tee -a "$OUT/summary.txt"
