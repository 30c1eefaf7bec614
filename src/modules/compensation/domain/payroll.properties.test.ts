import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen, roundFen } from "../../../platform/money.ts";
import { annualizedPerformance } from "./annualized.ts";
import { computePayroll } from "./payroll.ts";
import type { LoanInput, PayrollInput, StaffInput } from "./payroll-input.ts";
import { mergePlan, POSITIONS } from "./plan.ts";

const pad = (n: number) => String(n).padStart(2, "0");

// Managers always point at an earlier row, so the org is a forest; people join up to 3 months before
// the payroll month (or in it) and sell on or after the day they joined.
const anyScenario = fc
  .record({
    month: fc.integer({ min: 1, max: 12 }),
    people: fc.array(
      fc.record({
        position: fc.constantFrom(...POSITIONS),
        manager: fc.option(fc.nat(), { nil: null }),
        monthsBefore: fc.integer({ min: 0, max: 3 }),
        joinDay: fc.integer({ min: 1, max: 28 }),
        leaves: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
        loans: fc.array(
          fc.record({
            principal: fc.integer({ min: 1, max: 500_000_000 }),
            termMonths: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }),
            termDays: fc.integer({ min: 1, max: 1_000 }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          { maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    teamRate: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    directorRate: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    includeOwn: fc.boolean(),
    prorate: fc.boolean(),
    cap: fc.boolean(),
  })
  .map((s): PayrollInput => {
    const month = `2026-${pad(s.month)}`;
    const staff: StaffInput[] = [];
    const loans: LoanInput[] = [];
    s.people.forEach((p, i) => {
      const joinedMonth = s.month - p.monthsBefore;
      const joinedOn =
        joinedMonth >= 1
          ? `2026-${pad(joinedMonth)}-${pad(p.joinDay)}`
          : `2025-${pad(joinedMonth + 12)}-${pad(p.joinDay)}`;
      const leftDay = p.leaves === null ? null : Math.max(p.leaves, joinedMonth === s.month ? p.joinDay : 1);
      staff.push({
        id: `s${i}`,
        position: p.position,
        managerId: p.manager === null || i === 0 ? null : `s${p.manager % i}`,
        joinedOn,
        leftOn: leftDay === null ? null : `${month}-${pad(leftDay)}`,
      });
      for (const l of p.loans) {
        const earliest = joinedMonth === s.month ? p.joinDay : 1;
        const day = Math.min(Math.max(l.day, earliest), leftDay ?? 28);
        loans.push({
          staffId: `s${i}`,
          principal: l.principal as Fen,
          ...(l.termMonths === null ? { termDays: l.termDays } : { termMonths: l.termMonths }),
          disbursedOn: `${month}-${pad(day)}`,
        });
      }
    });
    const plan = mergePlan({
      managementRate: {
        "team-manager": s.teamRate === null ? null : new Dec(s.teamRate).div(100_000).toFixed(),
        "sales-director": s.directorRate === null ? null : new Dec(s.directorRate).div(100_000).toFixed(),
      },
      includeOwnInTeamTotal: s.includeOwn,
    });
    plan.proration.enabled = s.prorate;
    plan.performance.capAtPrincipalOverOneYear = s.cap;
    return { month, plan, staff, loans };
  });

describe("payroll properties", () => {
  it("total = base − deduction + commission + management, and the lines add up to the total", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const { statements } = computePayroll(input);
        expect(statements).toHaveLength(input.staff.length);
        for (const s of statements) {
          expect(s.total).toBe(s.baseSalary - s.deduction + s.commission + s.managementCommission);
          expect(s.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(s.total);
          expect(s.lines.map((l) => l.code)).toEqual([
            "base-salary",
            "deduction",
            "commission",
            "management-commission",
          ]);
          for (const value of [s.baseSalary, s.deduction, s.commission, s.managementCommission, s.total])
            expect(Number.isSafeInteger(value)).toBe(true);
          expect(s.deduction).toBeGreaterThanOrEqual(0);
          expect(s.deduction).toBeLessThanOrEqual(s.baseSalary);
          expect(s.total).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every loan of the month is credited once, and a director's commission is on everyone below", () => {
    fc.assert(
      fc.property(anyScenario, (input) => {
        const { statements } = computePayroll(input);
        const byId = new Map(statements.map((s) => [s.staffId, s]));
        const credited = statements.reduce((sum, s) => sum + s.annualizedPerformance, 0);
        const capAtPrincipal = input.plan.performance.capAtPrincipalOverOneYear;
        const sold = input.loans.reduce(
          (sum, loan) => sum + annualizedPerformance(loan, { capAtPrincipal }),
          0,
        );
        expect(credited).toBe(sold);
        const below = (id: string): string[] =>
          input.staff.filter((p) => p.managerId === id).flatMap((p) => [p.id, ...below(p.id)]);
        const rate = input.plan.managementRate["sales-director"];
        for (const person of input.staff) {
          if (person.position !== "sales-director" || rate === undefined) continue;
          const own = input.plan.includeOwnInTeamTotal ? [person.id] : [];
          const team = [...own, ...below(person.id)].reduce(
            (sum, id) => sum + (byId.get(id)?.annualizedPerformance ?? 0),
            0,
          );
          expect(byId.get(person.id)?.managementCommission).toBe(roundFen(new Dec(team).mul(rate)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
