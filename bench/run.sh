#!/usr/bin/env bash
# Fan-out benchmark: builds and starts each server, drives it with load/fanout.js, prints a table.
#
# Servers (each started fresh for every round, stopped by the PID this script started):
#   java-ws    the bench app (bench/, CAP Java + cds-websocket), kind ws, on Tomcat
#   java-sio   the same jar with --cds.websocket.kind=socket.io (netty-socketio, own port)
#   java-sio-same  kind socket.io on the app's own port (Tomcat, same-port mode, no cds.websocket.port)
#   node-ws    the Node plugin @cap-js-community/websocket (bench/node-reference), kind ws
#   node-sio   the same Node app with CDS_WEBSOCKET_KIND=socket.io
# Scenarios NxK: N clients, client #0 sends K messages in window-1 mode, then K in burst mode;
# NxK:burst (or :window) runs only that phase, e.g. 10000x200:burst for the scale check.
# Every server start begins with a warm-up on its own WARMUP_N clients (window + burst, K=WARMUP;
# recorded in warmup.jsonl only), repeated WARMUP_CYCLES times, so every measured scenario, its
# connect phase included, runs warm. One cycle is not enough for a JVM on 2 cores: the connect path
# reaches C2 only after several thousand connects, and each change of phase (connect, window, burst,
# close) takes branches the compiled code had pruned, so it is deoptimised and compiled again
# (bench/README.md, "How warm is warm"). The cycles are followed by one run of WARMUP_SENDS calls
# on WARMUP_SENDS_N clients (window + burst): code that runs once per call rather than once per
# delivery (the CAP request, the handler, the broadcast's set-up) reaches the optimising compiler
# only after several thousand calls, which 1000-client cycles of K=WARMUP do not make.
# Node gets the same warm-up.
# Rounds rotate over the servers (round 1: all servers, round 2: all servers, ...); the table
# shows the median of the rounds and every round's server CPU per delivery.
#
# Environment (defaults in brackets):
#   ROUNDS [3]  SERVERS ["java-ws java-sio node-ws node-sio"]  SCENARIOS ["1000x200 200x1000"]
#   WARMUP [100; 0: none]  WARMUP_N [1000]  WARMUP_CYCLES [5]  WARMUP_SENDS [4000; 0: none]
#   WARMUP_SENDS_N [20]  BUILD [1: build the jar and npm ci; 0: reuse]  OUT [bench/results/<utc time>]
#   BENCH_COMMIT [git HEAD]: the commit recorded in machine.txt (for runs from an exported tree)
#   JAVA_OPTS [-Xmx512m]  HTTP_PORT [8090]  SIO_PORT [8091]  NODE_PORT [4100]
#   QUIET_PCT [20]  QUIET_WAIT [30]: before each server start wait (at most QUIET_WAIT s) until the
#   machine's CPUs are less than QUIET_PCT % busy; the client also reports, per phase, how much
#   CPU other processes took (column "other CPU"), since this box may be shared.
# Usage:  bench/run.sh            (about 25 minutes on a 2-core machine)
#         ROUNDS=1 SERVERS=java-ws SCENARIOS=200x200 WARMUP_CYCLES=1 bench/run.sh  (a quick check)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
ROUNDS=${ROUNDS:-3}
SERVERS=${SERVERS:-"java-ws java-sio node-ws node-sio"}
SCENARIOS=${SCENARIOS:-"1000x200 200x1000"}
WARMUP=${WARMUP:-100}
WARMUP_N=${WARMUP_N:-1000}
WARMUP_CYCLES=${WARMUP_CYCLES:-5}
WARMUP_SENDS=${WARMUP_SENDS:-4000}
WARMUP_SENDS_N=${WARMUP_SENDS_N:-20}
BUILD=${BUILD:-1}
OUT=${OUT:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
HTTP_PORT=${HTTP_PORT:-8090}
SIO_PORT=${SIO_PORT:-8091}
NODE_PORT=${NODE_PORT:-4100}
QUIET_PCT=${QUIET_PCT:-20}
QUIET_WAIT=${QUIET_WAIT:-30}
JAR=$BENCH_DIR/target/bench.jar
# The Java servers' arguments and readiness check (java_server_args, java_server_ready). Java
# socket.io there: one client sends a whole burst, so its per-socket queue (default 100 waiting
# calls, then error 503 by design) and the worker queue (default 1000) hold 5000 calls.
# shellcheck source=java-server.sh
source "$BENCH_DIR/java-server.sh"

SERVER_PID=""
log() { echo "[run $(date -u +%H:%M:%S)] $*" >&2; }

# Stops the server this script started (only that PID): TERM, then KILL after 20 s.
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Fails if something else already listens on a port we need (never kill what we did not start).
require_free_port() {
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; then
    log "port $1 is in use by another process; set HTTP_PORT/SIO_PORT/NODE_PORT"; exit 1
  fi
}

# Waits (at most 120 s) until $1 answers HTTP at all; fails early if the server died.
wait_ready() {
  for _ in $(seq 1 240); do
    kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited, see $LOG"; tail -20 "$LOG" >&2; exit 1; }
    code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$1" || true)
    [ "$code" != "000" ] && return 0
    sleep 0.5
  done
  log "server not ready after 120 s, see $LOG"; exit 1
}

# Busy share (%) of all CPUs over the next 2 s, from /proc/stat.
busy_pct() {
  local a b
  a=$(head -1 /proc/stat); sleep 2; b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); busy = 0; total = 0
    for (i = 2; i <= 9; i++) { d = y[i] - x[i]; total += d; if (i != 5 && i != 6) busy += d }
    printf "%d", total ? 100 * busy / total : 0 }'
}

