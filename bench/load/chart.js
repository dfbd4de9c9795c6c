#!/usr/bin/env node
/*
 * Turns the JSON lines of fanout.js into an SVG chart (no dependencies, no network): for every
 * scenario (N × K) and phase, one bar per server in two panels, the server CPU per delivery
 * (lower is better) and the deliveries per second (higher is better), each the median over the
 * rounds, as in report.js's table. Warm-up phases are left out.
 *
 * Usage: node chart.js results/<run>/runs.jsonl [title] > chart.svg
 */
"use strict";


const file = process.argv[2];
if (!file) {
  console.error("usage: node chart.js <runs.jsonl> [title] > chart.svg");
  process.exit(2);
}
const title = process.argv[3] || "Broadcast fan-out: medians over the rounds";

const { SERVER_NAMES, readRuns, median } = require("./runs.js");
// colour-blind-safe palette (Okabe–Ito), one colour per server in run order
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

const runs = readRuns(file);
if (!runs.length) {
  console.error(`${file}: no measured phases`);
  process.exit(1);
}

const servers = [...new Set(runs.map((r) => r.label))];
const scenarios = [...new Map(runs.map((r) => [`${r.n}x${r.k}|${r.phase}`, r])).values()]
  .sort((a, b) => b.n - a.n || a.k - b.k || (a.phase === b.phase ? 0 : a.phase === "window" ? -1 : 1))
  .map((r) => ({ key: `${r.n}x${r.k}|${r.phase}`, label: `${r.n} × ${r.k}, ${r.phase === "window" ? "window 1" : "burst"}` }));

/** The median of a metric for one server in one scenario, or null if it was not run. */
function value(server, scenario, metric) {
  return median(runs.filter((r) => r.label === server && `${r.n}x${r.k}|${r.phase}` === scenario.key).map((r) => r[metric]));
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const fmt = (x, digits) =>
  x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

// layout
const BAR = 13;
const GAP = 3;
const GROUP_GAP = 16;
const LABEL_W = 150;
const PANEL_W = 360;
const VALUE_W = 64;
const TOP = 64;
const groupHeight = servers.length * (BAR + GAP) - GAP;
const panelsHeight = scenarios.length * (groupHeight + GROUP_GAP);
const legendTop = TOP + panelsHeight + 8;
const width = LABEL_W + 2 * (PANEL_W + VALUE_W) + 40;
const height = legendTop + servers.length * 18 + 12;

const panels = [
  { metric: "serverUsPerDelivery", heading: "server CPU µs per delivery (lower is better)", digits: 1 },
  { metric: "deliveriesPerSec", heading: "deliveries per second (higher is better)", digits: 0 },
];

const out = [];
out.push(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="Helvetica, Arial, sans-serif" font-size="11">`,
  `<rect width="100%" height="100%" fill="#ffffff"/>`,
  `<text x="12" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`,
);
panels.forEach((panel, p) => {
  const x0 = LABEL_W + p * (PANEL_W + VALUE_W + 20);
  const max = Math.max(...servers.flatMap((s) => scenarios.map((sc) => value(s, sc, panel.metric) || 0)));
  out.push(`<text x="${x0}" y="${TOP - 14}" font-weight="bold">${esc(panel.heading)}</text>`);
  out.push(`<line x1="${x0}" y1="${TOP - 6}" x2="${x0}" y2="${TOP + panelsHeight - GROUP_GAP}" stroke="#888"/>`);
  scenarios.forEach((scenario, g) => {
    const y0 = TOP + g * (groupHeight + GROUP_GAP);
    if (p === 0) {
      out.push(`<text x="12" y="${y0 + groupHeight / 2 + 4}">${esc(scenario.label)}</text>`);
    }
    servers.forEach((server, s) => {
      const v = value(server, scenario, panel.metric);
      const y = y0 + s * (BAR + GAP);
      if (v === null) return;
      const w = max > 0 ? Math.max(1, (v / max) * PANEL_W) : 1;
      out.push(
        `<rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLOURS[s % COLOURS.length]}">` +
          `<title>${esc(SERVER_NAMES[server] || server)}: ${fmt(v, panel.digits)}</title></rect>`,
        `<text x="${(x0 + w + 4).toFixed(1)}" y="${y + BAR - 2}">${fmt(v, panel.digits)}</text>`,
      );
    });
  });
});
servers.forEach((server, s) => {
  const y = legendTop + s * 18;
  out.push(
    `<rect x="${LABEL_W}" y="${y}" width="12" height="12" fill="${COLOURS[s % COLOURS.length]}"/>`,
    `<text x="${LABEL_W + 18}" y="${y + 10}">${esc(SERVER_NAMES[server] || server)}</text>`,
  );
});
out.push("</svg>");
console.log(out.join("\n"));
