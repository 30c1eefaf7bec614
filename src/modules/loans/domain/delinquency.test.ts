import { describe, expect, it } from "vitest";
import { Dec, formatAmount } from "../../../platform/money.ts";
import {
  accruePenalty,
  bucketOf,
  classify,
  daysPastDue,
  penaltyRate,
  provisionFor,
  provisionsByClass,
} from "./delinquency.ts";
import { yuan } from "./test-support.ts";

describe("days past due", () => {
  it("counts from the oldest unpaid due date; the due date itself is not overdue", () => {
    expect(daysPastDue({ businessDate: "2026-03-15", oldestUnpaidDueDate: "2026-03-15" })).toBe(0);
    expect(daysPastDue({ businessDate: "2026-03-16", oldestUnpaidDueDate: "2026-03-15" })).toBe(1);
    expect(daysPastDue({ businessDate: "2026-03-01", oldestUnpaidDueDate: "2026-01-31" })).toBe(29);
    expect(daysPastDue({ businessDate: "2026-03-01", oldestUnpaidDueDate: "2026-04-30" })).toBe(0);
    expect(daysPastDue({ businessDate: "2026-03-01", oldestUnpaidDueDate: null })).toBe(0);
  });
});

describe("penalty interest 罚息", () => {
  it("defaults to contract rate × 1.5, and the multiplier is a parameter", () => {
    expect(penaltyRate({ contractRate: new Dec("0.12") }).toFixed()).toBe("0.18");
    expect(penaltyRate({ contractRate: new Dec("0.12"), multiplier: new Dec("1.3") }).toFixed()).toBe(
      "0.156",
    );
  });

  it("accrues daily on overdue principal at rate / 360, simple", () => {
    // 10,000 × 0.18 × 30 / 360 = 150.00
    expect(
      formatAmount(
        accruePenalty({ overduePrincipal: yuan("10000.00"), penaltyAnnualRate: new Dec("0.18"), days: 30 }),
      ),
    ).toBe("150.00");
    // 365-day basis: 10,000 × 0.18 × 30 / 365 = 147.945… → 147.95
    expect(
      formatAmount(
        accruePenalty({
          overduePrincipal: yuan("10000.00"),
          penaltyAnnualRate: new Dec("0.18"),
          days: 30,
          dayBasis: 365,
        }),
      ),
    ).toBe("147.95");
  });

  it("daily postings as differences of the cumulative figure add up exactly", () => {
    const cumulative = (days: number) =>
      accruePenalty({ overduePrincipal: yuan("833.33"), penaltyAnnualRate: new Dec("0.0735"), days });
    let posted = 0;
    for (let day = 1; day <= 90; day++) posted += cumulative(day) - cumulative(day - 1);
    expect(posted).toBe(cumulative(90));
  });
});

describe("buckets and classification", () => {
  it("M0–M7 by 30-day steps", () => {
    const cases: [number, string][] = [
      [0, "M0"],
      [1, "M1"],
      [30, "M1"],
      [31, "M2"],
      [90, "M3"],
      [91, "M4"],
      [180, "M6"],
      [181, "M7"],
      [999, "M7"],
    ];
    for (const [dpd, bucket] of cases) expect(bucketOf(dpd)).toBe(bucket);
  });

  it("five levels by DPD with the DOMAIN defaults", () => {
    const cases: [number, string][] = [
      [0, "normal"],
      [1, "special-mention"],
      [90, "special-mention"],
      [91, "substandard"],
      [270, "substandard"],
      [271, "doubtful"],
      [360, "doubtful"],
      [361, "loss"],
    ];
    for (const [dpd, level] of cases) expect(classify(dpd)).toBe(level);
  });

  it("takes other thresholds", () => {
    const strict = { specialMention: 1, substandard: 61, doubtful: 181, loss: 271 };
    expect(classify(61, strict)).toBe("substandard");
    expect(classify(271, strict)).toBe("loss");
  });
});

describe("provisions", () => {
  it("default rates 1% / 2% / 25% / 50% / 100%", () => {
    const principal = yuan("12345.67");
    const expected = {
      normal: "123.46",
      "special-mention": "246.91",
      substandard: "3086.42",
      doubtful: "6172.84",
      loss: "12345.67",
    };
    for (const [classification, amount] of Object.entries(expected))
      expect(
        formatAmount(
          provisionFor({
            outstandingPrincipal: principal,
            classification: classification as keyof typeof expected,
          }),
        ),
      ).toBe(amount);
  });

  it("configurable rates and totals per class", () => {
    const totals = provisionsByClass({
      loans: [
        { outstandingPrincipal: yuan("1000.00"), dpd: 0 },
        { outstandingPrincipal: yuan("2000.00"), dpd: 100 },
        { outstandingPrincipal: yuan("3000.00"), dpd: 400 },
      ],
      rates: {
        normal: new Dec("0.015"),
        "special-mention": new Dec("0.03"),
        substandard: new Dec("0.3"),
        doubtful: new Dec("0.6"),
        loss: new Dec("1"),
      },
    });
    expect(formatAmount(totals.normal.provision)).toBe("15.00");
    expect(formatAmount(totals.substandard.provision)).toBe("600.00");
    expect(formatAmount(totals.loss.principal)).toBe("3000.00");
    expect(totals.doubtful.principal).toBe(0);
  });
});
