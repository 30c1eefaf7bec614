import { mkdirSync } from "node:fs";
import { launchBrowser, results, SHOTS } from "./e2e/harness.mjs";
import journey from "./e2e/journeys/crm-floor.mjs";
mkdirSync(SHOTS, { recursive: true });
const browser = await launchBrowser();
try {
  await journey({ base: "http://127.0.0.1:3106", browser });
} finally {
  await browser.close();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
