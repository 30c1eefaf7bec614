// `microcredit serve --workers 2` on PostgreSQL (npm run test:pg): the primary prepares the database
// and prints the first administrator's one-time password once, both workers answer on the one port,
// a session made through one is honoured by the other, and SIGTERM stops them all.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForNoConnections } from "./platform/testing/database-template.ts";

const base = process.env.TEST_DATABASE_URL;
const onPostgres = process.env.TEST_DB === "pg" && Boolean(base);

describe.skipIf(!onPostgres)("serve --workers 2 (PostgreSQL)", () => {
  const name = `mc_test_cluster_${randomBytes(4).toString("hex")}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "mc-cluster-"));
  let port = 0;
  let serverEnv: NodeJS.ProcessEnv = {};
  let server: ChildProcess;
  let output = "";
  let errors = "";

  const admin = async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    const client = await admin();
    await client.query(`create database ${name}`);
    await client.end();
    const url = new URL(base as string);
    url.pathname = `/${name}`;
    // A port the system just handed out and let go: a random one could be some connection's own port.
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    serverEnv = {
      ...process.env,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      MC_MODE: "production",
      MC_DATA_KEY: randomBytes(32).toString("hex"),
      LOG_LEVEL: "warn",
    };
    server = spawn(process.execPath, ["bin/microcredit.mjs", "serve", "--workers", "2"], {
      env: serverEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    // Kept apart from stdout (whose lines the test counts), and shown if the workers never start.
    server.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no start in 120 s:\n${output}\nstderr:\n${errors}`)),
        120_000,
      );
      server.stdout?.on("data", () => {
        if (/is running at .*workers\)/.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      });
      server.once("exit", (code) =>
        reject(new Error(`server exited with ${code}:\n${output}\nstderr:\n${errors}`)),
      );
    });
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    const client = await admin();
    await waitForNoConnections(client, name);
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints one password, answers from both workers and shares sessions between them", async () => {
    expect(output).toContain("2 workers");
    const passwords = [...output.matchAll(/password: (\S{16})/g)].map((m) => m[1]);
    expect(passwords).toHaveLength(1);
    const api = `http://127.0.0.1:${port}/api/v1`;
    const login = await fetch(`${api}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: passwords[0] }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
    // Requests on fresh connections are spread over the workers; every one knows the session.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(`${api}/auth/me`, { headers: { cookie, connection: "close" } }).then((r) => r.status),
      ),
    );
    expect(answers.every((status) => status === 200)).toBe(true);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "postgres" });
  });

  it("fails with its reason, not a hang, when the port is taken", async () => {
    // A second cluster on the first one's port: its workers cannot listen, so the start fails.
    const second = spawn(process.execPath, ["bin/microcredit.mjs", "serve", "--workers", "2"], {
      env: serverEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    second.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill("SIGKILL");
        reject(new Error(`still running after 60 s:\n${stderr}`));
      }, 60_000);
      second.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/EADDRINUSE/);
    expect(stderr).toMatch(/a worker could not start/);
  });

  it("stops every worker on SIGTERM", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
