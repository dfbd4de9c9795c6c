#!/usr/bin/env bash
# Server CPU per warm WebSocket connect, with the floor the servlet container sets: next to the
# bench app (Java, both kinds on the app's port) and the Node plugin, a bare embedded Tomcat that
# answers every opening handshake with a 101 and nothing else (bench/src/.../floor/
# UpgradeFloorServer.java: no Spring, no security chain, no CAP, no cds-websocket).
#
#   bench/connect-floor.sh            (about 6 minutes on 2 cores)
#
# Each server: started fresh, WARMUP_CYCLES connect-only cycles of N clients (connect, settle,
# close), then ROUNDS measured connect-only cycles in the same process; the figure is the median of
# the rounds' server CPU per connect (fanout.js --phases connect: utime+stime of the server over
# the connect phase and its settle time, divided by N). Results: bench/results/connect-floor-<time>/
# (connect.jsonl, logs, table.md). Stops only the servers it started, by PID.
# Environment: SERVERS ["tomcat-floor java-ws java-sio-same node-ws node-sio"] N [1000]
#   WARMUP_CYCLES [8] ROUNDS [3] JAR [bench/target/bench.jar] JAVA_OPTS [-Xmx512m]
#   HTTP_PORT [8090] SIO_PORT [8091] NODE_PORT [4100] FLOOR_PORT [8092]
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SERVERS=${SERVERS:-"tomcat-floor java-ws java-sio-same node-ws node-sio"}
N=${N:-1000}
WARMUP_CYCLES=${WARMUP_CYCLES:-8}
ROUNDS=${ROUNDS:-3}
JAR=${JAR:-$BENCH_DIR/target/bench.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
HTTP_PORT=${HTTP_PORT:-8090}
SIO_PORT=${SIO_PORT:-8091}
NODE_PORT=${NODE_PORT:-4100}
FLOOR_PORT=${FLOOR_PORT:-8092}
OUT=${OUT:-$BENCH_DIR/results/connect-floor-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"

# shellcheck source=java-server.sh
source "$BENCH_DIR/java-server.sh"

PID=""
stop() {
  [ -n "$PID" ] || return 0
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$PID" 2>/dev/null || true
  PID=""
}
trap stop EXIT

# Waits until $1 answers HTTP at all (at most 120 s); fails if the server died.
await_http() {
  for _ in $(seq 1 240); do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; exit 1; }
    [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" || true)" != 000 ] && return 0
    sleep 0.5
  done
  echo "$1 does not answer; see $LOG" >&2
  exit 1
}

start() {
  LOG=$OUT/$1.log
  case $1 in
    tomcat-floor)
      # shellcheck disable=SC2086 # JAVA_OPTS is a word list
      java $JAVA_OPTS -Dloader.main=org.cdswebsocket.bench.floor.UpgradeFloorServer -cp "$JAR" \
        org.springframework.boot.loader.launch.PropertiesLauncher "$FLOOR_PORT" >"$LOG" 2>&1 &
      PID=$! KIND=ws BASE=ws://127.0.0.1:$FLOOR_PORT
      await_http "http://127.0.0.1:$FLOOR_PORT/" ;;
    java-*)
      start_java_server "$1" "$LOG" # sets PID, KIND, BASE; waits until the server answers
      trap stop EXIT ;;             # it trapped EXIT with a plain kill: keep the graceful stop
    node-ws | node-sio)
      KIND=ws
      [ "$1" = node-sio ] && KIND=socket.io
      (cd "$BENCH_DIR/node-reference" && PORT=$NODE_PORT CDS_WEBSOCKET_KIND=$KIND \
        exec node node_modules/@sap/cds/bin/serve.js) >"$LOG" 2>&1 &
      PID=$! BASE=ws://127.0.0.1:$NODE_PORT
      await_http "http://127.0.0.1:$NODE_PORT/" ;;
    *) echo "unknown server $1" >&2; exit 1 ;;
  esac
  sleep 2
}

# One connect-only cycle of N clients against the running server; $1 is the round (0: warm-up).
connect() {
  node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench --n "$N" \
    --phases connect --pid "$PID" --label "$server" --round "$1" 2>>"$OUT/client.log"
}

for server in $SERVERS; do
  start "$server"
  for cycle in $(seq 1 "$WARMUP_CYCLES"); do
    echo "$server warm-up $cycle/$WARMUP_CYCLES" >&2
    connect 0 >>"$OUT/warmup.jsonl"
    sleep 1
  done
  for round in $(seq 1 "$ROUNDS"); do
    connect "$round" >>"$OUT/connect.jsonl"
    sleep 1
  done
  stop
done

node -e '
const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log("| server | N | server CPU per warm connect, µs: median (rounds) |\n|---|---|---|");
for (const label of [...new Set(rows.map((r) => r.label))]) {
  const us = rows.filter((r) => r.label === label).map((r) => r.serverUsPerConnect);
  console.log(`| ${label} | ${rows[0].n} | **${median(us)}** (${us.join(", ")}) |`);
}' "$OUT/connect.jsonl" | tee "$OUT/table.md"
echo "results: $OUT" >&2
