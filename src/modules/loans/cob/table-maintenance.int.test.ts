// The autovacuum settings the close of business relies on (migration 0025, docs/adr/013): without them
// a large book's installments are vacuumed every ten days or so, and the batch's index-only scans visit
// a table page per installment on most nights. They are schema, so a migration that rebuilt either
// table and lost them would fail here.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../platform/testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function optionsOf(table: string): Promise<Record<string, string>> {
  const result = (await t.handle.db.execute(
    sql`select coalesce(reloptions, '{}') as options from pg_class where oid = ${table}::regclass`,
  )) as unknown as { rows: { options: string[] }[] };
  return Object.fromEntries(result.rows[0].options.map((o) => o.split("=") as [string, string]));
}

describe("table maintenance settings", () => {
  it("vacuums installments after 0.1% of its rows plus 5,000 are dead", async () => {
    expect(await optionsOf("installments")).toMatchObject({
      autovacuum_vacuum_scale_factor: "0.001",
      autovacuum_vacuum_threshold: "5000",
    });
  });

  it("vacuums loans after 0.5% of its rows plus 1,000 are dead", async () => {
    expect(await optionsOf("loans")).toMatchObject({
      autovacuum_vacuum_scale_factor: "0.005",
      autovacuum_vacuum_threshold: "1000",
    });
  });
});
