import { describe, expect, it } from "vitest";
import { Dec } from "../../../platform/money.ts";
import { checkRateCap, lprOn } from "./rate-cap.ts";

const table = [
  { from: "2025-01-01", rate: "0.031" },
  { from: "2026-01-01", rate: "0.030" },
];

describe("rate cap", () => {
  it("picks the LPR in force on the date", () => {
    expect(lprOn({ date: "2025-12-31", table })?.toFixed()).toBe("0.031");
    expect(lprOn({ date: "2026-01-01", table })?.toFixed()).toBe("0.03");
    expect(lprOn({ date: "2024-06-01", table })).toBeNull();
  });

  it("ok at or below 4 × LPR (12% in 2026)", () => {
    expect(checkRateCap({ apr: new Dec("0.12"), date: "2026-03-01", lprTable: table }).status).toBe("ok");
  });

  it("flags above 4 × LPR", () => {
    const check = checkRateCap({ apr: new Dec("0.2146"), date: "2026-03-01", lprTable: table });
    expect(check.status).toBe("flagged");
    expect(check.reasons).toEqual(["above-4x-lpr"]);
    expect(check.lprLine?.toFixed()).toBe("0.12");
  });

  it("refuses above the cap (default 24%), on the unrounded APR", () => {
    expect(checkRateCap({ apr: new Dec("0.24"), date: "2026-03-01", lprTable: table }).status).toBe(
      "flagged",
    );
    const over = checkRateCap({ apr: new Dec("0.24004"), date: "2026-03-01", lprTable: table });
    expect(over.status).toBe("refused");
    expect(over.reasons).toEqual(["above-cap", "above-4x-lpr"]);
  });

  it("takes another cap", () => {
    expect(
      checkRateCap({ apr: new Dec("0.20"), date: "2026-03-01", lprTable: [], cap: new Dec("0.18") }).status,
    ).toBe("refused");
    expect(checkRateCap({ apr: new Dec("0.20"), date: "2026-03-01", lprTable: [] }).status).toBe("ok");
  });
});
