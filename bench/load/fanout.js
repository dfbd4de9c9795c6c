#!/usr/bin/env node
/*
 * Fan-out load client for the cds-websocket benchmark.
 *
 * Connects N clients (Basic auth) to one BenchService endpoint, waits until every client is
 * connected, then lets client #0 call `send` K times and counts who receives which `received`
 * event. Phases:
 *   window  - window 1: the next `send` leaves only after all N clients received the previous one
 *   burst   - all K `send` calls are written in one tick
 *   connect - nothing after the connect phase: "--phases connect" prints one JSON line for it
 * An optional warm-up (window then burst, --warmup K) runs first and is reported as such.
 *
 * Kinds:
 *   ws         raw RFC 6455 text frames {"event":"send","data":{"text":...}} on <base><path>
 *   socket.io  a raw Engine.IO 4 / Socket.IO 5 client over websocket on <base>/socket.io/,
 *              namespace <path>: CONNECT "40<ns>,", EVENT "42<ns>,[...]", answers ping "2" with "3"
 *
 * Per phase it prints one JSON line to stdout: deliveries (verified per client and per message),
 * losses, duplicates, closes, wall time, deliveries/s, latency p50/p99 (client #0's send to each
 * client's receipt, same process clock), in window 1 the fan-out time of each send (until the
 * last client had it: p10, p50, p90, p99, max) and server CPU per delivery (utime+stime delta of
 * /proc/<pid>/stat over the phase, in clock ticks of 10 ms, divided by deliveries).
 * Every wait is bounded (connect, per-phase total, per-phase idle).
 *
 * Usage:
 *   node fanout.js --kind ws --base ws://127.0.0.1:8090 --path /ws/bench --n 1000 --k 1000 \
 *                  --pid <server pid> [--warmup 300] [--phases window,burst] [--label java-ws]
 *                  [--hook <command run with the stage name, see hook()>]
 */
"use strict";

const { execSync } = require("child_process");
const fs = require("fs");
const { performance } = require("perf_hooks");
const WebSocket = require("ws"); // from the repository root's node_modules (devDependency)

// ---------------------------------------------------------------------------------------------
// options

const DEFAULTS = {
  kind: "ws",
  base: "ws://127.0.0.1:8090",
  path: "/ws/bench",
  n: 200,
  k: 200,
  warmup: 0,
  phases: "window,burst",
  pid: 0,
  user: "bench:bench",
  label: "",
  round: 0,
  connectConcurrency: 50,
  connectTimeoutMs: 60_000,
  phaseTimeoutMs: 180_000,
  idleTimeoutMs: 15_000,
  settleMs: 1_000,
  hook: "",
};

function parseArgs(argv) {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    let [key, value] = arg.slice(2).split(/=(.*)/s);
    if (value === undefined) value = argv[++i];
    key = key.replace(/-([a-z])/g, (_, c) => c.toUpperCase()); // connect-timeout-ms -> connectTimeoutMs
    if (!(key in DEFAULTS)) throw new Error(`unknown option --${key}`);
    options[key] = typeof DEFAULTS[key] === "number" ? Number(value) : value;
  }
  if (!["ws", "socket.io"].includes(options.kind)) throw new Error(`unknown kind ${options.kind}`);
  return options;
}

const opt = parseArgs(process.argv.slice(2));
const log = (...args) => console.error(`[fanout ${opt.label || opt.kind}]`, ...args);

// ---------------------------------------------------------------------------------------------
// server CPU from /proc/<pid>/stat

const CLOCK_TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

