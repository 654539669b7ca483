#!/usr/bin/env bash
# CPU and bytes of a fanout with permessage-deflate on and off: one Java node (the launcher's JVM
# options, -Xmx1g), 5,000 official socket.io-client sockets on one channel (deflate-fanout.mjs),
# ~2 KiB events published over REST at 1/s for 30 s; runs "on off on off" (or the modes given).
#
#   realtime-bench/reliability/deflate-fanout.sh [on|off ...]
#
# Needs app/target/realtime-server.jar and Node.js 18+. Environment: CLIENTS, RATE, DURATION, BYTES,
# PORT (41800). Prints one JSON line per run, with the load average beside it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/realtime-bench/reliability"
JAR=${JAR:-$ROOT/app/target/realtime-server.jar}
PORT=${PORT:-41800}
SECRET=deflate-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
LAUNCHER_OPTS=$(sed -n 's/^DEFAULT_JAVA_OPTS="\(.*\)"$/\1/p' "$ROOT/app/src/main/dist/bin/realtime")
[[ -d "$HERE/node_modules" ]] || (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
MODES=("$@")
[[ ${#MODES[@]} -gt 0 ]] || MODES=(on off on off)
for mode in "${MODES[@]}"; do
  [[ $mode == on ]] && compression=true || compression=false
  env REALTIME_PORT=$PORT REALTIME_JWT_SECRET="$SECRET" REALTIME_COMPRESSION=$compression \
    REALTIME_MAX_CONNECTIONS_PER_USER=10000 REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE=1000000 \
    REALTIME_LOG_LEVEL=WARN java $LAUNCHER_OPTS -Xmx1g -jar "$JAR" >/tmp/deflate-fanout-$PORT.log 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do sleep 0.2; done
  echo "mode=$mode load_before=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
  URL=http://127.0.0.1:$PORT PID=$pid SECRET=$SECRET node "$HERE/deflate-fanout.mjs"
  echo "mode=$mode load_after=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
done
