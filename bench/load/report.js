#!/usr/bin/env node
/*
 * Turns the JSON lines of fanout.js (one per phase and round) into a markdown table: one row per
 * server, scenario and phase, with the median over the rounds. Warm-up phases are left out.
 * The server CPU column also lists every round's value, so the spread is visible.
 *
 * Usage: node report.js results/<run>/runs.jsonl
 */
"use strict";


const file = process.argv[2];
if (!file) {
  console.error("usage: node report.js <runs.jsonl>");
  process.exit(2);
}

const { SERVER_NAMES, readRuns, median } = require("./runs.js");

const runs = readRuns(file);

const fmt = (x, digits = 1) =>
  x === null ? "–" : x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// group by server, scenario, phase, keeping the order in which they first appear
const groups = new Map();
for (const r of runs) {
  const key = `${r.label}|${r.n}x${r.k}|${r.phase}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push(r);
}
// sort: scenario (N descending), phase (window first), then server order as run
const serverOrder = [...new Set(runs.map((r) => r.label))];
const sorted = [...groups.values()].sort(
  (a, b) =>
    b[0].n - a[0].n ||
    a[0].k - b[0].k ||
    (a[0].phase === b[0].phase ? 0 : a[0].phase === "window" ? -1 : 1) ||
    serverOrder.indexOf(a[0].label) - serverOrder.indexOf(b[0].label),
);

const lines = [
  "| N × K | phase | server | server µs/delivery (runs) | deliveries/s | p50 ms | p99 ms | fan-out p50 / p90 / p99 ms | client µs/delivery | delivered (all runs) | closes | other CPU % (max) |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|",
];
for (const group of sorted) {
  const first = group[0];
  const perRun = group
    .slice()
    .sort((a, b) => a.round - b.round)
    .map((r) => fmt(r.serverUsPerDelivery, 1))
    .join(", ");
  const delivered = group.reduce((s, r) => s + r.delivered, 0);
  const expected = group.reduce((s, r) => s + r.expected, 0);
  const closes = group.reduce((s, r) => s + r.closes, 0);
  lines.push(
    `| ${first.n} × ${first.k} | ${first.phase === "window" ? "window 1" : "burst"} | ` +
      `${SERVER_NAMES[first.label] || first.label} | ` +
      `**${fmt(median(group.map((r) => r.serverUsPerDelivery)), 1)}** (${perRun}) | ` +
      `${fmt(median(group.map((r) => r.deliveriesPerSec)), 0)} | ` +
      `${fmt(median(group.map((r) => r.p50Ms)), 1)} | ${fmt(median(group.map((r) => r.p99Ms)), 1)} | ` +
      `${fanOut(group)} | ` +
      `${fmt(median(group.map((r) => r.clientUsPerDelivery)), 1)} | ` +
      `${delivered === expected ? "all" : "**" + fmt(delivered, 0) + "**"} of ${fmt(expected, 0)} | ${closes} | ` +
      `${fmt(Math.max(...group.map((r) => r.otherCpuPct ?? 0)), 0)} |`,
  );
}
console.log(lines.join("\n"));

/** Window 1: medians over the rounds of each send's fan-out time (until the last client had it). */
function fanOut(group) {
  const withFanOut = group.filter((r) => Array.isArray(r.fanOutMs));
  if (withFanOut.length === 0) return "–";
  return [1, 2, 3].map((i) => fmt(median(withFanOut.map((r) => r.fanOutMs[i])), 1)).join(" / ");
}

// the conditions of each measured run: load average, connect time, server memory
const loads = runs.map((r) => r.load1);
console.log(
  `\n${runs.length} measured phases; 1-min load average at phase start ${fmt(Math.min(...loads), 2)}–` +
    `${fmt(Math.max(...loads), 2)}; ` +
    serverOrder
      .map((s) => {
        const rs = runs.filter((r) => r.label === s);
        return `${s}: connect ${fmt(median(rs.filter((r) => r.n === Math.max(...rs.map((x) => x.n))).map((r) => r.connectMs)), 0)} ms for N=${Math.max(...rs.map((x) => x.n))}, RSS ≤ ${fmt(Math.max(...rs.map((r) => r.serverRssMiB || 0)), 0)} MiB`;
      })
      .join("; ") +
    ".",
);

// connect cost per server and N: one value per round (every phase of a round repeats it)
const connectRows = [];
for (const s of serverOrder) {
  const rs = runs.filter((r) => r.label === s && r.serverUsPerConnect != null);
  for (const n of [...new Set(rs.map((r) => r.n))].sort((a, b) => a - b)) {
    const perRound = new Map();
    rs.filter((r) => r.n === n).forEach((r) => perRound.set(`${r.round}`, r));
    const rounds = [...perRound.values()];
    connectRows.push(
      `| ${s} | ${n} | ${fmt(median(rounds.map((r) => r.serverUsPerConnect)), 0)} | ` +
        `${fmt(median(rounds.map((r) => r.rssKiBPerConnection)), 0)} | ${fmt(median(rounds.map((r) => r.connectMs)), 0)} |`,
    );
  }
}
if (connectRows.length > 0) {
  console.log(
    "\n| server | N | server CPU per connect (µs) | RSS growth per connection (KiB) | connect phase (ms) |\n" +
      "|---|---|---|---|---|\n" +
      connectRows.join("\n"),
  );
}
