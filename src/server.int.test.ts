// First start in production mode: no demo company, one administrator with a password printed once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { testConfig } from "./platform/config.ts";
import { serve } from "./server.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "mc-prod-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("serve in production mode", () => {
  it("creates only admin, prints its one-time password once, and loads no demo data", async () => {
    const lines: string[] = [];
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const config = testConfig({ production: true, dataDir, port, webDist: "" });
    const stop = await serve(config, (line) => lines.push(line));
    try {
      const printed = lines.join("\n");
      const password = /password: (\S{16})/.exec(printed)?.[1];
      expect(password).toBeDefined();
      expect(printed).not.toContain("Demo@2026");
      const base = `http://127.0.0.1:${port}/api/v1`;
      const login = (username: string, pw: string) =>
        fetch(`${base}/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password: pw }),
        });
      const admin = await login("admin", password as string);
      expect(admin.status).toBe(200);
      expect((await admin.json()).user.mustChangePassword).toBe(true);
      expect((await login("gm", "Demo@2026")).status).toBe(401);
    } finally {
      await stop();
    }
    // A second start prints no password again.
    const again: string[] = [];
    const stop2 = await serve(
      testConfig({ production: true, dataDir, port: port + 1, webDist: "" }),
      (line) => again.push(line),
    );
    await stop2();
    expect(again.join("\n")).not.toMatch(/password: \S{16}/);
  });
});