/** Resident set size of the server in MiB (VmRSS of /proc/<pid>/status), or null without a pid. */
function serverRssMiB() {
  if (!opt.pid) return null;
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${opt.pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

/** The 1-minute load average, to spot runs disturbed by other work on the machine. */
function loadAverage() {
  return Number(fs.readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

/**
 * Busy clock ticks of the whole machine (all CPUs) from the first line of /proc/stat. Minus the
 * server's and this client's CPU it gives the CPU that other processes took during a phase.
 */
function machineBusyTicks() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return f[0] + f[1] + f[2] + f[5] + f[6] + f[7]; // user nice system irq softirq steal
}

const CPUS = require("os").cpus().length;

/** utime + stime of the server process (all threads) in clock ticks, or null without a pid. */
function serverTicks() {
  if (!opt.pid) return null;
  const stat = fs.readFileSync(`/proc/${opt.pid}/stat`, "utf8");
  // fields after the command name, which is in parentheses and may contain spaces
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // fields 14 and 15 of proc(5)
}

// ---------------------------------------------------------------------------------------------
// wire format per kind

const SIO = opt.kind === "socket.io";
const url = SIO ? `${opt.base}/socket.io/?EIO=4&transport=websocket` : `${opt.base}${opt.path}`;
const SIO_CONNECT = `40${opt.path},`;
const SIO_EVENT_PREFIX = `42${opt.path},`;
const authorization = "Basic " + Buffer.from(opt.user).toString("base64");

/** The frame that calls `send(text)`; text is "<phase>.<seq>". */
function sendFrame(text) {
  return SIO
    ? `${SIO_EVENT_PREFIX}["send",{"text":"${text}"}]`
    : `{"event":"send","data":{"text":"${text}"}}`;
}

const TEXT_MARKER = Buffer.from('"text":"');
const DOT = 0x2e;
const QUOTE = 0x22;

/**
 * Reads "<phase>.<seq>" after "text":" straight from the frame bytes (no JSON parse: the client
 * shares the 2 cores with the server, so it must stay cheap). Returns false if absent.
 */
function readText(buf, out) {
  let i = buf.indexOf(TEXT_MARKER);
  if (i < 0) return false;
  i += TEXT_MARKER.length;
  let phase = 0;
  for (; i < buf.length && buf[i] !== DOT; i++) phase = phase * 10 + (buf[i] - 48);
  let seq = 0;
  for (i++; i < buf.length && buf[i] !== QUOTE; i++) seq = seq * 10 + (buf[i] - 48);
  out.phase = phase;
  out.seq = seq;
  return true;
}

// ---------------------------------------------------------------------------------------------
// clients

const clients = [];
let current = null; // the running phase, or null
const counters = { closes: 0, errors: 0, other: 0, stale: 0, pings: 0, connectErrors: 0 };
const parsed = { phase: 0, seq: 0 };

function onFrame(client, data) {
  if (SIO) {
    const type = data[0];
    if (type === 0x32 /* "2" ping */) {
      counters.pings++;
      client.ws.send("3");
      return;
    }
    if (type === 0x30 /* "0" open */) {
      client.ws.send(SIO_CONNECT);
      return;
    }
    if (type !== 0x34 /* "4" message */) {
      counters.other++;
      return;
    }
    const packet = data[1];
    if (packet === 0x30 /* "0" CONNECT ok */) return client.ready();
    if (packet === 0x34 /* "4" CONNECT_ERROR */) return client.fail(new Error(String(data)));
    if (packet !== 0x32 /* "2" EVENT */) {
      if (packet !== 0x33 /* "3" ACK */) counters.other++;
      return;
    }
  }
  if (!readText(data, parsed)) {
    counters.other++;
    return;
  }
  if (!current || parsed.phase !== current.id) {
    counters.stale++;
    return;
  }
  current.receive(client.id, parsed.seq);
}

/** Opens one client; resolves when it can receive events (ws: open, socket.io: CONNECT ok). */
function connect(id) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: { authorization },
      perMessageDeflate: false,
      skipUTF8Validation: true,
      handshakeTimeout: opt.connectTimeoutMs,
    });
    const client = { id, ws, open: false, settled: false };
    client.ready = () => {
      if (client.settled) return;
      client.settled = client.open = true;
      resolve(client);
    };
    client.fail = (err) => {
      if (client.settled) return;
      client.settled = true;
      counters.connectErrors++;
      ws.terminate();
      reject(err);
    };
    ws.on("message", (data) => onFrame(client, data));
    ws.on("unexpected-response", (_req, res) =>
      client.fail(new Error(`client ${id}: HTTP ${res.statusCode} on upgrade`)),
    );
    ws.on("error", (err) => {
      counters.errors++;
      client.fail(err);
    });
    ws.on("close", (code) => {
      if (client.open) {
        client.open = false;
        counters.closes++;
        if (current) current.closed(code);
      }
      client.fail(new Error(`client ${id}: closed (${code}) before it was ready`));
    });
    if (!SIO) ws.on("open", client.ready);
  });
}

/** Connects N clients, at most connectConcurrency handshakes at a time, within connectTimeoutMs. */
async function connectAll(n) {
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const id = next++;
      clients[id] = await connect(id);
    }
  };
  const workers = Array.from({ length: Math.min(opt.connectConcurrency, n) }, worker);
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error("connect timeout")), opt.connectTimeoutMs).unref(),
  );
  await Promise.race([Promise.all(workers), timeout]);
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// phases

let phaseCounter = 0;

