import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import type { InstallmentState } from "./restructure-plan.ts";
import { partialWriteOffAmounts, principalCutsFromLatest, writeOffPosting } from "./write-off.ts";

const row = (period: number, principalDue: number, principalPaid = 0): InstallmentState => ({
  period,
  dueDate: `2026-${String(period).padStart(2, "0")}-15`,
  principalDue,
  interestDue: 1000,
  feeDue: 0,
  penaltyAccrued: 0,
  principalPaid,
  interestPaid: 0,
  feePaid: 0,
  penaltyPaid: 0,
  paidOffDate: principalPaid === principalDue && principalDue > 0 ? "2026-01-15" : null,
  recognisedDate: null,
});

const balanced = (lines: ReturnType<typeof writeOffPosting>) =>
  lines.reduce((s, l) => s + (l.debit ?? 0) - (l.credit ?? 0), 0);

describe("partial write-off (部分核销): amounts", () => {
  it("takes the principal named and the provision held for it, half-up to the 分", () => {
    // 3,000.00 of 12,000.00 outstanding with a 25% provision of 3,000.00 → 750.00 of the provision.
    const a = partialWriteOffAmounts({
      principal: 300_000 as Fen,
      principalOutstanding: 1_200_000 as Fen,
      provision: 300_000 as Fen,
    });
    expect(a).toEqual({
      principal: 300_000,
      interest: 0,
      fee: 0,
      penalty: 0,
      total: 300_000,
      provisionUsed: 75_000,
      expense: 225_000,
    });
    // 1/3 of 1.00 provision → 0.333… → 0.33; 2/3 → 0.666… → 0.67.
    const third = { principalOutstanding: 300 as Fen, provision: 100 as Fen };
    expect(partialWriteOffAmounts({ ...third, principal: 100 as Fen }).provisionUsed).toBe(33);
    expect(partialWriteOffAmounts({ ...third, principal: 200 as Fen }).provisionUsed).toBe(67);
    expect(writeOffPosting(a)).toEqual([
      { account: "1309", debit: 75_000 },
      { account: "6701", debit: 225_000 },
      { account: "1301", credit: 300_000 },
    ]);
  });

  it("refuses nothing or the whole principal (that is the full write-off)", () => {
    const base = { principalOutstanding: 1000 as Fen, provision: 10 as Fen };
    expect(() => partialWriteOffAmounts({ ...base, principal: 0 as Fen })).toThrow(RangeError);
    expect(() => partialWriteOffAmounts({ ...base, principal: 1000 as Fen })).toThrow(RangeError);
  });

  it("splits the provision without creating or losing a 分, and posts a balanced entry", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (outstanding, ratePercent, share) => {
          const principal = Math.min(outstanding - 1, Math.max(1, Math.floor(outstanding * share)));
          const provision = Math.round((outstanding * ratePercent) / 100);
          const a = partialWriteOffAmounts({
            principal: principal as Fen,
            principalOutstanding: outstanding as Fen,
            provision: provision as Fen,
          });
          expect(Number.isInteger(a.provisionUsed)).toBe(true);
          expect(a.provisionUsed).toBeGreaterThanOrEqual(0);
          expect(a.provisionUsed).toBeLessThanOrEqual(provision);
          // The share kept is the provision for the principal kept, within half a 分 of the exact split.
          expect(Math.abs(a.provisionUsed * outstanding - provision * principal)).toBeLessThanOrEqual(
            outstanding / 2,
          );
          expect(a.provisionUsed + a.expense).toBe(principal);
          expect(a.total).toBe(principal);
          expect(balanced(writeOffPosting(a))).toBe(0);
        },
      ),
    );
  });
});

describe("partial write-off (部分核销): the schedule, latest installments first", () => {
  it("empties the last installments' principal, then cuts into the one before", () => {
    const rows = [row(1, 1000, 1000), row(2, 1000, 200), row(3, 1000), row(4, 1000)];
    expect(principalCutsFromLatest(rows, 1500 as Fen)).toEqual([
      { period: 4, principal: 1000 },
      { period: 3, principal: 500 },
    ]);
    // Reaching back into an installment partly paid takes only what is unpaid on it.
    expect(principalCutsFromLatest(rows, 2800 as Fen)).toEqual([
      { period: 4, principal: 1000 },
      { period: 3, principal: 1000 },
      { period: 2, principal: 800 },
    ]);
    expect(() => principalCutsFromLatest(rows, 2801 as Fen)).toThrow(RangeError);
  });

  it("takes exactly the amount, never more than is unpaid on a row, from a run of the latest rows", () => {
    const schedule = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 })), {
        minLength: 1,
        maxLength: 36,
      })
      .map((xs) => xs.map(([due, paidPct], i) => row(i + 1, due, Math.floor((due * paidPct) / 100))));
    fc.assert(
      fc.property(schedule, fc.double({ min: 0, max: 1, noNaN: true }), (rows, share) => {
        const unpaid = rows.reduce((s, r) => s + r.principalDue - r.principalPaid, 0);
        fc.pre(unpaid > 0);
        const amount = Math.max(1, Math.floor(unpaid * share));
        const cuts = principalCutsFromLatest(rows, amount as Fen);
        expect(cuts.reduce((s, c) => s + c.principal, 0)).toBe(amount);
        const byPeriod = new Map(rows.map((r) => [r.period, r]));
        for (const c of cuts) {
          const r = byPeriod.get(c.period) as InstallmentState;
          expect(c.principal).toBeGreaterThan(0);
          expect(c.principal).toBeLessThanOrEqual(r.principalDue - r.principalPaid);
        }
        // Every row after the earliest one cut gives up all its unpaid principal.
        const earliest = Math.min(...cuts.map((c) => c.period));
        for (const r of rows.filter((x) => x.period > earliest))
          expect(cuts.find((c) => c.period === r.period)?.principal ?? 0).toBe(
            r.principalDue - r.principalPaid,
          );
      }),
    );
  });
});
