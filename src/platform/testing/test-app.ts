// Integration-test harness: a fresh database per test file with every migration applied, the demo
// company loaded, and the real HTTP app driven through app.inject(). With TEST_DB=pg it creates a
// throw-away database on the PostgreSQL named by TEST_DATABASE_URL instead of an in-memory PGlite.
// The migrated and seeded state is prepared once per run (database-template.ts) and copied per file.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { inject } from "vitest";
import { type AppConfig, testConfig } from "../config.ts";
import { type DbHandle, migrateDatabase, openDatabase } from "../db.ts";
import { buildApp } from "../http/app.ts";
import { DEMO_PASSWORD, seedDemoCompany } from "../seed.ts";
import { waitForNoConnections } from "./database-template.ts";

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

type TestDatabase = { handle: DbHandle; drop: () => Promise<void>; prepared: boolean };

/** The run's prepared database (migrated, demo essentials), when the global setup made one. */
function preparedTemplate() {
  try {
    return inject("databaseTemplate") ?? null;
  } catch {
    return null; // run outside vitest's integration project: build from scratch
  }
}

let pgliteImage: Blob | undefined;

async function openTestDatabase(fromTemplate: boolean): Promise<TestDatabase> {
  const template = fromTemplate ? preparedTemplate() : null;
  if (process.env.TEST_DB !== "pg") {
    if (template?.kind === "pglite") pgliteImage ??= new Blob([readFileSync(template.file)]);
    const image = template?.kind === "pglite" ? pgliteImage : undefined;
    const handle = await openDatabase({ databaseUrl: null, dataDir: null, pgliteImage: image });
    return { handle, drop: async () => undefined, prepared: image !== undefined };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base)
    throw new Error("TEST_DB=pg needs TEST_DATABASE_URL (a PostgreSQL the tests may create databases on)");
  const { default: pg } = await import("pg");
  const name = `mc_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const copy = template?.kind === "postgres" ? template.name : null;
  await admin.query(copy ? `create database ${name} template ${copy}` : `create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  return {
    handle,
    prepared: copy !== null,
    drop: async () => {
      const again = new pg.Client({ connectionString: base });
      await again.connect();
      // Wait (briefly) for the closed pool's connections, so the forced drop has nothing to cut off.
      await waitForNoConnections(again, name);
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  options: { demo?: "essentials" | "full" } = {},
): Promise<TestApp> {
  const config = testConfig(overrides);
  const depth = options.demo ?? "essentials";
  // The prepared database holds the essentials under the default test data key.
  const { handle, drop, prepared } = await openTestDatabase(
    depth === "essentials" && config.dataKey.equals(testConfig().dataKey),
  );
  if (!prepared) {
    await migrateDatabase(handle);
    await seedDemoCompany(handle.db, { dataKey: config.dataKey, depth });
  }
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