/**
 * Runs one phase and resolves with its result. window: send seq i+1 once all N got seq i;
 * burst: send all K at once. Ends when N*K deliveries arrived, or on the total / idle timeout.
 */
function runPhase(mode, k, warmup) {
  const n = clients.length;
  const sender = clients[0];
  return new Promise((resolve) => {
    const phase = {
      id: ++phaseCounter,
      sentAt: new Float64Array(k),
      perSeq: new Uint32Array(k),
      got: new Uint8Array(n * k),
      latencies: new Float64Array(n * k),
      fanOuts: new Float64Array(k), // per send: until the last of the N clients had it
      fanOutCount: 0,
      delivered: 0,
      duplicates: 0,
      closes: 0,
      nextSeq: 0,
      lastProgress: 0,
      done: false,
    };
    const expected = n * k;
    const send = (seq) => {
      phase.sentAt[seq] = performance.now();
      sender.ws.send(sendFrame(`${phase.id}.${seq}`));
    };
    phase.receive = (clientId, seq) => {
      const now = performance.now();
      const slot = clientId * k + seq;
      if (seq >= k || phase.got[slot]) {
        phase.duplicates++;
        return;
      }
      phase.got[slot] = 1;
      phase.latencies[phase.delivered++] = now - phase.sentAt[seq];
      phase.lastProgress = now;
      if (++phase.perSeq[seq] === n) {
        phase.fanOuts[phase.fanOutCount++] = now - phase.sentAt[seq];
        if (mode === "window" && phase.nextSeq < k) send(phase.nextSeq++);
      }
      if (phase.delivered === expected) finish(false);
    };
    phase.closed = () => phase.closes++;

    const load1 = loadAverage();
    const cpu0 = process.cpuUsage();
    const ticks0 = serverTicks();
    const busy0 = machineBusyTicks();
    const t0 = performance.now();
    phase.lastProgress = t0;
    current = phase;
    if (mode === "window") {
      send(phase.nextSeq++);
    } else {
      for (; phase.nextSeq < k; ) send(phase.nextSeq++);
    }

    // bounded waits: total phase time and time without any delivery
    const watchdog = setInterval(() => {
      const now = performance.now();
      if (now - t0 > opt.phaseTimeoutMs || now - phase.lastProgress > opt.idleTimeoutMs) {
        finish(true);
      }
    }, 250);

    function finish(timedOut) {
      if (phase.done) return;
      phase.done = true;
      const tEnd = timedOut ? phase.lastProgress : performance.now();
      const ticks1 = serverTicks();
      const busy1 = machineBusyTicks();
      const cpu = process.cpuUsage(cpu0);
      clearInterval(watchdog);
      current = null;
      const lat = phase.latencies.subarray(0, phase.delivered).sort();
      const pct = (p) => percentile(lat, p);
      const wallMs = tEnd - t0;
      const fanOuts = phase.fanOuts.subarray(0, phase.fanOutCount).sort();
      const fanOutPct = (p) => round(percentile(fanOuts, p), 1);
      const serverCpuMs = ticks0 === null ? null : (ticks1 - ticks0) * CLOCK_TICK_MS;
      const clientCpuMs = (cpu.user + cpu.system) / 1000;
      // CPU used by anything but server and client (other work on the machine disturbs the run)
      const otherCpuMs = Math.max(0, (busy1 - busy0) * CLOCK_TICK_MS - (serverCpuMs || 0) - clientCpuMs);
      resolve({
        label: opt.label,
        round: opt.round,
        kind: opt.kind,
        phase: mode,
        warmup,
        n,
        k,
        expected,
        delivered: phase.delivered,
        lost: expected - phase.delivered,
        duplicates: phase.duplicates,
        closes: phase.closes,
        timedOut,
        sent: phase.nextSeq,
        wallMs: round(wallMs, 1),
        deliveriesPerSec: Math.round(phase.delivered / (wallMs / 1000)),
        p50Ms: round(pct(0.5), 2),
        p99Ms: round(pct(0.99), 2),
        maxMs: round(lat.length ? lat[lat.length - 1] : null, 2),
        // window 1: how long each send took to reach all N clients (p10, p50, p90, p99, max)
        fanOutMs: mode === "window" ? [0.1, 0.5, 0.9, 0.99, 1].map(fanOutPct) : undefined,
        serverCpuMs,
        serverUsPerDelivery:
          serverCpuMs === null || !phase.delivered ? null : round((serverCpuMs * 1000) / phase.delivered, 3),
        clientUsPerDelivery: phase.delivered ? round((cpu.user + cpu.system) / phase.delivered, 3) : null,
        otherCpuPct: round((100 * otherCpuMs) / (wallMs * CPUS), 1),
        serverRssMiB: serverRssMiB(),
        load1,
      });
    }
  });
}

