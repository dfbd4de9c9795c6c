// The chat page in real headless Chromium (Debian's chromium, driven by playwright-core; never a
// downloaded browser). Usage: node chat-page.mjs <base url> <expected kind>
// alice and bob log in on two pages; alice's message shows on bob's page; a wrong password is
// refused on the page. Exits non-zero on the first failed step; every wait is bounded.
import { chromium } from "playwright-core";

const [base, kind] = process.argv.slice(2);
const STEP = { timeout: 15000 };
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const watchdog = setTimeout(() => { console.error("e2e: watchdog expired"); process.exit(2); }, 90000);

const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function join(user, password) {
  const page = await (await browser.newContext()).newPage();
  await page.goto(base);
  await page.fill("#user", user);
  await page.fill("#password", password);
  await page.click("#login button[type=submit]:not(#browser-login)");
  return page;
}

try {
  const alice = await join("alice", "alice");
  await alice.waitForFunction(() => document.getElementById("status").textContent.startsWith("Connected"), null, STEP);
  const shownKind = await alice.textContent("#kind");
  if (!shownKind.includes(kind)) throw new Error(`page speaks ${shownKind}, expected ${kind}`);
  console.log(`alice connected (${shownKind})`);

  const bob = await join("bob", "bob");
  await bob.waitForFunction(() => document.getElementById("status").textContent.startsWith("Connected"), null, STEP);
  console.log("bob connected");

  await alice.fill("#text", "hello from a real browser");
  await alice.click("#send button[type=submit]");
  await bob.waitForFunction(() => document.getElementById("messages").textContent.includes("hello from a real browser"), null, STEP);
  console.log("bob sees alice's message");

  const mallory = await join("alice", "wrong");
  await mallory.waitForFunction(() => !document.getElementById("login-error").hidden, null, STEP);
  console.log("wrong password refused on the page");
  console.log("e2e: passed");
} catch (error) {
  console.error("e2e: failed:", error.message);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await browser.close();
}