# Waits until the machine is quiet (other builds or tests distort every number), bounded.
wait_quiet() {
  local waited=0 pct
  while pct=$(busy_pct) && [ "$pct" -ge "$QUIET_PCT" ] && [ $waited -lt "$QUIET_WAIT" ]; do
    [ $waited = 0 ] && log "machine ${pct}% busy; waiting up to ${QUIET_WAIT} s for < ${QUIET_PCT}%"
    waited=$((waited + 2))
  done
  [ "$pct" -ge "$QUIET_PCT" ] && log "still ${pct}% busy; measuring anyway (see column other CPU)"
  return 0
}

# Starts server $1; sets SERVER_PID and the load client's KIND and BASE.
start_server() {
  LOG=$OUT/$1-round$2.log
  case $1 in
    java-ws|java-sio|java-sio-same)
      require_free_port "$HTTP_PORT"; [ "$1" = java-sio ] && require_free_port "$SIO_PORT"
      java_server_args "$1"
      # shellcheck disable=SC2086 # JAVA_OPTS is a word list
      java $JAVA_OPTS -jar "$JAR" "${JAVA_SERVER_ARGS[@]}" >"$LOG" 2>&1 &
      SERVER_PID=$!
      for _ in $(seq 1 240); do
        kill -0 "$SERVER_PID" 2>/dev/null || { log "server exited, see $LOG"; tail -20 "$LOG" >&2; exit 1; }
        java_server_ready && break
        sleep 0.5
      done ;;
    node-ws|node-sio)
      local kind=ws
      [ "$1" = node-sio ] && kind=socket.io
      require_free_port "$NODE_PORT"
      # exec: the PID we record is the node server itself (its CPU is what we measure)
      (cd "$BENCH_DIR/node-reference" && PORT=$NODE_PORT CDS_WEBSOCKET_KIND=$kind \
        exec node node_modules/@sap/cds/bin/serve.js) >"$LOG" 2>&1 &
      SERVER_PID=$!
      KIND=$kind BASE=ws://127.0.0.1:$NODE_PORT
      wait_ready "http://127.0.0.1:$NODE_PORT/" ;;
    *) log "unknown server $1"; exit 1 ;;
  esac
  sleep 2 # let start-up work (JIT, GC, lazy initialisation) calm down
}

