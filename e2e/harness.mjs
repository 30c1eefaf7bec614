// The browser suite's shared parts: a tiny test harness, the server on a free port with a fresh
// data directory, Debian's chromium through playwright-core, and page helpers. Journeys live in
// e2e/journeys/<name>.mjs and export `default async function journey({ base, browser })`;
// e2e/run.mjs runs them against one server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SHOTS = path.join(ROOT, "e2e", "screenshots");
export const PASSWORD = "Demo@2026";
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

// ---------------------------------------------------------------- tiny test harness
export const results = [];
// E2E_ONLY=regex runs just the matching tests (while working on one journey).
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
export async function test(name, fn) {
  if (only && !only.test(name)) return;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    // The first line, and for a timeout the locator it waited for.
    const lines = String(error?.message ?? error).split("\n");
    const waited = lines
      .find((line) => line.includes("waiting for"))
      ?.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g"), "")
      .trim();
    console.log(`not ok - ${name}: ${lines[0]}${waited ? ` (${waited})` : ""}`);
    // What the screen showed when it failed, for whoever reads the CI log next.
    const page = openPages.at(-1);
    if (page && !page.isClosed()) {
      const file = path.join(SHOTS, `failed-${name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 60)}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      console.log(`#   screen at the failure: ${path.relative(ROOT, file)}`);
    }
  }
}
const openPages = [];

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------- server
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureWebBuilt() {
  const index = path.join(ROOT, "web", "dist", "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(path.join(ROOT, "web"))) return;
  console.log("# building the web console");
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const build = spawnSync(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  );
  if (build.status !== 0) throw new Error("vite build failed");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startServer() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "mc-e2e-"));
  const child = spawn(process.execPath, ["bin/microcredit.mjs", "serve"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      LOGIN_RATE_LIMIT: "500",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const base = `http://127.0.0.1:${port}`;
  // A first start seeds the demo company; on a busy machine that can take minutes.
  const deadline = Date.now() + 420_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (Date.now() >= deadline) throw new Error(`server not healthy in time:\n${output}`);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill("SIGKILL");
          resolve();
        }, 5000);
        child.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { base, stop, output: () => output };
}

// ---------------------------------------------------------------- page helpers
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
    // The console then turns antd's motion off (app-providers.tsx): a click during a dialog's or a
    // dropdown's opening motion was lost now and then on a loaded CI machine.
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  openPages.push(page);
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, context, errors };
}

export async function signIn(page, base, username, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.locator("#login-username").fill(username);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-password").press("Enter");
}

export async function menuText(page) {
  return ((await page.getByTestId("side-menu").textContent()) ?? "").replace(/\s+/g, " ");
}

export async function shot(page, name, fullPage = false) {
  await page.evaluate(() => window.scrollTo(0, 0)); // sticky headers belong at the top of a full-page shot
  await page.waitForTimeout(250); // let charts and transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

// ---------------------------------------------------------------- identifiers for a new customer
// The checksums of GB 11643 (resident ID) and GB 32100 (unified social credit code), so the journey
// registers a customer the server accepts.
export function residentId() {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const first17 = `33010619820${Math.floor(Math.random() * 9) + 1}${day}${seq}`;
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return first17 + "10X98765432"[sum % 11];
}

export function creditCode() {
  const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let first17 = "91330106";
  while (first17.length < 17) first17 += charset[Math.floor(Math.random() * 31)];
  const sum = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i], 0);
  return first17 + charset[(31 - (sum % 31)) % 31];
}

/**
 * Chooses an option of an antd Select: by its text (string or RegExp) or by its position (number).
 * A click that lands while the dropdown is still opening is lost, so it checks that the choice took and
 * tries again (three times) if not. By default "took" means the choice shows in the select; a select
 * that goes away once chosen passes `took`, an async check of what the page does instead.
 */
export async function pick(page, select, option, { took } = {}) {
  const dropdown = page.locator(".ant-select-dropdown:visible");
  for (let attempt = 1; ; attempt += 1) {
    // A lost click leaves the dropdown open: a retry then clicks the option again rather than the
    // select (which would close it). A dropdown that took the click closes within its motion, so a
    // retry first gives it a second to go. No Escape: inside a dialog it could close the dialog too.
    if (attempt > 1)
      await dropdown
        .first()
        .waitFor({ state: "hidden", timeout: 1_000 })
        .catch(() => {});
    if (attempt === 1 || (await dropdown.count()) === 0) await select.click();
    const options = dropdown.locator(".ant-select-item-option");
    const target =
      typeof option === "number" ? options.nth(option) : options.filter({ hasText: option }).first();
    await target.waitFor();
    await page.waitForTimeout(150); // the dropdown's opening motion
    const label = ((await target.textContent()) ?? "").trim();
    await target.click();
    if (took) {
      if ((await took()) || attempt >= 3) return label;
      continue;
    }
    // The select itself, whether `select` is its root or the search input inside it.
    const root = select.locator(
      "xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
    );
    const shown = await root.textContent({ timeout: 2_000 }).catch(() => "");
    if ((shown ?? "").includes(label) || attempt >= 3) return label;
  }
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
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
}
