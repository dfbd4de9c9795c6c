#!/usr/bin/env bash
# CPU profile of one stage of the fan-out benchmark with async-profiler (from Maven Central, loaded
# into the running server with jcmd JVMTI.agent_load, so only that stage is sampled).
#
#   bench/profile.sh <server> <stage> [N] [K]
#     server: java-ws | java-sio | java-sio-same (as in run.sh)
#     stage:  connect | window | burst
#
# Starts the server from bench/target/bench.jar (build it with run.sh or
#   mvn -B package -pl bench -am -Dmaven.test.skip=true), warms it up as run.sh does (WARMUP_CYCLES
# [5] times N=1000, window + burst K=100, its own clients, then WARMUP_SENDS [4000] calls on
# WARMUP_SENDS_N [20] clients), then runs one fan-out scenario (N, K: 1000, 200) and samples the stage
# only. Writes bench/results/profile-<server>-<stage>-<time>/ with the collapsed stacks
# (profile.collapsed, one line per stack and its samples), the share of samples per component
# (components.txt, from load/profile-summary.js) and the fanout output. Stops the server by the
# PID it started. Environment: JAR [bench/target/bench.jar], JAVA_OPTS [-Xmx512m],
# HTTP_PORT [8090], SIO_PORT [8091], AP_VERSION [4.1], INTERVAL [1ms], EVENT [cpu; itimer where
# perf events are not allowed].
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SERVER=${1:?server: java-ws | java-sio | java-sio-same}
STAGE=${2:?stage: connect | window | burst}
N=${3:-1000}
K=${4:-200}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
HTTP_PORT=${HTTP_PORT:-8090}
SIO_PORT=${SIO_PORT:-8091}
AP_VERSION=${AP_VERSION:-4.1}
INTERVAL=${INTERVAL:-1ms}
EVENT=${EVENT:-cpu}
OUT=$BENCH_DIR/results/profile-$SERVER-$STAGE-$(date -u +%Y%m%dT%H%M%SZ)
JAR=${JAR:-$BENCH_DIR/target/bench.jar}
mkdir -p "$OUT"

# async-profiler's native library, from its Maven Central jar
AP_JAR=$HOME/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar
if [ ! -f "$AP_JAR" ]; then
  mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64" >&2
fi
unzip -q -o -j "$AP_JAR" linux-x64/libasyncProfiler.so -d "$OUT"
LIB=$OUT/libasyncProfiler.so

# shellcheck source=java-server.sh
source "$BENCH_DIR/java-server.sh"
start_java_server "$SERVER" "$OUT/server.log"

FANOUT=(node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench --pid "$PID"
  --settle-ms "${SETTLE_MS:-3000}")
for cycle in $(seq 1 "${WARMUP_CYCLES:-5}"); do
  echo "warm-up $cycle" >&2
  "${FANOUT[@]}" --n 1000 --k "${WARMUP:-100}" >>"$OUT/warmup.jsonl" 2>>"$OUT/client.log"
  sleep 2
done
if [ "${WARMUP_SENDS:-4000}" -gt 0 ]; then # the per-call code, as run.sh does
  "${FANOUT[@]}" --n "${WARMUP_SENDS_N:-20}" --k "${WARMUP_SENDS:-4000}" >>"$OUT/warmup.jsonl" 2>>"$OUT/client.log"
  sleep 2
fi

# the hook fanout.js calls at each stage: start the profiler at <stage>-start, dump at <stage>-end
HOOK=$OUT/hook.sh
cat >"$HOOK" <<EOF
#!/usr/bin/env bash
case \$1 in
  $STAGE-start) jcmd $PID JVMTI.agent_load "$LIB" '"start,event=$EVENT,interval=$INTERVAL"' >/dev/null ;;
  $STAGE-end) jcmd $PID JVMTI.agent_load "$LIB" '"stop,file=$OUT/profile.collapsed,collapsed"' >/dev/null ;;
esac
EOF
chmod +x "$HOOK"
echo "profiling $STAGE of $SERVER, N=$N K=$K" >&2
"${FANOUT[@]}" --n "$N" --k "$K" --hook "$HOOK" >"$OUT/runs.jsonl" 2>>"$OUT/client.log"
[ -s "$OUT/profile.collapsed" ] || { echo "no profile written; see $OUT/server.log" >&2; exit 1; }
node "$BENCH_DIR/load/profile-summary.js" "$OUT/profile.collapsed" | tee "$OUT/components.txt"
echo "profile: $OUT" >&2
