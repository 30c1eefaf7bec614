// The database's 年化业绩 (loan-performance.ts) must equal the engine's annualized function loan by
// loan: random principals and terms, summed both ways, to the 分.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, migrateDatabase, openDatabase } from "../../platform/db.ts";
import type { Fen } from "../../platform/money.ts";
import { annualizedPerformance } from "./domain/annualized.ts";
import { loanGroupsBetween } from "./loan-performance.ts";
import { insertLoans } from "./testing/fixtures.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateDatabase(handle);
});
afterAll(async () => handle.close());

describe("年化业绩 in SQL", () => {
  it("equals annualizedPerformance summed loan by loan, per officer and term", async () => {
    const officers = [randomUUID(), randomUUID(), randomUUID()];
    const rows = fc.sample(
      fc.record({
        officer: fc.constantFrom(...officers),
        principal: fc.integer({ min: 1, max: 99_999_999_999 }),
        termMonths: fc.constantFrom(1, 2, 3, 5, 6, 7, 9, 11, 12, 13, 18, 24, 35, 36, 60, 360),
        day: fc.integer({ min: 1, max: 30 }),
      }),
      { numRuns: 2000, seed: 20261129 },
    );
    await insertLoans(
      handle.db,
      rows.map((r) => ({
        officerId: r.officer,
        principal: `${Math.floor(r.principal / 100)}.${String(r.principal % 100).padStart(2, "0")}`,
        termMonths: r.termMonths,
        on: `2026-06-${String(r.day).padStart(2, "0")}`,
      })),
    );
    const expected = new Map<string, { n: number; principal: number; annualized: number }>();
    for (const r of rows) {
      const key = `${r.officer}|${r.termMonths}`;
      const e = expected.get(key) ?? { n: 0, principal: 0, annualized: 0 };
      e.n += 1;
      e.principal += r.principal;
      e.annualized += annualizedPerformance({ principal: r.principal as Fen, termMonths: r.termMonths });
      expected.set(key, e);
    }
    const groups = await loanGroupsBetween(handle.db, { from: "2026-06-01", to: "2026-06-30" });
    expect(groups).toHaveLength(expected.size);
    for (const g of groups) {
      const e = expected.get(`${g.officerId}|${g.termMonths}`);
      expect({ n: g.loanCount, principal: g.principal, annualized: g.annualized }).toEqual(e);
    }
    expect(await loanGroupsBetween(handle.db, { from: "2026-07-01", to: "2026-07-31" })).toEqual([]);
  });
});
