import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import { allocatePayment, type Component, type Outstanding } from "./allocation.ts";

const row = (period: number, [fee, penalty, interest, principal]: number[]): Outstanding => ({
  period,
  fee: fee as Fen,
  penalty: penalty as Fen,
  interest: interest as Fen,
  principal: principal as Fen,
});

describe("payment allocation", () => {
  const owed = [row(2, [0, 0, 900, 10_000]), row(1, [500, 300, 1000, 10_000])];

  it("oldest installment first, fees → penalty → interest → principal within it", () => {
    const result = allocatePayment({ amount: 12_000 as Fen, outstanding: owed });
    expect(result.lines).toEqual([
      { period: 1, fee: 500, penalty: 300, interest: 1000, principal: 10_000, total: 11_800 },
      { period: 2, fee: 0, penalty: 0, interest: 200, principal: 0, total: 200 },
    ]);
    expect(result.credit).toBe(0);
    expect(result.applied).toBe(12_000);
  });

  it("a partial payment stops inside the first installment's components", () => {
    const result = allocatePayment({ amount: 1_000 as Fen, outstanding: owed });
    expect(result.lines[0]).toEqual({
      period: 1,
      fee: 500,
      penalty: 300,
      interest: 200,
      principal: 0,
      total: 1000,
    });
    expect(result.lines[1].total).toBe(0);
  });

  it("overpayment becomes a credit balance", () => {
    const result = allocatePayment({ amount: 30_000 as Fen, outstanding: owed });
    expect(result.applied).toBe(22_700);
    expect(result.credit).toBe(7_300);
  });

  it("by-component clears each component across installments first", () => {
    const result = allocatePayment({
      amount: 2_800 as Fen,
      outstanding: owed,
      order: { strategy: "by-component", components: ["penalty", "interest", "fee", "principal"] },
    });
    // Penalty 300, then interest 1000 + 900, then fee 500, then 100 of the oldest principal.
    expect(result.lines).toEqual([
      { period: 1, fee: 500, penalty: 300, interest: 1000, principal: 100, total: 1900 },
      { period: 2, fee: 0, penalty: 0, interest: 900, principal: 0, total: 900 },
    ]);
    expect(result.credit).toBe(0);
  });

  it("refuses an order that leaves a component out", () => {
    expect(() =>
      allocatePayment({
        amount: 1 as Fen,
        outstanding: owed,
        order: { components: ["fee", "interest", "principal"] },
      }),
    ).toThrow(/order.components/);
  });

  it("property: conserves every 分 and never pays more than is owed", () => {
    const component = fc.integer({ min: 0, max: 1_000_000 });
    const rowArb = fc.tuple(component, component, component, component);
    const order = fc.shuffledSubarray(["fee", "penalty", "interest", "principal"] as Component[], {
      minLength: 4,
    });
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 24 }),
        fc.integer({ min: 0, max: 50_000_000 }),
        order,
        fc.constantFrom("by-installment" as const, "by-component" as const),
        fc.constantFrom("oldest-first" as const, "newest-first" as const),
        (rows, amount, components, strategy, installments) => {
          const outstanding = rows.map((amounts, index) => row(index + 1, amounts));
          const result = allocatePayment({
            amount: amount as Fen,
            outstanding,
            order: { components, strategy, installments },
          });
          let applied = 0;
          for (const line of result.lines) {
            const owedRow = outstanding.find((r) => r.period === line.period) as Outstanding;
            let sum = 0;
            for (const c of components) {
              expect(line[c]).toBeGreaterThanOrEqual(0);
              expect(line[c]).toBeLessThanOrEqual(owedRow[c]);
              sum += line[c];
            }
            expect(line.total).toBe(sum);
            applied += sum;
          }
          expect(applied).toBe(result.applied);
          expect(result.applied + result.credit).toBe(amount);
          const totalOwed = outstanding.reduce((s, r) => s + r.fee + r.penalty + r.interest + r.principal, 0);
          expect(result.applied).toBe(Math.min(amount, totalOwed));
        },
      ),
      { numRuns: 500 },
    );
  });
});
