# Sourced by run.sh, profile.sh and heap-per-connection.sh: how one Java bench server is started and
# when it is ready, in one place.
#
#   java_server_args <server>      sets JAVA_SERVER_ARGS (the jar's arguments), KIND and BASE (what
#                                  fanout.js needs) for server java-ws | java-sio | java-sio-same
#   java_server_ready              whether the server started with those arguments answers yet
#   start_java_server <server> <log file> [extra server arguments...]
#                                  starts it, sets PID (the java process, stopped on EXIT) and
#                                  waits; exits with the log's tail if the server dies while starting
#
# Uses JAR, JAVA_OPTS, HTTP_PORT, SIO_PORT.
java_server_args() {
  local queues=(--cds.websocket.options.session-queue-size=5000
    --cds.websocket.options.worker-queue-size=5000)
  case $1 in
    java-ws) JAVA_SERVER_ARGS=(--cds.websocket.kind=ws) KIND=ws BASE=ws://127.0.0.1:$HTTP_PORT ;;
    java-sio) JAVA_SERVER_ARGS=(--cds.websocket.kind=socket.io --cds.websocket.port="$SIO_PORT"
      "${queues[@]}") KIND=socket.io BASE=ws://127.0.0.1:$SIO_PORT ;;
    java-sio-same) JAVA_SERVER_ARGS=(--cds.websocket.kind=socket.io "${queues[@]}")
      KIND=socket.io BASE=ws://127.0.0.1:$HTTP_PORT ;;
    *) echo "unknown server $1" >&2; exit 1 ;;
  esac
  JAVA_SERVER_ARGS=(--server.port="$HTTP_PORT" "${JAVA_SERVER_ARGS[@]}")
}

java_server_ready() {
  local code
  code=$(curl -s -o /dev/null --max-time 2 -u bench:bench -w '%{http_code}' \
    "${BASE/ws:/http:}/socket.io/?EIO=4&transport=polling" || true)
  # kind ws answers any HTTP; socket.io answers 503 until its server started
  { [ "$KIND" = ws ] && [ "$code" != 000 ]; } || [ "$code" = 200 ]
}

start_java_server() {
  local server=$1 log=$2
  shift 2
  java_server_args "$server"
  # shellcheck disable=SC2086 # JAVA_OPTS is a word list
  java $JAVA_OPTS -jar "$JAR" "${JAVA_SERVER_ARGS[@]}" "$@" >"$log" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    java_server_ready && break
    kill -0 $PID 2>/dev/null || { tail -20 "$log" >&2; exit 1; }
    sleep 0.5
  done
  sleep 2
}
