import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import type { InstallmentState } from "./restructure-plan.ts";
import { writeOffAmounts, writeOffPosting } from "./write-off.ts";

const row = (over: Partial<InstallmentState>): InstallmentState => ({
  period: 1,
  dueDate: "2026-01-15",
  principalDue: 0,
  interestDue: 0,
  feeDue: 0,
  penaltyAccrued: 0,
  principalPaid: 0,
  interestPaid: 0,
  feePaid: 0,
  penaltyPaid: 0,
  paidOffDate: null,
  recognisedDate: null,
  ...over,
});

describe("write-off (核销) amounts and posting", () => {
  const rows = [
    row({
      period: 1,
      principalDue: 100_000,
      interestDue: 1200,
      interestPaid: 200,
      recognisedDate: "2026-01-15",
    }),
    row({
      period: 2,
      principalDue: 100_000,
      interestDue: 1100,
      feeDue: 500,
      penaltyAccrued: 3456,
      recognisedDate: "2026-02-15",
    }),
    // Not yet due: its interest was never booked and is not written off.
    row({ period: 3, principalDue: 100_000, interestDue: 1000 }),
  ];

  it("takes principal, recognised interest and fees and the penalty off the books; the provision absorbs the loss first", () => {
    const amounts = writeOffAmounts({ rows, principalOutstanding: 300_000 as Fen, provision: 75_000 as Fen });
    expect(amounts).toEqual({
      principal: 300_000,
      interest: 2100,
      fee: 500,
      penalty: 3456,
      total: 306_056,
      provisionUsed: 75_000,
      expense: 231_056,
    });
    expect(writeOffPosting(amounts)).toEqual([
      { account: "1309", debit: 75_000 },
      { account: "6701", debit: 231_056 },
      { account: "1301", credit: 300_000 },
      { account: "1302", credit: 2100 },
      { account: "1303", credit: 3456 },
      { account: "1304", credit: 500 },
    ]);
  });

  it("releases a provision larger than the loss back through 6701", () => {
    const amounts = writeOffAmounts({ rows: [], principalOutstanding: 1000 as Fen, provision: 1500 as Fen });
    expect(writeOffPosting(amounts)).toEqual([
      { account: "1309", debit: 1500 },
      { account: "6701", credit: 500 },
      { account: "1301", credit: 1000 },
    ]);
  });

  it("always balances, with whole fen on one side per line", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            principal: fc.integer({ min: 0, max: 10_000_000 }),
            interest: fc.integer({ min: 0, max: 100_000 }),
            interestPaid: fc.integer({ min: 0, max: 100_000 }),
            fee: fc.integer({ min: 0, max: 10_000 }),
            penalty: fc.integer({ min: 0, max: 100_000 }),
            recognised: fc.boolean(),
          }),
          { maxLength: 24 },
        ),
        fc.integer({ min: -100_000, max: 10_000_000 }),
        (specs, provision) => {
          const list = specs.map((s, i) =>
            row({
              period: i + 1,
              principalDue: s.principal,
              interestDue: s.interest,
              interestPaid: Math.min(s.interestPaid, s.interest),
              feeDue: s.fee,
              penaltyAccrued: s.penalty,
              recognisedDate: s.recognised ? "2026-01-15" : null,
            }),
          );
          const principal = list.reduce((s, r) => s + r.principalDue, 0) as Fen;
          const lines = writeOffPosting(
            writeOffAmounts({ rows: list, principalOutstanding: principal, provision: provision as Fen }),
          );
          const debit = lines.reduce((s, l) => s + (l.debit ?? 0), 0);
          const credit = lines.reduce((s, l) => s + (l.credit ?? 0), 0);
          expect(debit).toBe(credit);
          for (const l of lines) {
            expect((l.debit ?? 0) > 0 !== (l.credit ?? 0) > 0).toBe(true);
            expect(Number.isSafeInteger(l.debit ?? l.credit)).toBe(true);
          }
        },
      ),
    );
  });
});
