#!/usr/bin/env bash
# Live heap per idle connection: class histograms (jcmd GC.class_histogram, which runs a full GC)
# taken right before and right after N clients connect, after a warm-up on other clients.
#
#   bench/heap-per-connection.sh <server> [N] [extra server arguments...]
#     server: java-ws | java-sio | java-sio-same (as in run.sh)
#
# Prints the growth per connection in total and the largest classes. RSS per connection (what
# run.sh reports) follows the heap only loosely: the JVM keeps heap it once touched. Stops the server
# by the PID it started. Environment: JAR [bench/target/bench.jar], JAVA_OPTS [-Xmx512m],
# HTTP_PORT [8090], SIO_PORT [8091].
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SERVER=${1:?server: java-ws | java-sio | java-sio-same}
N=${2:-1000}
shift $(($# < 2 ? $# : 2))
JAR=${JAR:-$BENCH_DIR/target/bench.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
HTTP_PORT=${HTTP_PORT:-8090}
SIO_PORT=${SIO_PORT:-8091}
OUT=$(mktemp -d)

# shellcheck source=java-server.sh
source "$BENCH_DIR/java-server.sh"
start_java_server "$SERVER" "$OUT/server.log" "$@"

FANOUT=(node "$BENCH_DIR/load/fanout.js" --kind "$KIND" --base "$BASE" --path /ws/bench --pid "$PID")
"${FANOUT[@]}" --n 1000 --k 50 >/dev/null 2>&1 # warm-up on other clients
cat >"$OUT/hook.sh" <<EOF
#!/usr/bin/env bash
case \$1 in
  connect-start) jcmd $PID GC.class_histogram >"$OUT/before.txt" ;;
  connect-end) jcmd $PID GC.class_histogram >"$OUT/after.txt" ;;
esac
EOF
chmod +x "$OUT/hook.sh"
"${FANOUT[@]}" --n "$N" --k 1 --phases window --hook "$OUT/hook.sh" 2>&1 >/dev/null | grep connected
node - "$OUT/before.txt" "$OUT/after.txt" "$N" <<'EOF'
const fs = require("fs");
const [before, after, n] = process.argv.slice(2);
const read = (file) => {
  const classes = new Map();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const m = line.match(/^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/);
    if (m) classes.set(m[3], { count: Number(m[1]), bytes: Number(m[2]) });
  }
  return classes;
};
const b = read(before);
const rows = [...read(after)].map(([name, a]) => {
  const o = b.get(name) || { count: 0, bytes: 0 };
  return { name, bytes: (a.bytes - o.bytes) / n, count: (a.count - o.count) / n };
});
const total = rows.reduce((s, r) => s + r.bytes, 0);
console.log(`live heap growth per connection: ${(total / 1024).toFixed(1)} KiB (N=${n})`);
rows.sort((x, y) => y.bytes - x.bytes).slice(0, 12)
  .forEach((r) => console.log(`${r.bytes.toFixed(0).padStart(8)} B ${r.count.toFixed(2).padStart(6)}/conn  ${r.name}`));
EOF
