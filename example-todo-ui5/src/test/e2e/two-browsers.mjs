// End-to-end test of the todo page in real headless Chromium: alice and bob in two separate
// browser contexts (two sessions, as two browsers), each logged in on the page itself.
//
//   node two-browsers.mjs <base-url> [screenshot-dir]
//
// Chromium is the system's (CHROMIUM, default /usr/bin/chromium); nothing is downloaded. Every
// wait is bounded; the whole run is bounded by a watchdog. Exit code 0 = passed; on failure the
// reason goes to stderr and screenshots of both pages to the screenshot folder.

import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(import.meta.url));
const { chromium } = require("playwright-core");

const [baseUrl, screenshots] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: node two-browsers.mjs <base-url> [screenshot-dir]");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const WAIT_MS = 20_000;
const WATCHDOG_MS = 150_000;

const watchdog = setTimeout(() => {
  console.error(`e2e: gave up after ${WATCHDOG_MS / 1000} s`);
  process.exit(3);
}, WATCHDOG_MS);

const step = (text) => console.log(`e2e: ${text}`);
const pageErrors = [];

const browser = await chromium.launch({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

/** A fresh browser context (own cookies and storage) with one page, its errors recorded. */
async function openPage(user) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${user}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 500) {
      pageErrors.push(`${user}: HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return page;
}

/** The control whose id ends with `--<id>` (UI5 prefixes ids with component and view). */
const control = (page, id) => page.locator(`[id$="--${id}"]`);

/** The checkbox (role checkbox, state in aria-checked) of the todo with this title. */
const todo = (page, title) => page.locator(".sapMCb", { hasText: title });

/**
 * Fills an input and checks that the text landed there: UI5 sets the dialog's initial focus a
 * little after it opens, and text typed meanwhile can end up in the focused field instead.
 */
async function fillChecked(page, id, value) {
  const input = control(page, id);
  for (let attempt = 0; attempt < 5; attempt++) {
    await input.fill(value);
    if ((await input.inputValue()) === value) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`Could not fill ${id} with "${value}"`);
}

async function login(page, user) {
  await page.goto(baseUrl);
  await control(page, "loginDialog").waitFor();
  await fillChecked(page, "loginUser-inner", user);
  await fillChecked(page, "loginPassword-inner", "wrong");
  await fillChecked(page, "loginUser-inner", user); // the password may have gone into this field
  await control(page, "loginButton").click();
  await control(page, "loginError").filter({ hasText: "Wrong user or password." }).waitFor();
  step(`${user} with a wrong password is refused on the page`);
  await fillChecked(page, "loginUser-inner", user);
  await fillChecked(page, "loginPassword-inner", user);
  await control(page, "loginButton").click();
  await control(page, "loginDialog").waitFor({ state: "hidden" });
  await page.waitForFunction(
    (name) => document.querySelector('[id$="--user"]')?.textContent === name,
    user,
    { timeout: WAIT_MS },
  );
  await page.locator('[id$="--newTitle-inner"]:enabled').waitFor();
  step(`${user} logged in`);
}

async function expectChecked(page, title, checked, who) {
  await page.waitForFunction(
    ([text, state]) =>
      [...document.querySelectorAll(".sapMCb")].some(
        (box) => box.textContent.includes(text) && box.getAttribute("aria-checked") === String(state),
      ),
    [title, checked],
    { timeout: WAIT_MS },
  );
  step(`${who} sees "${title}" ${checked ? "done" : "open"}`);
}

async function themeIsApplied(page) {
  const brand = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue("--sapBrandColor").trim(),
  );
  if (!brand) {
    throw new Error("The sap_horizon theme is not applied (no --sapBrandColor)");
  }
  step(`theme applied (--sapBrandColor ${brand})`);
}

let alice;
let bob;
try {
  alice = await openPage("alice");
  bob = await openPage("bob");
  await login(alice, "alice");
  await login(bob, "bob");
  await themeIsApplied(alice);

  const title = `Water the plants ${Date.now().toString(36)}`;
  await control(alice, "newTitle-inner").fill(title);
  await control(alice, "add").click();
  await todo(alice, title).waitFor();
  step("alice added a todo (acknowledged)");
  await todo(bob, title).waitFor();
  step("bob sees it without reload");
  await expectChecked(bob, title, false, "bob");

  await todo(bob, title).click();
  await expectChecked(bob, title, true, "bob");
  await expectChecked(alice, title, true, "alice");

  await control(alice, "newTitle-inner").fill("");
  await control(alice, "add").click();
  const messageBox = alice.locator(".sapMMessageBox");
  await messageBox.waitFor();
  const error = await messageBox.locator(".sapMText").first().textContent();
  if (!error.includes("Todos:create failed")) {
    throw new Error(`Unexpected error message: ${error}`);
  }
  step(`alice gets the error acknowledgement for an empty title: ${error}`);
  await messageBox.locator("button").first().click();
  await messageBox.waitFor({ state: "detached" });

  await alice.locator("li.sapMLIB", { hasText: title }).locator('[id$="-imgDel"]').click();
  await todo(alice, title).waitFor({ state: "detached" });
  await todo(bob, title).waitFor({ state: "detached" });
  step("alice deleted it; gone on both pages");

  if (pageErrors.length > 0) {
    throw new Error(`Errors on the pages:\n${pageErrors.join("\n")}`);
  }
  console.log("e2e: passed");
} catch (error) {
  console.error(`e2e: FAILED: ${error.message}`);
  if (screenshots) {
    mkdirSync(screenshots, { recursive: true });
    for (const [name, page] of Object.entries({ alice, bob })) {
      await page?.screenshot({ path: path.join(screenshots, `${name}.png`) }).catch(() => {});
    }
    console.error(`e2e: screenshots in ${screenshots}`);
  }
  process.exitCode = 1;
} finally {
  await browser.close();
  clearTimeout(watchdog);
}
