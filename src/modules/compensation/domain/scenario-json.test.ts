import { describe, expect, it } from "vitest";
import { PayrollInputError } from "./errors.ts";
import { computePayroll } from "./payroll.ts";
import { parsePayrollScenario, payrollToJson } from "./scenario-json.ts";
import { API_EXAMPLE } from "./test-support.ts";

function scenarioError(json: unknown): PayrollInputError {
  try {
    parsePayrollScenario(json);
  } catch (error) {
    if (error instanceof PayrollInputError) return error;
    throw error;
  }
  throw new Error("expected a PayrollInputError");
}

const edit = (change: (copy: typeof API_EXAMPLE & Record<string, unknown>) => void) => {
  const copy = structuredClone(API_EXAMPLE) as typeof API_EXAMPLE & Record<string, unknown>;
  change(copy);
  return copy;
};

describe("payroll scenario JSON (API.md)", () => {
  it("formats the example exactly as documented, amounts as 2-decimal strings", () => {
    const output = payrollToJson(computePayroll(parsePayrollScenario(API_EXAMPLE)));
    expect(output.month).toBe("2026-11");
    const [d1, t1, c1] = output.statements;
    expect(Object.keys(c1)).toEqual([
      "staffId",
      "stage",
      "annualizedPerformance",
      "target",
      "baseSalary",
      "deduction",
      "commission",
      "managementCommission",
      "total",
      "lines",
    ]);
    expect({ ...c1, lines: undefined }).toEqual({
      staffId: "c1",
      stage: "probation",
      annualizedPerformance: "60000.00",
      target: null,
      baseSalary: "1800.00",
      deduction: "0.00",
      commission: "600.00",
      managementCommission: "0.00",
      total: "2400.00",
      lines: undefined,
    });
    expect(c1.lines[2]).toEqual({
      code: "commission",
      amount: "600.00",
      explanation:
        "年化业绩 60,000.00 × 1% = 600.00;年化业绩 = 120,000.00 × 6/12 = 60,000.00 | annualized performance 60,000.00 × 1% = 600.00; annualized performance = 120,000.00 × 6/12 = 60,000.00",
    });
    expect(t1).toMatchObject({
      target: "300000.00",
      deduction: "1000.00",
      managementCommission: "300.00",
      total: "2300.00",
    });
    expect(t1.lines[1]).toMatchObject({ code: "deduction", amount: "-1000.00" });
    expect(d1).toMatchObject({ managementCommission: "180.00", total: "5180.00" });
  });

  it("adds warnings only to statements that have one", () => {
    const output = payrollToJson(
      computePayroll(parsePayrollScenario(edit((s) => delete (s as Record<string, unknown>).plan))),
    );
    expect(output.statements.map((s) => s.warnings)).toEqual([
      ["方案未设置营销总监的管理提成比例 | plan has no management-commission rate for sales-director"],
      ["方案未设置团队经理的管理提成比例 | plan has no management-commission rate for team-manager"],
      undefined,
    ]);
  });

  it("takes every missing plan field from the seed and accepts numbers for amounts and rates", () => {
    const input = parsePayrollScenario(
      edit((s) => {
        (s as Record<string, unknown>).plan = { managementRate: { "team-manager": 0.005 } };
        (s.loans[0] as Record<string, unknown>).principal = 120000;
        (s.staff[2] as Record<string, unknown>).leftOn = null;
      }),
    );
    expect(input.plan.managementRate).toEqual({ "team-manager": "0.005" });
    expect(input.plan.includeOwnInTeamTotal).toBe(false);
    expect(input.loans[0].principal).toBe(12_000_000);
  });

  it.each([
    ["not an object", [], "scenario", "invalid-type"],
    ["month missing", edit((s) => delete (s as Record<string, unknown>).month), "month", "required"],
    ["bad month", edit((s) => (s.month = "2026-13")), "month", "invalid-month"],
    ["unknown top-level field", edit((s) => (s.extra = 1)), "extra", "unknown-field"],
    ["staff not a list", edit((s) => ((s as Record<string, unknown>).staff = {})), "staff", "invalid-type"],
    ["loans missing", edit((s) => delete (s as Record<string, unknown>).loans), "loans", "required"],
    ["staff row not an object", edit((s) => ((s.staff as unknown[])[1] = "t1")), "staff[1]", "invalid-type"],
    [
      "staff id a number",
      edit((s) => ((s.staff[2] as Record<string, unknown>).id = 7)),
      "staff[2].id",
      "invalid-type",
    ],
    [
      "typo in a staff field",
      edit((s) => ((s.staff[0] as Record<string, unknown>).joinedon = "x")),
      "staff[0].joinedon",
      "unknown-field",
    ],
    [
      "unknown position",
      edit((s) => (s.staff[1].position = "boss")),
      "staff[1].position",
      "unknown-position",
    ],
    ["unknown manager", edit((s) => (s.staff[2].managerId = "t9")), "staff[2].managerId", "unknown-manager"],
    ["cycle", edit((s) => (s.staff[0].managerId = "t1")), "staff[0].managerId", "manager-cycle"],
    ["loan for unknown staff", edit((s) => (s.loans[0].staffId = "c9")), "loans[0].staffId", "unknown-staff"],
    [
      "negative principal",
      edit((s) => (s.loans[0].principal = "-120000.00")),
      "loans[0].principal",
      "invalid-amount",
    ],
    ["zero principal", edit((s) => (s.loans[0].principal = "0.00")), "loans[0].principal", "invalid-amount"],
    [
      "3-decimal principal",
      edit((s) => (s.loans[0].principal = "120000.005")),
      "loans[0].principal",
      "invalid-amount",
    ],
    [
      "float principal",
      edit((s) => ((s.loans[0] as Record<string, unknown>).principal = 0.1 + 0.2)),
      "loans[0].principal",
      "invalid-amount",
    ],
    [
      "principal missing",
      edit((s) => delete (s.loans[0] as Record<string, unknown>).principal),
      "loans[0].principal",
      "required",
    ],
    [
      "term as text",
      edit((s) => ((s.loans[0] as Record<string, unknown>).termMonths = "six")),
      "loans[0].termMonths",
      "invalid-term",
    ],
    [
      "bad disbursement date",
      edit((s) => (s.loans[0].disbursedOn = "2026-11-31")),
      "loans[0].disbursedOn",
      "invalid-date",
    ],
    [
      "rate not a number",
      edit((s) => (s.plan.managementRate["team-manager"] = "half")),
      "plan.managementRate.team-manager",
      "invalid-rate",
    ],
    [
      "rate above 1",
      edit((s) => (s.plan.managementRate["sales-director"] = "3")),
      "plan.managementRate.sales-director",
      "invalid-rate",
    ],
    [
      "rate for a customer manager",
      edit((s) => ((s.plan.managementRate as Record<string, string>)["customer-manager"] = "0.01")),
      "plan.managementRate.customer-manager",
      "unknown-position",
    ],
    [
      "includeOwnInTeamTotal as text",
      edit((s) => ((s.plan as Record<string, unknown>).includeOwnInTeamTotal = "no")),
      "plan.includeOwnInTeamTotal",
      "invalid-type",
    ],
    [
      "unknown plan field",
      edit((s) => ((s.plan as Record<string, unknown>).baseSalary = "1")),
      "plan.baseSalary",
      "unknown-field",
    ],
  ])("%s → %s %s", (_, json, path, code) => {
    const error = scenarioError(json);
    expect(error.path).toBe(path);
    expect(error.code).toBe(code);
  });
});
