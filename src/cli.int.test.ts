// The CLI as a user runs it: through the package bin, on a throw-away DATA_DIR.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(path.join(tmpdir(), "mc-cli-"));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["bin/microcredit.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", MC_MODE: "" },
    timeout: 120_000,
  });

beforeAll(() => {
  const seeded = run("seed", "--demo");
  if (seeded.status !== 0) throw new Error(seeded.stderr);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("microcredit CLI", () => {
  it("exits 2 with one clear line for unknown commands and flags", () => {
    for (const args of [
      ["frobnicate"],
      ["serve", "--turbo"],
      ["seed"],
      ["users", "delete"],
      ["audit"],
      ["serve", "--workers", "0"],
      ["serve", "--workers", "two"],
      // PGlite is one process with its files: several workers need PostgreSQL.
      ["serve", "--workers", "2"],
    ]) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("loads the demo company only once", () => {
    const again = run("seed", "--demo");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("already loaded");
  });

  it("creates a user, refusing a weak password with exit 2", () => {
    const weak = run(
      "users",
      "create",
      "--username",
      "ops.li",
      "--name",
      "李运维",
      "--roles",
      "admin",
      "--password",
      "123",
    );
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/password/i);
    const ok = run(
      "users",
      "create",
      "--username",
      "ops.li",
      "--name",
      "李运维",
      "--roles",
      "admin,compliance",
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/one-time password: \S{16}/);
  });

  it("verifies the audit chain, and reports a tampered record with exit 1", async () => {
    const intact = run("audit", "verify");
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/audit chain intact: \d+ records/);
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create(path.join(dataDir, "pglite"));
    await db.exec("update audit_log set action = 'nothing.happened' where id = 2");
    await db.close();
    const broken = run("audit", "verify");
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("BROKEN at record 2");
  });
});
