// `microcredit import calls FILE`: exit 0 when imported, 1 with the row-level report when rejected,
// 2 for bad arguments — run through the package bin as a user would, on a throw-away DATA_DIR.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "../../platform/db.ts";
import { users } from "../identity/identity.schema.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mc-import-calls-"));
const dataDir = path.join(dir, "data");
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/microcredit.mjs", "import", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", MC_MODE: "", LANG: "en_US.UTF-8" },
    timeout: 120_000,
  });
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const HEADER =
  "call id,direction,agent,caller,callee,start,answer,end,talk seconds,result,recording url,vendor";

beforeAll(async () => {
  // A database with one agent is all an import needs.
  const handle = await openDatabase({ databaseUrl: null, dataDir });
  await migrateDatabase(handle);
  await handle.db.insert(users).values({ username: "agent.wang", displayName: "王坐席", passwordHash: "x" });
  await handle.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("microcredit import calls", () => {
  // Each case starts the CLI afresh (tsx, then the command); on a busy machine that is seconds apiece.
  it("exits 2 with one line for bad arguments", { timeout: 240_000 }, () => {
    const missing = path.join(dir, "nope.csv");
    const binary = path.join(dir, "x.bin");
    writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255]));
    for (const args of [
      ["calls"],
      ["calls", missing],
      ["leads", "x.csv"],
      ["calls", "a.csv", "b.csv"],
      ["calls", "--turbo", "a.csv"],
      ["calls", binary],
    ]) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
  });

  it("exits 0 and says what it imported", { timeout: 240_000 }, () => {
    const good = file(
      "good.csv",
      `${HEADER}\nK-1,outbound,agent.wang,8001,13800138000,2026-11-03 09:15:00,2026-11-03 09:15:05,2026-11-03 09:16:05,60,ANSWERED,,pbx\nK-2,outbound,AGENT.WANG,8001,13800138001,2026-11-03 09:20:00,,,0,NO ANSWER,,pbx\n`,
    );
    const result = run("calls", good);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /imported 2 of 2 calls from good\.csv \(0 already imported, 0 linked to leads/,
    );
    const again = run("calls", good, "--json");
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: "imported", importedRows: 0, duplicateRows: 2 });
  });

  it("exits 1 with the row-level report and imports nothing", { timeout: 240_000 }, () => {
    const bad = file(
      "bad.csv",
      `${HEADER}\nL-1,outbound,agent.wang,8001,13800138002,2026-11-03 09:15:00,,,0,,,pbx\nL-2,outbound,nobody,8001,123,2026-11-03 09:16:00,,,0,,,pbx\n`,
    );
    const result = run("calls", bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("rejected bad.csv: 2 errors, nothing imported");
    expect(result.stdout).toContain("row 3 [callee]: “callee” is not a valid phone number");
    expect(result.stdout).toContain("row 3 [agent]: Agent “nobody” is no user (username or employee number)");
  });
});
