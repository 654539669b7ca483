#!/usr/bin/env bash
# Measures what the clients of a three-node cluster miss through one failure, with real processes:
# redis-server, three Java nodes (the shaded jar, the launcher's JVM options), nginx round-robin in
# front of them, and 5,000 official socket.io-client sockets (fleet.mjs) on one channel that a
# service publishes to over REST at 5/s.
#
#   realtime-bench/reliability/run.sh crash          # kill -9 of one node 20 s into publishing
#   realtime-bench/reliability/run.sh redis-restart  # kill -9 of Redis, restarted (empty) 5 s later
#   realtime-bench/reliability/run.sh drain          # SIGTERM to one node 20 s into publishing
#
# Needs: app/target/realtime-server.jar (./mvnw -B -ntp -pl app -am package -DskipTests),
# redis-server and nginx on the PATH (apt-get install redis-server nginx), Node.js 18+.
# Environment: CLIENTS (5000), RATE (5), DURATION (60), ACTION_AT (20), REDIS_DOWN (5 s),
# TRANSPORTS (websocket), BASE_PORT (13100), JAR (the server jar to run). Results: realtime-bench/target/reliability/<time>/.
set -euo pipefail
SCENARIO=${1:?usage: run.sh crash|redis-restart|drain}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/realtime-bench/reliability"
JAR=${JAR:-$ROOT/app/target/realtime-server.jar}
OUT="$ROOT/realtime-bench/target/reliability/$(date -u +%Y%m%dT%H%M%SZ)-$SCENARIO"
BASE=${BASE_PORT:-13100}
REDIS_PORT=$((BASE + 99))
REDIS_DOWN=${REDIS_DOWN:-5}
SECRET=reliability-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
LAUNCHER_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/app/src/main/dist/bin/realtime")
JAVA_OPTS=${JAVA_OPTS:-$LAUNCHER_OPTS -Xmx512m}
mkdir -p "$OUT"
[[ -f "$JAR" ]] || { echo "missing $JAR: ./mvnw -B -ntp -pl app -am package -DskipTests" >&2; exit 1; }
[[ -d "$HERE/node_modules" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The nodes first (they leave the cluster through Redis), then Redis.
  for pid in "${PIDS[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  [[ -f "$OUT/nginx.pid" ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_redis() {
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --logfile "$OUT/redis.log" --pidfile "$OUT/redis.pid"
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
}
start_redis

NODE_PIDS=()
for n in 1 2 3; do
  env REALTIME_PORT=$((BASE + n)) REALTIME_REDIS_URL="redis://127.0.0.1:$REDIS_PORT" \
    REALTIME_NODE_ID="reliability-$n" REALTIME_JWT_SECRET="$SECRET" \
    REALTIME_MAX_CONNECTIONS_PER_USER=10000 REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE=1000000 \
    REALTIME_LOG_LEVEL=INFO \
    java $JAVA_OPTS -jar "$JAR" >"$OUT/node-$n.log" 2>&1 &
  NODE_PIDS+=($!)
  PIDS+=($!)
done
for n in 1 2 3; do
  until curl -fs "http://127.0.0.1:$((BASE + n))/health/ready" >/dev/null 2>&1; do sleep 0.2; done
done
NODES="http://127.0.0.1:$((BASE + 1)),http://127.0.0.1:$((BASE + 2)),http://127.0.0.1:$((BASE + 3))"

# nginx round-robin, no ip_hash: any node serves any client (docs/operations.md).
cat >"$OUT/nginx.conf" <<EOF
daemon on;
pid $OUT/nginx.pid;
worker_processes 2;
error_log $OUT/nginx-error.log warn;
events { worker_connections 16384; }
worker_rlimit_nofile 20000;
http {
  access_log off;
  upstream realtime {
    server 127.0.0.1:$((BASE + 1)) max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$((BASE + 2)) max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$((BASE + 3)) max_fails=1 fail_timeout=10s;
  }
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  server {
    listen 127.0.0.1:$BASE;
    location / {
      proxy_pass http://realtime;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_connect_timeout 1s;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
    }
  }
}
EOF
nginx -c "$OUT/nginx.conf" -p "$OUT"

case "$SCENARIO" in
  crash)
    CLIENT_URLS="http://127.0.0.1:$BASE"
    ACTION="kill -9 ${NODE_PIDS[1]}"
    ;;
  drain)
    CLIENT_URLS="http://127.0.0.1:$BASE"
    ACTION="kill -TERM ${NODE_PIDS[1]}"
    ;;
  redis-restart)
    CLIENT_URLS=$NODES
    ACTION="kill -9 \$(cat $OUT/redis.pid); sleep $REDIS_DOWN; redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile $OUT/redis.log --pidfile $OUT/redis.pid"
    ;;
  *) echo "unknown scenario $SCENARIO (crash, redis-restart, drain)" >&2; exit 2 ;;
esac

echo "scenario $SCENARIO, results in $OUT"
# CPU of every process once a second (clock ticks of user + system time), to tell the servers'
# load from the load generator's: cpu.tsv, one column per process.
sample_cpu() {
  local names="java-1 java-2 java-3 redis nginx fleet"
  echo "t $names" | tr ' ' '\t' >"$OUT/cpu.tsv"
  while true; do
    local row
    row=$(date +%s.%N | cut -c1-14)
    for pid in "${NODE_PIDS[@]}" "$(cat "$OUT/redis.pid" 2>/dev/null)" "$(pgrep -P "$(cat "$OUT/nginx.pid" 2>/dev/null)" 2>/dev/null | head -1)" \
      "$(pgrep -f 'node fleet.mjs' | head -1)"; do
      row+=$'\t'$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo -)
    done
    echo "$row" >>"$OUT/cpu.tsv"
    sleep 1
  done
}
sample_cpu &
SAMPLER=$!
(cd "$HERE" && ulimit -n 20000 && env CLIENT_URLS="$CLIENT_URLS" PUBLISH_URLS="$NODES" SECRET="$SECRET" \
  ACTION="$ACTION" node fleet.mjs) | tee "$OUT/report.json"
kill "$SAMPLER" 2>/dev/null || true
for n in 1 2 3; do
  echo "node $n: $(grep -c 'taking over' "$OUT/node-$n.log" || true) sessions taken over" | tee -a "$OUT/summary.txt"
done
