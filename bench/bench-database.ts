// The database a bench runs on: with BENCH_DATABASE_URL, a fresh database of its own on that
// PostgreSQL server (dropped and created again each run); without it, in-process PGlite, and it says
// so, since PGlite figures say little about a server.
import { type DbHandle, openDatabase } from "../src/platform/db.ts";

export type BenchDatabase = { handle: DbHandle; engine: string; drop: () => Promise<void> };

export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    console.error("note: BENCH_DATABASE_URL is not set; running on in-process PGlite, not PostgreSQL");
    return {
      handle: await openDatabase({ databaseUrl: null, dataDir: null }),
      engine: "PGlite (in-process)",
      drop: async () => undefined,
    };
  }
  const { default: pg } = await import("pg");
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const version = (await admin("show server_version")).rows[0].server_version;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    handle: await openDatabase({ databaseUrl: url.toString(), dataDir: null }),
    engine: `PostgreSQL ${version}`,
    drop: () => admin(`drop database if exists ${name} with (force)`).then(() => undefined),
  };
}
