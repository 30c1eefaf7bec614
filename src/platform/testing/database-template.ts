// Integration tests start from one prepared database per run instead of building their own: every
// file used to create an empty PGlite (4–8 s of initdb), apply the migrations (1 s) and seed the demo
// essentials (2.5 s). The global setup (vitest.config.ts) does that once and hands the test workers the
// result: a PGlite data-directory image in a temporary file, or on PostgreSQL a template database that
// `create database … template` copies. A test file then starts in about a second.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { testConfig } from "../config.ts";
import { dumpPgliteImage, migrateDatabase, openDatabase } from "../db.ts";
import { seedDemoCompany } from "../seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding the prepared PGlite image, or the prepared PostgreSQL template database's name. */
    databaseTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; name: string } | null;
  }
}

/** The prepared state every test database starts from: migrated, demo essentials, test data key. */
async function prepare(handle: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  await migrateDatabase(handle);
  await seedDemoCompany(handle.db, { dataKey: testConfig().dataKey, depth: "essentials" });
}

export async function waitForNoConnections(admin: import("pg").Client, name: string): Promise<void> {
  // pool.end() returns once it has asked each connection to close, not once the server has let them go.
  for (let i = 0; i < 50; i += 1) {
    const left = await admin.query("select count(*)::int as n from pg_stat_activity where datname = $1", [
      name,
    ]);
    if (left.rows[0].n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.TEST_DB !== "pg") {
    const handle = await openDatabase({ databaseUrl: null, dataDir: null });
    await prepare(handle);
    const image = await dumpPgliteImage(handle);
    await handle.close();
    const dir = mkdtempSync(path.join(tmpdir(), "mc-test-template-"));
    const file = path.join(dir, "pglite.tar");
    writeFileSync(file, Buffer.from(await image.arrayBuffer()));
    project.provide("databaseTemplate", { kind: "pglite", file });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    // The harness says what is missing when a test asks for a database.
    project.provide("databaseTemplate", null);
    return async () => undefined;
  }
  const { default: pg } = await import("pg");
  const name = `mc_template_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  await prepare(handle);
  await handle.close();
  await waitForNoConnections(admin, name);
  await admin.end();
  project.provide("databaseTemplate", { kind: "postgres", name });
  return async () => {
    const again = new pg.Client({ connectionString: base });
    await again.connect();
    await again.query(`drop database if exists ${name} with (force)`);
    await again.end();
  };
}
