// Builds the todo page into a folder that Spring Boot serves as static resources.
//
//   node build.mjs --out <dir> [--work <dir>]
//
// The OpenUI5 npm packages hold sources only (themes as .less), so the page is built here:
//   1. The UI5 tooling writes one self-contained bundle (resources/sap-ui-custom.js) with the app,
//      sap.ui.core and the sap.m controls it uses, and prepares sap.ui.core and sap.m (version
//      placeholders, library manifests). Only those tasks run: the tooling's defaults (minify,
//      every theme of every library) take minutes.
//   2. less-openui5 compiles the sap_horizon theme of sap.ui.core and sap.m, the only libraries
//      the page loads; the fonts and images the CSS refers to are copied beside it.
//   3. What UI5 may still fetch at run time is copied: English texts and CLDR data (the page runs
//      in English), library manifests, and the modules of sap.ui.core and sap.m as single files
//      for the few that UI5 loads lazily and the bundle therefore lacks (calendar types, boot
//      endpoints). The browser build of socket.io-client goes to lib/socket.io.min.js.
// A stamp over all inputs skips the build when nothing changed since the last one.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const THEME = "sap_horizon";
const LIBRARIES = ["sap.ui.core", "sap.m"];
const PACKAGES = ["@openui5/sap.ui.core", "@openui5/sap.m", "@openui5/themelib_sap_horizon"];

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index > 0 && process.argv[index + 1]) {
    return path.resolve(process.argv[index + 1]);
  }
  if (fallback) {
    return fallback;
  }
  throw new Error(`Missing --${name} <dir>`);
}

const out = option("out");
const work = option("work", path.join(here, "..", "target", "ui5"));
const libraryPath = (library) => library.replaceAll(".", "/");
const packageDir = (pkg) => path.dirname(require.resolve(`${pkg}/package.json`));
const versionOf = (pkg) => require(`${pkg}/package.json`).version;

async function* filesUnder(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* filesUnder(file);
    } else {
      yield file;
    }
  }
}

/** Copies the files under `from` whose path relative to `from` passes `keep` into `to`. */
async function copyFiles(from, to, keep) {
  if (!existsSync(from)) {
    return;
  }
  for await (const file of filesUnder(from)) {
    const relative = path.relative(from, file).split(path.sep).join("/");
    if (keep(relative)) {
      await cp(file, path.join(to, relative));
    }
  }
}

/** A hash over everything the output depends on: this script, the app, the package versions. */
async function inputStamp() {
  const hash = createHash("sha256");
  const inputs = [fileURLToPath(import.meta.url), path.join(here, "ui5.yaml")];
  for await (const file of filesUnder(path.join(here, "webapp"))) {
    inputs.push(file);
  }
  for (const file of inputs.sort()) {
    hash.update(path.relative(here, file)).update(await readFile(file));
  }
  for (const pkg of [...PACKAGES, "@ui5/cli", "less-openui5", "socket.io-client"]) {
    hash.update(`${pkg}@${versionOf(pkg)}`);
  }
  return hash.digest("hex");
}

/** Step 1: the UI5 tooling, into the work folder. */
function bundle() {
  const args = [
    require.resolve("@ui5/cli/bin/ui5.cjs"),
    "build", "self-contained",
    "--dest", work, "--clean-dest",
    "--include-dependency", ...LIBRARIES,
    "--exclude-task", "*",
    "--include-task", "replaceVersion", "generateLibraryManifest", "generateStandaloneAppBundle",
    "transformBootstrapHtml",
  ];
  const run = spawnSync(process.execPath, args, { cwd: here, encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`ui5 build failed (exit ${run.status ?? run.signal})`);
  }
}

/** Whether a file of the work folder belongs on the page (paths relative to the work folder). */
function servable(file) {
  if (file.endsWith(".map") || file.endsWith("-dbg.js")) {
    return false;
  }
  if (!file.startsWith("resources/")) {
    return true; // the app itself
  }
  const resource = file.slice("resources/".length);
  if (resource === "sap-ui-custom.js") {
    return true;
  }
  if (!LIBRARIES.some((library) => resource.startsWith(`${libraryPath(library)}/`))) {
    return false;
  }
  if (/\/(themes|designtime|test)\//.test(resource)) {
    return false;
  }
  if (resource.includes("/cldr/")) {
    return resource.endsWith("/cldr/en.json");
  }
  if (resource.endsWith(".properties")) {
    return /\/messagebundle(_en)?\.properties$/.test(resource);
  }
  return resource.endsWith(".js") || resource.endsWith(".json");
}

/** Step 2: the theme, compiled from the sources of the npm packages. */
async function compileThemes() {
  const less = require("less-openui5");
  const builder = new less.Builder();
  const rootPaths = PACKAGES.map((pkg) => path.join(packageDir(pkg), "src"));
  for (const library of LIBRARIES) {
    const dir = `${libraryPath(library)}/themes/${THEME}`;
    const result = await builder.build({
      lessInputPath: `${dir}/library.source.less`,
      rootPaths,
      library: { name: library },
      compiler: { compress: true },
    });
    const target = path.join(out, "resources", dir);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "library.css"), result.css);
    await writeFile(path.join(target, "library-parameters.json"), JSON.stringify(result.variables));
  }
  builder.clearCache();
  const themeAsset = (file) =>
    LIBRARIES.some((library) =>
      ["base", THEME].some((theme) => file.startsWith(`${libraryPath(library)}/themes/${theme}/`)),
    ) &&
    !file.endsWith(".less") &&
    !file.includes("/illustrations/");
  for (const root of rootPaths) {
    await copyFiles(root, path.join(out, "resources"), themeAsset);
  }
}

/** Step 3: the rest of what the page fetches. */
async function copyRuntimeFiles() {
  await copyFiles(work, out, servable);
  const libraries = LIBRARIES.map((name) => ({ name, version: versionOf(`@openui5/${name}`) }));
  await writeFile(
    path.join(out, "resources", "sap-ui-version.json"),
    JSON.stringify({ name: "cdswebsocket.todo", version: libraries[0].version, libraries }),
  );
  const socketIo = path.join(packageDir("socket.io-client"), "dist", "socket.io.min.js");
  await mkdir(path.join(out, "lib"), { recursive: true });
  await cp(socketIo, path.join(out, "lib", "socket.io.min.js"));
}

const started = Date.now();
const stamp = await inputStamp();
const stampFile = path.join(out, ".build-stamp");
if (existsSync(stampFile) && (await readFile(stampFile, "utf8")) === stamp) {
  console.log(`UI5 page in ${out} is up to date`);
} else {
  await rm(out, { recursive: true, force: true });
  bundle();
  await copyRuntimeFiles();
  await compileThemes();
  await writeFile(stampFile, stamp);
  console.log(`UI5 page built into ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