/** The value at share p (0..1) of an ascending array, or null when it is empty. */
function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null;
}

function round(x, digits) {
  return x === null || x === undefined ? null : Number(x.toFixed(digits));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Closes every client, waiting at most 5 s for the close handshakes, then terminates the rest. */
async function closeAll() {
  const pending = clients.filter((c) => c && c.ws.readyState === WebSocket.OPEN);
  await Promise.race([
    Promise.all(pending.map((c) => new Promise((r) => (c.ws.once("close", r), c.ws.close(1000))))),
    sleep(5_000),
  ]);
  clients.forEach((c) => c && c.ws.terminate());
}

// ---------------------------------------------------------------------------------------------
// main

// --hook <command>: run (synchronously) as `<command> <stage>` at the stages connect-start,
// connect-end, <mode>-start and <mode>-end of measured phases; bench/profile.sh uses it to profile
// exactly one stage. Not timed: the hook runs outside every measured span.
function hook(stage) {
  if (!opt.hook) return;
  execSync(`${opt.hook} ${stage}`, { stdio: ["ignore", "ignore", "inherit"] });
}

async function main() {
  hook("connect-start");
  log(`connecting ${opt.n} clients to ${url}${SIO ? ` namespace ${opt.path}` : ""}`);
  const connectTicks0 = serverTicks();
  const rss0 = serverRssMiB();
  const connectMs = await connectAll(opt.n);
  await sleep(opt.settleMs); // let the server finish registering the last sessions
  // server CPU per connect: the whole connect phase (handshakes, authentication, registration)
  const connectTicks = connectTicks0 === null ? null : serverTicks() - connectTicks0;
  const serverUsPerConnect =
    connectTicks === null ? null : Math.round((connectTicks * CLOCK_TICK_MS * 1000) / opt.n);
  const rss1 = serverRssMiB();
  hook("connect-end");
  const rssKiBPerConnection =
    rss0 === null || rss1 === null ? null : Math.round(((rss1 - rss0) * 1024) / opt.n);
  log(
    `connected ${clients.length} in ${Math.round(connectMs)} ms, server ${serverUsPerConnect} us/connect,` +
      ` RSS +${rssKiBPerConnection} KiB/connection`,
  );

  const plan = [];
  if (opt.warmup > 0) plan.push(["window", opt.warmup, true], ["burst", opt.warmup, true]);
  for (const mode of opt.phases.split(",").map((m) => m.trim())) {
    if (mode !== "connect") plan.push([mode, opt.k, false]);
  }
  if (!plan.some(([, , warmup]) => !warmup)) {
    // --phases connect: the connect phase is the measurement
    const result = { label: opt.label, round: opt.round, kind: opt.kind, phase: "connect", n: opt.n };
    Object.assign(result, { connectMs: Math.round(connectMs), serverUsPerConnect, rssKiBPerConnection });
    console.log(JSON.stringify(result));
  }

  let failed = false;
  for (const [mode, k, warmup] of plan) {
    if (!warmup) hook(`${mode}-start`);
    const result = await runPhase(mode, k, warmup);
    if (!warmup) hook(`${mode}-end`);
    result.connectMs = Math.round(connectMs);
    result.serverUsPerConnect = serverUsPerConnect;
    result.rssKiBPerConnection = rssKiBPerConnection;
    result.stale = counters.stale;
    result.pings = counters.pings;
    console.log(JSON.stringify(result));
    log(
      `${warmup ? "warm-up " : ""}${mode} N=${result.n} K=${k}: ${result.delivered}/${result.expected}` +
        ` in ${result.wallMs} ms, ${result.deliveriesPerSec}/s, p50 ${result.p50Ms} ms,` +
        ` p99 ${result.p99Ms} ms, server ${result.serverUsPerDelivery} us/delivery` +
        (result.lost || result.closes ? `, LOST ${result.lost}, closes ${result.closes}` : ""),
    );
    if (result.lost > 0 || result.timedOut) failed = true;
    await sleep(500); // let stragglers (acks, pings) drain between phases
  }
  await closeAll();
  if (counters.other) log(`${counters.other} frames were neither events nor control packets`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    log(`failed: ${err.message}`);
    await closeAll().catch(() => {});
    process.exit(2);
  },
);
