// Integration-test harness: a fresh database per test file with every migration applied, the demo
// company loaded, and the real HTTP app driven through app.inject(). With TEST_DB=pg it creates a
// throw-away database on the PostgreSQL named by TEST_DATABASE_URL instead of an in-memory PGlite.
import { randomBytes } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { type AppConfig, testConfig } from "../config.ts";
import { type DbHandle, migrateDatabase, openDatabase } from "../db.ts";
import { buildApp } from "../http/app.ts";
import { DEMO_PASSWORD, seedDemoCompany } from "../seed.ts";

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  /** A signed-in client for a demo user (username = role key, or any demo username). */
  as: (username: string) => Promise<TestClient>;
  anonymous: () => TestClient;
  close: () => Promise<void>;
};

export type TestClient = {
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
};

async function openTestDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void> }> {
  if (process.env.TEST_DB !== "pg") {
    const handle = await openDatabase({ databaseUrl: null, dataDir: null });
    return { handle, drop: async () => undefined };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base)
    throw new Error("TEST_DB=pg needs TEST_DATABASE_URL (a PostgreSQL the tests may create databases on)");
  const { default: pg } = await import("pg");
  const name = `mc_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return {
    handle,
    drop: async () => {
      const again = new pg.Client({ connectionString: base });
      await again.connect();
      // pool.end() returns once it has asked each connection to close, not once the server has let
      // them go: wait for them (briefly) so the forced drop has nothing left to cut off.
      for (let i = 0; i < 50; i += 1) {
        const left = await again.query("select count(*)::int as n from pg_stat_activity where datname = $1", [
          name,
        ]);
        if (left.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: { demo?: "essentials" | "full" } = {},
): Promise<TestApp> {
  const { handle, drop } = await openTestDatabase();
  await migrateDatabase(handle);
  const config = testConfig(overrides);
  await seedDemoCompany(handle.db, { dataKey: config.dataKey, depth: options.demo ?? "essentials" });
  const app = await buildApp({ db: handle.db, config, dbKind: handle.kind });
  await app.ready();

  const client = (cookies: Record<string, string>): TestClient => {
    const request = (options: InjectOptions) =>
      app.inject({
        ...options,
        headers: { "accept-language": "en-US", ...(options.headers ?? {}) },
        cookies: { ...cookies, ...((options.cookies as Record<string, string>) ?? {}) },
      });
    return {
      cookies,
      request,
      get: (url) => request({ method: "GET", url }),
      post: (url, body, headers) =>
        request({ method: "POST", url, payload: body as InjectOptions["payload"], headers }),
      patch: (url, body) => request({ method: "PATCH", url, payload: body as InjectOptions["payload"] }),
      del: (url) => request({ method: "DELETE", url }),
    };
  };

  return {
    app,
    handle,
    anonymous: () => client({}),
    as: async (username: string) => {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200)
        throw new Error(`demo login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookies: Record<string, string> = {};
      for (const c of res.cookies) cookies[c.name] = c.value;
      return client(cookies);
    },
    close: async () => {
      await app.close();
      await handle.close();
      await drop();
    },
  };
}
