// What report.js and chart.js share: the servers' display names (run.sh's SERVERS), reading the
// measured phases of a runs.jsonl, and the median they report.
"use strict";

const fs = require("fs");

const SERVER_NAMES = {
  "java-ws": "Java cds-websocket, kind ws (Tomcat)",
  "java-sio": "Java cds-websocket, kind socket.io, standalone port (netty-socketio)",
  "java-sio-same": "Java cds-websocket, kind socket.io, app's port (Tomcat → netty-socketio)",
  "node-ws": "Node plugin, kind ws",
  "node-sio": "Node plugin, kind socket.io",
};

/** The measured phases (warm-up phases left out) of a runs.jsonl file. */
function readRuns(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line))
    .filter((r) => !r.warmup);
}

/** Median of the non-null numbers (mean of the middle two for an even count), or null. */
function median(values) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

module.exports = { SERVER_NAMES, readRuns, median };
