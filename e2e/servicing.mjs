// Loan-servicing journey: finance signs in, opens the loan book and an overdue loan, posts a repayment
// through the drawer, runs the close of business to the next date, then reads the ledger and capital.
// Same server start and chromium launch as e2e/run.mjs; screenshots in e2e/screenshots/servicing-*.png;
// ends with "N passed, M failed". Run as `node e2e/servicing.mjs`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHOTS = path.join(ROOT, "e2e", "screenshots");
const PASSWORD = "Demo@2026";
const DESKTOP = { width: 1280, height: 800 };

// ---------------------------------------------------------------- tiny test harness
const results = [];
// E2E_ONLY=regex runs just the matching tests (while working on one journey).
const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
async function test(name, fn) {
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
  }
}

function assert(condition, message) {
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

function ensureWebBuilt() {
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

async function startServer() {
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
  const deadline = Date.now() + 120_000;
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
async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, context, errors };
}

async function signIn(page, base, username, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.locator("#login-username").fill(username);
  await page.locator("#login-password").fill(password);
  await page.locator("#login-password").press("Enter");
}

async function menuText(page) {
  return ((await page.getByTestId("side-menu").textContent()) ?? "").replace(/\s+/g, " ");
}

async function shot(page, name, fullPage = false) {
  await page.evaluate(() => window.scrollTo(0, 0)); // sticky headers belong at the top of a full-page shot
  await page.waitForTimeout(250); // let charts and transitions settle
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

async function pick(page, select, option) {
  await select.click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option")
    .filter({ hasText: option })
    .first()
    .click();
}

const nextDay = (date) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

// ---------------------------------------------------------------- journey
async function main() {
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  const server = await startServer();
  console.log(`# server at ${server.base}`);
  const browser = await chromium.launch({
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
  const base = server.base;
  const { page, context, errors } = await newPage(browser);
  let loanUrl = null;
  try {
    await test("finance signs in and sees the servicing menu and shortcuts", async () => {
      await signIn(page, base, "finance");
      await page.getByTestId("home-page").waitFor();
      const menu = await menuText(page);
      for (const item of ["贷款账户", "日终批处理", "总账", "资金"])
        assert(menu.includes(item), `menu lacks ${item}`);
      await page.getByTestId("shortcut-loans").waitFor();
    });

    await test("/loans lists the loan book with filters, total and classification tags", async () => {
      await page.goto(`${base}/loans`);
      await page.getByTestId("loans-table").locator("tr.ant-table-row").first().waitFor();
      const total = await page.locator(".ant-pagination-total-text").textContent();
      assert(/共 \d+ 条/.test(total ?? ""), `no total: ${total}`);
      await shot(page, "servicing-loans");
      // Overdue loans: bucket M1 (1–30 days past due).
      await pick(page, page.getByTestId("filter-bucket"), "M1");
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll("[data-testid=loans-table] tr.ant-table-row")];
        return rows.length > 0 && rows.every((r) => r.textContent.includes("M1"));
      });
      assert(
        (await page.getByTestId("classification-tag").first().textContent()).includes("关注"),
        "M1 not 关注",
      );
      await shot(page, "servicing-loans-overdue");
    });

    await test("an overdue loan shows its schedule at once, KPIs and tabs", async () => {
      await page.getByTestId("loans-table").locator("tr.ant-table-row a").first().click();
      await page.getByTestId("loan-detail-page").waitFor();
      loanUrl = page.url();
      const schedule = page.getByTestId("loan-schedule");
      await schedule.locator("tr.ant-table-row").first().waitFor();
      assert((await schedule.textContent()).includes("逾期"), "no overdue installment in the schedule");
      await page.getByTestId("loan-kpis").waitFor();
      await shot(page, "servicing-loan-detail", true);
    });

    await test("a repayment through the drawer shows the allocation and posts once", async () => {
      const before = await page.getByTestId("loan-transactions").locator("tr.ant-table-row").count();
      await page.getByTestId("post-repayment").click();
      const drawer = page.getByTestId("repayment-drawer");
      await drawer.getByTestId("repayment-amount").fill("500");
      await shot(page, "servicing-repayment-form");
      // Two quick clicks: one payment (disabled while pending, one Idempotency-Key per form).
      const submit = page.getByTestId("repayment-submit");
      await submit.click();
      await submit.click({ timeout: 500 }).catch(() => {});
      await page.getByTestId("repayment-result").waitFor();
      const result = await page.getByTestId("repayment-result").textContent();
      assert(result.includes("¥500.00"), `allocation does not show the amount: ${result.slice(0, 120)}`);
      await shot(page, "servicing-repayment-result");
      await page.getByTestId("repayment-done").click();
      await page.waitForFunction(
        (n) => document.querySelectorAll("[data-testid=loan-transactions] tr.ant-table-row").length === n + 1,
        before,
      );
      await page.waitForTimeout(500);
      const after = await page.getByTestId("loan-transactions").locator("tr.ant-table-row").count();
      assert(after === before + 1, `expected ${before + 1} transactions, found ${after}`);
    });

    await test("the close of business runs to the next date with a progress bar", async () => {
      await page.goto(`${base}/batch`);
      const dateCard = page.getByTestId("business-date");
      await dateCard
        .locator(".ant-statistic-content")
        .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
        .waitFor();
      const current = (await dateCard.locator(".ant-statistic-content").textContent()).trim();
      const target = nextDay(current);
      const input = page.getByTestId("cob-date");
      assert((await input.inputValue()) === target, `default date ${await input.inputValue()} ≠ ${target}`);
      await page.getByTestId("cob-run").click();
      await page
        .locator(".ant-modal-confirm")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      await page.getByTestId("cob-progress").waitFor();
      await shot(page, "servicing-batch-running");
      await page.getByTestId("cob-succeeded").waitFor({ timeout: 120_000 });
      await dateCard.locator(".ant-statistic-content").filter({ hasText: target }).waitFor();
      await shot(page, "servicing-batch");
    });

    await test("/ledger shows a balanced trial balance, a statement and the sub-ledger check", async () => {
      await page.goto(`${base}/ledger`);
      const badge = page.getByTestId("balanced-badge");
      await badge.waitFor();
      assert((await badge.textContent()).includes("借贷平衡"), "trial balance not balanced");
      await page.getByTestId("sub-ledger").locator("tr.ant-table-row").first().waitFor();
      await page.getByTestId("trial-balance").locator("tr.ant-table-row").filter({ hasText: "1301" }).click();
      await page.getByTestId("statement").locator(".ant-statistic").first().waitFor();
      await page.getByTestId("statement").locator("tr.ant-table-row").first().waitFor();
      await shot(page, "servicing-ledger", true);
    });

    await test("/capital shows funds, leverage and the 7/30/90-day forecast", async () => {
      await page.goto(`${base}/capital`);
      await page.getByTestId("capital-kpis").waitFor();
      await page.getByTestId("forecast-table").locator("tr.ant-table-row").nth(2).waitFor();
      await shot(page, "servicing-capital", true);
    });

    if (loanUrl)
      await test("the loan detail still reads after the close of business", async () => {
        await page.goto(loanUrl);
        await page.getByTestId("loan-schedule").locator("tr.ant-table-row").first().waitFor();
      });

    await test("no page errors along the way", async () => {
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    });
  } finally {
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.stop();
  }
}

const started = Date.now();
try {
  await main();
} catch (error) {
  results.push({ name: "setup", ok: false });
  console.log(`not ok - setup: ${error?.stack ?? error}`);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`# ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
