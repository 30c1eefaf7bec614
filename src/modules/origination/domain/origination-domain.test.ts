import { describe, expect, it } from "vitest";
import { fen } from "../../../platform/money.ts";
import { committeeOutcome } from "./committee.ts";
import { ageOn, type QualificationFacts, runQualificationChecks } from "./qualification.ts";
import { DEFAULT_SCORECARD, score } from "./scorecard.ts";
import { checkTransition } from "./state-machine.ts";

describe("state machine", () => {
  const base = { permissions: new Set(["applications.review"]), actorId: "risk-1", originatorId: "cm-1" };
  it("lets risk qualify an interviewed application", () => {
    expect(checkTransition({ ...base, action: "qualify", status: "interviewed" })).toEqual({ ok: true });
  });
  it("refuses a step out of order", () => {
    expect(checkTransition({ ...base, action: "assess", status: "interviewed" })).toEqual({
      ok: false,
      reason: "wrong-status",
    });
  });
  it("refuses the originator even with the permission (maker–checker)", () => {
    expect(checkTransition({ ...base, actorId: "cm-1", action: "qualify", status: "interviewed" })).toEqual({
      ok: false,
      reason: "originator",
    });
  });
  it("refuses a role without the permission", () => {
    expect(checkTransition({ ...base, action: "disburse", status: "approved" })).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });
  it("never leaves a terminal status", () => {
    for (const action of ["interview", "qualify", "withdraw", "vote", "disburse"] as const)
      expect(
        checkTransition({
          ...base,
          permissions: new Set([
            "applications.create",
            "applications.review",
            "applications.vote",
            "loans.disburse",
          ]),
          action,
          status: "disbursed",
        }).ok,
      ).toBe(false);
  });
});

describe("committee", () => {
  it("unanimous: approved only when all three approve, rejected by any one", () => {
    expect(committeeOutcome({ votes: ["approve", "approve"], members: 3, rule: "unanimous" })).toBe(
      "pending",
    );
    expect(
      committeeOutcome({ votes: ["approve", "approve", "approve"], members: 3, rule: "unanimous" }),
    ).toBe("approved");
    expect(committeeOutcome({ votes: ["approve", "reject"], members: 3, rule: "unanimous" })).toBe(
      "rejected",
    );
  });
  it("majority: two of three decide either way", () => {
    expect(committeeOutcome({ votes: ["approve", "approve"], members: 3, rule: "majority" })).toBe(
      "approved",
    );
    expect(committeeOutcome({ votes: ["reject", "approve"], members: 3, rule: "majority" })).toBe("pending");
    expect(committeeOutcome({ votes: ["reject", "reject"], members: 3, rule: "majority" })).toBe("rejected");
  });
});

describe("scorecard", () => {
  it("scores a strong applicant with every factor explained", () => {
    const result = score({
      input: {
        monthlyIncome: fen(3_500_000),
        monthlyDebt: fen(500_000),
        businessYears: 6,
        overdueCount24m: 0,
        hasCollateral: true,
      },
      productMax: fen(50_000_000),
    });
    // income 35,000 → 25; DTI 0.1429 → 25; 6 years → 20; 0 overdue → 20; collateral → 10
    expect(result.factors.map((f) => f.points)).toEqual([25, 25, 20, 20, 10]);
    expect(result).toMatchObject({ score: 100, maxScore: 100, grade: "A" });
    // 12 × 35,000 = 420,000, under the product maximum of 500,000
    expect(result.recommendedLimit).toBe(42_000_000);
  });
  it("grades a weak applicant D with no recommended limit", () => {
    const result = score({
      input: {
        monthlyIncome: fen(400_000),
        monthlyDebt: fen(300_000),
        businessYears: 0,
        overdueCount24m: 5,
        hasCollateral: false,
      },
      productMax: fen(10_000_000),
    });
    // income 4,000 → 5; DTI 0.75 → 0; 0 years → 3; 5 overdues → 0; none → 0
    expect(result).toMatchObject({ score: 8, grade: "D", recommendedLimit: 0 });
  });
  it("caps the limit at the product maximum and rounds down to hundreds", () => {
    const result = score({
      input: {
        monthlyIncome: fen(1_234_567),
        monthlyDebt: fen(0),
        businessYears: 2,
        overdueCount24m: 1,
        hasCollateral: false,
      },
      productMax: fen(100_000_000),
    });
    // 20 + 25 + 10 + 12 + 0 = 67 → B, 8 × 12,345.67 = 98,765.36 → 98,700.00
    expect(result).toMatchObject({ score: 67, grade: "B", recommendedLimit: 9_870_000 });
  });
  it("has bands for every default factor", () => {
    expect(DEFAULT_SCORECARD.factors.every((f) => f.bands.length > 0)).toBe(true);
  });
});

describe("qualification checks", () => {
  const facts: QualificationFacts = {
    idValid: true,
    age: 35,
    segment: "sole-proprietor",
    blacklisted: false,
    overdueLoansWithUs: 0,
    amount: fen(10_000_000),
    termMonths: 12,
    product: {
      minAmount: fen(1_000_000),
      maxAmount: fen(50_000_000),
      termOptions: [6, 12, 24],
      eligibleSegments: ["sole-proprietor", "individual"],
      minAge: 18,
      maxAge: 60,
      maxDebtToIncome: 0.5,
    },
    monthlyIncome: fen(2_000_000),
    monthlyDebt: fen(400_000),
    borrowerOutstanding: fen(0),
    perBorrowerLimit: fen(500_000_000),
  };
  it("passes a good application", () => {
    expect(runQualificationChecks(facts).every((c) => c.passed)).toBe(true);
  });
  it("never passes a student, whatever the product says", () => {
    const checks = runQualificationChecks({
      ...facts,
      segment: "student",
      product: { ...facts.product, eligibleSegments: ["student"] },
    });
    expect(checks.find((c) => c.key === "segment-eligible")?.passed).toBe(false);
  });
  it("fails the per-borrower limit, the term and the amount with figures", () => {
    const checks = runQualificationChecks({
      ...facts,
      termMonths: 9,
      amount: fen(60_000_000),
      borrowerOutstanding: fen(480_000_000),
    });
    const failed = checks.filter((c) => !c.passed).map((c) => c.key);
    expect(failed).toEqual(["amount-range", "term-offered", "per-borrower-limit"]);
  });
  it("computes age on a date", () => {
    expect(ageOn("1988-05-12", "2026-05-11")).toBe(37);
    expect(ageOn("1988-05-12", "2026-05-12")).toBe(38);
  });
});
