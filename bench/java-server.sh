# Sourced by profile.sh and heap-per-connection.sh: starts one Java bench server and waits for it.
#
#   start_java_server <server> <log file> [extra server arguments...]
#     server: java-ws | java-sio | java-sio-same (as in run.sh)
#
# Uses JAR, JAVA_OPTS, HTTP_PORT, SIO_PORT; sets PID (the java process, stopped on EXIT), KIND
# and BASE (what fanout.js needs). Exits with the log's tail if the server dies while starting.
start_java_server() {
  local server=$1 log=$2 args
  shift 2
  local queues=(--cds.websocket.options.session-queue-size=5000
    --cds.websocket.options.worker-queue-size=5000)
  case $server in
    java-ws) args=(--cds.websocket.kind=ws) KIND=ws BASE=ws://127.0.0.1:$HTTP_PORT ;;
    java-sio) args=(--cds.websocket.kind=socket.io --cds.websocket.port="$SIO_PORT" "${queues[@]}")
      KIND=socket.io BASE=ws://127.0.0.1:$SIO_PORT ;;
    java-sio-same) args=(--cds.websocket.kind=socket.io "${queues[@]}")
      KIND=socket.io BASE=ws://127.0.0.1:$HTTP_PORT ;;
    *) echo "unknown server $server" >&2; exit 1 ;;
  esac
  # shellcheck disable=SC2086 # JAVA_OPTS is a word list
  java $JAVA_OPTS -jar "$JAR" --server.port="$HTTP_PORT" "${args[@]}" "$@" >"$log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  local code
  for _ in $(seq 1 240); do
    code=$(curl -s -o /dev/null --max-time 2 -u bench:bench -w '%{http_code}' \
      "${BASE/ws:/http:}/socket.io/?EIO=4&transport=polling" || true)
    # kind ws answers any HTTP; socket.io answers 503 until its server started
    { [ "$KIND" = ws ] && [ "$code" != 000 ]; } || [ "$code" = 200 ] && break
    kill -0 $PID 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
    sleep 0.5
  done
  sleep 2
}
