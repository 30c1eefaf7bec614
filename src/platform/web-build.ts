// `npm start` builds the console once: when web/dist is missing or older than any source under web/.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function ensureWebBuilt(log: (line: string) => void): Promise<void> {
  const webDir = path.resolve("web");
  const index = path.join(webDir, "dist", "index.html");
  if (!existsSync(path.join(webDir, "index.html"))) return;
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(webDir)) return;
  log("正在构建网页控制台 / Building the web console (once)…");
  const started = Date.now();
  const vite = path.resolve("node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", "web/vite.config.ts", "--logLevel", "warn"],
    { stdio: "inherit" },
  );
  if (result.status !== 0) throw new Error("building the web console failed (see above)");
  log(`web console built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
