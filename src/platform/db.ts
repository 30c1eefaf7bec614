// One SQL dialect everywhere: embedded PGlite under DATA_DIR by default, a PostgreSQL pool when
// DATABASE_URL is set. Both speak to the same Drizzle schema and the same committed migrations.

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { prepareStatementsOn } from "./prepared-statements.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or a transaction inside it. */
export type Queryable = Db | Tx;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** PGlite only: see dumpPgliteImage. */
  dumpImage?: () => Promise<Blob>;
};

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

export async function openDatabase(options: {
  databaseUrl: string | null;
  dataDir: string | null;
  /** PGlite only: start from this data directory image (a dumpPgliteImage result) instead of an empty one. */
  pgliteImage?: Blob;
}): Promise<DbHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.pgliteImage);
}

async function openPostgres(url: string): Promise<DbHandle> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  // bigint columns (money in 分) come back as strings from pg; we read them as numbers in code
  // only where they are provably below 2^53 (see money.ts), so keep the driver's default here.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX || 20) });
  // An idle connection the server ends (restart, failover, an administrator, a dropped database) emits
  // an error on the pool; unheard, Node turns it into an uncaught exception and the process exits. The
  // pool has already dropped that connection and opens a new one on the next query, so a log line is
  // all it needs.
  let closing = false;
  pool.on("error", (error) => {
    if (!closing) console.error(`database connection lost (the pool reconnects): ${error.message}`);
  });
  if (process.env.MC_PREPARED_STATEMENTS !== "off") pool.on("connect", prepareStatementsOn);
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

/** The whole PGlite data directory as a tarball; openDatabase({ pgliteImage }) starts a copy from it. */
export async function dumpPgliteImage(handle: DbHandle): Promise<Blob> {
  if (!handle.dumpImage) throw new Error("only an embedded (PGlite) database has an image");
  return handle.dumpImage();
}

async function openPglite(dataDir: string | null, image?: Blob): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  let client: InstanceType<typeof PGlite>;
  if (dataDir) {
    const dir = path.join(dataDir, "pglite");
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create(image ? { loadDataDir: image } : {});
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close(), dumpImage: () => client.dumpDataDir("none") };
}

export async function migrateDatabase(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific database type
    await migrate(handle.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific database type
    await migrate(handle.db as any, { migrationsFolder: MIGRATIONS_DIR });
  }
}
