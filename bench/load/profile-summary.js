#!/usr/bin/env node
/*
 * Summarises async-profiler collapsed stacks (one line per stack: frames separated by ';', then the
 * sample count) by component, for bench/README.md: where the CPU of one benchmark stage goes.
 *
 *   node profile-summary.js profile.collapsed [--top 15]
 *
 * Two views: "self" charges each sample to the component of the frame that was running (kernel
 * frames to the kernel, JIT/GC threads to the JVM); "inclusive" counts a sample for every
 * component that appears anywhere on its stack (so the rows add up to more than 100 %). Then the
 * hottest leaf frames. No dependencies.
 */
"use strict";

const fs = require("fs");

// First match wins; patterns see frames with '/' or '.' as package separator.
const COMPONENTS = [
  ["kernel", (f) => f.endsWith("_[k]")],
  ["cds-websocket", (f) => /^org[./]cdswebsocket[./]/.test(f)],
  ["netty-socketio", (f) => /^com[./]corundumstudio[./]/.test(f)],
  ["Netty", (f) => /^io[./]netty[./]/.test(f)],
  ["Tomcat WebSocket", (f) => /^org[./]apache[./]tomcat[./]websocket[./]/.test(f)],
  [
    "Tomcat connector/servlet",
    (f) => /^org[./]apache[./](tomcat|coyote|catalina)[./]/.test(f),
  ],
  ["Spring Security", (f) => /^org[./]springframework[./]security[./]/.test(f)],
  ["Spring (other)", (f) => /^org[./]springframework[./]/.test(f)],
  ["CAP Java", (f) => /^com[./]sap[./]cds[./]/.test(f)],
  ["Jackson", (f) => /^com[./]fasterxml[./]/.test(f)],
  ["Redisson", (f) => /^org[./]redisson[./]/.test(f)],
  ["JDK NIO/net", (f) => /^(sun[./]nio|java[./]nio|sun[./]net|java[./]net)[./]/.test(f)],
  ["JDK concurrency", (f) => /^java[./]util[./]concurrent[./]/.test(f)],
  ["JDK other", (f) => /^(java|javax|jdk|sun)[./]/.test(f)],
];

const JVM_THREADS = [
  ["JIT compiler", (f) => /Compile|C2Compiler|C1_|CompileBroker/.test(f)],
  ["GC", (f) => /G1|GC|ConcurrentMark|Parallel|WorkerThread/.test(f)],
];

function componentOf(frame) {
  for (const [name, test] of COMPONENTS) if (test(frame)) return name;
  return null;
}

function main() {
  const args = process.argv.slice(2);
  const file = args[0];
  if (!file) {
    console.error("usage: profile-summary.js <profile.collapsed> [--top N]");
    process.exit(2);
  }
  const top = args.includes("--top") ? Number(args[args.indexOf("--top") + 1]) : 15;
  const self = new Map();
  const inclusive = new Map();
  const leaves = new Map();
  let total = 0;
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const cut = line.lastIndexOf(" ");
    if (cut < 0) continue;
    const samples = Number(line.slice(cut + 1));
    if (!Number.isFinite(samples)) continue;
    const frames = line.slice(0, cut).split(";");
    total += samples;
    let selfName = null;
    for (let i = frames.length - 1; i >= 0 && !selfName; i--) selfName = componentOf(frames[i]);
    if (!selfName) {
      const jvm = JVM_THREADS.find(([, test]) => frames.some(test));
      selfName = jvm ? jvm[0] : "JVM/native other";
    }
    self.set(selfName, (self.get(selfName) || 0) + samples);
    const seen = new Set(frames.map(componentOf).filter(Boolean));
    for (const name of seen) inclusive.set(name, (inclusive.get(name) || 0) + samples);
    const leaf = frames[frames.length - 1];
    leaves.set(leaf, (leaves.get(leaf) || 0) + samples);
  }
  const pct = (n) => ((100 * n) / total).toFixed(1).padStart(5) + " %";
  const table = (title, map, limit) => {
    console.log(`\n${title}`);
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .forEach(([name, n]) => console.log(`  ${pct(n)}  ${name}`));
  };
  console.log(`${total} samples in ${file}`);
  table("self (where the CPU was):", self, 50);
  table("inclusive (on the stack):", inclusive, 50);
  table(`hottest leaf frames (top ${top}):`, leaves, top);
}

main();
