// Loans summed per person and term (what a payroll run reads from the database) must pay exactly what
// the same loans pay one by one, and a group that does not add up is refused before anything is paid.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Fen, formatAmount } from "../../../platform/money.ts";
import { annualizedPerformance } from "./annualized.ts";
import type { LoanGroupInput } from "./loan-groups.ts";
import { computePayroll } from "./payroll.ts";
import type { LoanInput, StaffInput } from "./payroll-input.ts";
import { figures, planWith, staff, yuan } from "./test-support.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** What the database does: Σ per (staff, term), each loan rounded on its own. */
function groupLoans(loans: readonly LoanInput[]): LoanGroupInput[] {
  const groups = new Map<string, LoanGroupInput>();
  for (const loan of loans) {
    const key = `${loan.staffId}|${loan.termMonths}`;
    const value = annualizedPerformance(loan);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        staffId: loan.staffId,
        termMonths: loan.termMonths as number,
        loanCount: 1,
        principal: loan.principal,
        annualized: value,
        firstDisbursedOn: loan.disbursedOn,
        lastDisbursedOn: loan.disbursedOn,
      });
      continue;
    }
    g.loanCount += 1;
    g.principal = (g.principal + loan.principal) as Fen;
    g.annualized = (g.annualized + value) as Fen;
    if (loan.disbursedOn < g.firstDisbursedOn) g.firstDisbursedOn = loan.disbursedOn;
    if (loan.disbursedOn > g.lastDisbursedOn) g.lastDisbursedOn = loan.disbursedOn;
  }
  return [...groups.values()];
}

const TEAM: StaffInput[] = [
  staff({ id: "d", position: "sales-director" }),
  staff({ id: "t", position: "team-manager", managerId: "d" }),
  staff({ id: "c1", position: "customer-manager", managerId: "t" }),
  staff({ id: "c2", position: "customer-manager", managerId: "t", joinedOn: "2026-03-10" }),
];

const anyLoans = fc.array(
  fc.record({
    who: fc.constantFrom("t", "c1", "c2"),
    principal: fc.integer({ min: 1, max: 80_000_000 }),
    termMonths: fc.constantFrom(1, 3, 6, 7, 12, 13, 18, 24, 36),
    day: fc.integer({ min: 10, max: 31 }),
  }),
  { maxLength: 30 },
);

describe("loan groups", () => {
  it("pay exactly what the same loans pay one by one, capped or not", () => {
    fc.assert(
      fc.property(anyLoans, fc.boolean(), (rows, cap) => {
        const loans: LoanInput[] = rows.map((r) => ({
          staffId: r.who,
          principal: r.principal as Fen,
          termMonths: r.termMonths,
          disbursedOn: `2026-03-${pad(r.day)}`,
        }));
        const plan = planWith((p) => {
          p.performance.capAtPrincipalOverOneYear = cap;
        });
        const one = computePayroll({ month: "2026-03", plan, staff: TEAM, loans });
        const grouped = computePayroll({
          month: "2026-03",
          plan,
          staff: TEAM,
          loans: [],
          loanGroups: groupLoans(loans),
        });
        expect(grouped.statements.map(figures)).toEqual(one.statements.map(figures));
      }),
      { numRuns: 300 },
    );
  });

  it("explain their arithmetic", () => {
    const loans: LoanInput[] = [
      { staffId: "c1", principal: yuan("100000.01"), termMonths: 6, disbursedOn: "2026-03-12" },
      { staffId: "c1", principal: yuan("100000.01"), termMonths: 6, disbursedOn: "2026-03-20" },
      { staffId: "c1", principal: yuan("240000.00"), termMonths: 24, disbursedOn: "2026-03-21" },
    ];
    const result = computePayroll({
      month: "2026-03",
      plan: planWith(),
      staff: TEAM,
      loans: [],
      loanGroups: groupLoans(loans),
    });
    const c1 = result.statements.find((s) => s.staffId === "c1")!;
    // 50,000.005 rounds to 50,000.01 per loan: 100,000.02 for the pair, not round(100,000.01).
    expect(formatAmount(c1.annualizedPerformance)).toBe("580000.02");
    expect(c1.lines[2].explanation["zh-CN"]).toBe(
      "年化业绩 580,000.02 × 1% = 5,800.00;年化业绩 = 200,000.02 × 6/12(2 笔,逐笔四舍五入)= 100,000.02 + 240,000.00 × 24/12 = 480,000.00",
    );
    expect(c1.lines[2].explanation["en-US"]).toContain(
      "200,000.02 × 6/12 (2 loans, rounded loan by loan) = 100,000.02",
    );
  });

  it("are refused when they do not add up, fall outside the month or the employment, or name nobody", () => {
    const good: LoanGroupInput = {
      staffId: "c2",
      termMonths: 12,
      loanCount: 2,
      principal: yuan("200000.00"),
      annualized: yuan("200000.00"),
      firstDisbursedOn: "2026-03-10",
      lastDisbursedOn: "2026-03-30",
    };
    const issues = (groups: LoanGroupInput[]) => {
      try {
        computePayroll({ month: "2026-03", plan: planWith(), staff: TEAM, loans: [], loanGroups: groups });
        return [];
      } catch (error) {
        return (error as { issues: { code: string; path: string }[] }).issues;
      }
    };
    expect(issues([good])).toEqual([]);
    expect(issues([{ ...good, annualized: yuan("200000.02") }])).toEqual([
      expect.objectContaining({ code: "invalid-amount", path: "loanGroups[0].annualized" }),
    ]);
    expect(issues([{ ...good, firstDisbursedOn: "2026-03-09" }])).toEqual([
      expect.objectContaining({ code: "loan-outside-employment", path: "loanGroups[0].firstDisbursedOn" }),
    ]);
    expect(issues([{ ...good, lastDisbursedOn: "2026-04-01" }])[0].code).toBe("invalid-date");
    expect(issues([{ ...good, staffId: "zz" }])[0].code).toBe("unknown-staff");
    expect(issues([{ ...good, loanCount: 0 }])[0].code).toBe("invalid-amount");
    expect(issues([{ ...good, termMonths: 0 }])[0].code).toBe("invalid-term");
  });
});
