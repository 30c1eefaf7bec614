// Browser suite: builds the console if stale, starts the server on a free port with a fresh data
// directory, and runs the journeys of e2e/journeys/ against it with Debian's chromium; screenshots go
// to e2e/screenshots/. `node e2e/run.mjs` runs every journey, `node e2e/run.mjs servicing crm-leads`
// only those; E2E_ONLY=regex narrows to matching test names. Ends with "N passed, M failed".
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureWebBuilt, launchBrowser, ROOT, results, SHOTS, startServer } from "./harness.mjs";

const JOURNEYS = path.join(ROOT, "e2e", "journeys");
// The first three run in this order (later journeys rely on nothing they create, but a reader
// follows the product best this way); the rest alphabetically.
const FIRST = ["console", "origination", "access"];

function journeyNames() {
  const all = readdirSync(JOURNEYS)
    .filter((file) => file.endsWith(".mjs"))
    .map((file) => file.slice(0, -4));
  const requested = process.argv.slice(2);
  for (const name of requested)
    if (!all.includes(name)) throw new Error(`no journey e2e/journeys/${name}.mjs`);
  const chosen = requested.length > 0 ? requested : all;
  return [
    ...FIRST.filter((name) => chosen.includes(name)),
    ...chosen.filter((n) => !FIRST.includes(n)).sort(),
  ];
}

async function main() {
  const names = journeyNames();
  mkdirSync(SHOTS, { recursive: true });
  ensureWebBuilt();
  const server = await startServer();
  console.log(`# server at ${server.base}; journeys: ${names.join(", ")}`);
  const browser = await launchBrowser();
  try {
    for (const name of names) {
      console.log(`# journey ${name}`);
      const { default: journey } = await import(pathToFileURL(path.join(JOURNEYS, `${name}.mjs`)).href);
      await journey({ base: server.base, browser });
    }
  } finally {
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
