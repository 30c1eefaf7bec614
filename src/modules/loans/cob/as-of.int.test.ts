// The penalty the close of business no longer writes nightly is derived in SQL (as-of.ts) and written
// down at events. Whatever the dates it is written down on, the total must be the engine's cumulative
// figure for the whole span (accruePenalty), exactly as the old day-by-day accrual added up to.
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Dec, type Fen, type RoundingMode } from "../../../platform/money.ts";
import { accruePenalty } from "../domain/delinquency.ts";
import { penaltySinceSql } from "./as-of.ts";

let client: PGlite;
let db: ReturnType<typeof drizzle>;
beforeAll(async () => {
  client = await PGlite.create();
  db = drizzle(client);
});
afterAll(async () => client.close());

const DUE = "2026-01-31";
const addDays = (days: number) => {
  const d = new Date(`${DUE}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Penalty accrued on one installment from `from` (its loan's accrued_through; null = never) to `to`, in SQL. */
async function since(o: {
  principal: number;
  rate: string;
  basis: number;
  rounding: RoundingMode;
  from: string | null;
  to: string;
}): Promise<number> {
  const result = await db.execute(sql`
    select ${penaltySinceSql(sql`${o.to}::date`)}::text as inc
    from (select ${o.rate}::text as penalty_rate, ${o.basis}::int as day_basis, ${o.rounding}::text as rounding,
            ${o.from}::date as accrued_through) l,
         (select ${DUE}::date as due_date, null::date as paid_off_date, ${o.principal}::bigint as principal_due_fen,
            0::bigint as principal_paid_fen) i`);
  return Number((result as unknown as { rows: { inc: string }[] }).rows[0].inc);
}

it("adds up to the engine's cumulative penalty however the days are split between write-downs", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 50_000_000 }),
      fc.constantFrom("0.18", "0.225", "0.3", "0.365", "0.0005"),
      fc.constantFrom(360, 365),
      fc.constantFrom<RoundingMode>("half-up", "half-even", "down", "up"),
      fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
      async (principal, rate, basis, rounding, cuts) => {
        const days = [...cuts].sort((a, b) => a - b);
        let total = 0;
        let from: string | null = null;
        for (const d of days) {
          const to = addDays(d);
          total += await since({ principal, rate, basis, rounding, from, to });
          from = to;
        }
        const engine = accruePenalty({
          overduePrincipal: principal as Fen,
          penaltyAnnualRate: new Dec(rate),
          days: days[days.length - 1],
          dayBasis: basis as 360 | 365,
          rounding,
        });
        expect(total).toBe(engine);
      },
    ),
    { numRuns: 60 },
  );
});

it("is nothing before the due date, on it, or when written down to the date already", async () => {
  const base = { principal: 100_000, rate: "0.18", basis: 360, rounding: "half-up" as RoundingMode };
  expect(await since({ ...base, from: null, to: DUE })).toBe(0);
  expect(await since({ ...base, from: null, to: addDays(-5) })).toBe(0);
  expect(await since({ ...base, from: addDays(10), to: addDays(10) })).toBe(0);
  expect(await since({ ...base, from: null, to: addDays(1) })).toBe(50);
});