mkdir -p "$OUT"
if [ "$BUILD" = 1 ]; then
  log "building the bench jar (mvn package -pl bench -am, tests skipped)"
  mvn -B -q -f "$REPO_DIR/pom.xml" package -pl bench -am -Dmaven.test.skip=true >"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log" >&2; exit 1; }
  log "installing the Node reference (npm ci)"
  (cd "$BENCH_DIR/node-reference" && npm ci --no-audit --no-fund) >"$OUT/npm.log" 2>&1 \
    || { tail -30 "$OUT/npm.log" >&2; exit 1; }
fi

# What the numbers were taken on
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: ${BENCH_COMMIT:-$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "node: $(node --version)"
  echo "cds (node reference): $(node -p "require('$BENCH_DIR/node-reference/node_modules/@sap/cds/package.json').version")"
  echo "websocket plugin: $(node -p "require('$BENCH_DIR/node-reference/node_modules/@cap-js-community/websocket/package.json').version")"
  echo "rounds: $ROUNDS servers: $SERVERS scenarios: $SCENARIOS warmup: $WARMUP_CYCLES x ${WARMUP_N}x$WARMUP + ${WARMUP_SENDS_N}x$WARMUP_SENDS java opts: $JAVA_OPTS"
} | tee "$OUT/machine.txt" >&2

started=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
  for server in $SERVERS; do
    wait_quiet
    log "round $round: starting $server"
    start_server "$server" "$round"
    if [ "$WARMUP" -gt 0 ]; then
      # the warm-up connects its own clients, so the measured scenarios connect warm (issue 14
      # compares warm connects); its figures go to warmup.jsonl, not into the table
      for cycle in $(seq 1 "$WARMUP_CYCLES"); do
        log "round $round: $server warm-up $cycle/$WARMUP_CYCLES N=$WARMUP_N K=$WARMUP"
        node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench \
          --n "$WARMUP_N" --k "$WARMUP" --pid "$SERVER_PID" --label "$server" --round "$round" \
          >>"$OUT/warmup.jsonl" 2>>"$OUT/client.log" || log "warm-up exited with $? (see client.log)"
        sleep 2
      done
    fi
    if [ "$WARMUP_SENDS" -gt 0 ]; then
      log "round $round: $server warm-up of the per-call code N=$WARMUP_SENDS_N K=$WARMUP_SENDS"
      node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench \
        --n "$WARMUP_SENDS_N" --k "$WARMUP_SENDS" --pid "$SERVER_PID" --label "$server" \
        --round "$round" >>"$OUT/warmup.jsonl" 2>>"$OUT/client.log" \
        || log "warm-up exited with $? (see client.log)"
      sleep 2
    fi
    for scenario in $SCENARIOS; do
      phases=window,burst
      if [[ $scenario == *:* ]]; then phases=${scenario#*:} scenario=${scenario%%:*}; fi
      n=${scenario%x*} k=${scenario#*x}
      log "round $round: $server N=$n K=$k ($phases)"
      # a failed run (losses, timeouts) is recorded in the JSON and the table; go on with the rest
      node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench \
        --n "$n" --k "$k" --phases "$phases" --pid "$SERVER_PID" --label "$server" --round "$round" \
        >>"$OUT/runs.jsonl" 2>>"$OUT/client.log" || log "fanout exited with $? (see client.log)"
      sleep 2 # closed sockets are cleaned up before the next scenario connects
    done
    stop_server
  done
done
log "finished in $(( $(date +%s) - started )) s; results in $OUT"

node "$BENCH_DIR/load/report.js" "$OUT/runs.jsonl" | tee "$OUT/table.md"
node "$BENCH_DIR/load/chart.js" "$OUT/runs.jsonl" > "$OUT/chart.svg"
log "chart: $OUT/chart.svg"
