import { describe, expect, it } from "vitest";
import { changeOnLastMonth } from "./portfolio-change.ts";

describe("changeOnLastMonth", () => {
  it("gives the change in tenths of a percent, signed", () => {
    expect(changeOnLastMonth("112.30", "100.00")).toBe("+12.3%");
    expect(changeOnLastMonth("96.00", "100.00")).toBe("-4.0%");
    expect(changeOnLastMonth("100.00", "100.00")).toBe("+0.0%");
    expect(changeOnLastMonth("0.00", "250000.00")).toBe("-100.0%");
  });
  it("rounds half away from zero", () => {
    expect(changeOnLastMonth("100.05", "100.00")).toBe("+0.1%");
    expect(changeOnLastMonth("99.95", "100.00")).toBe("-0.1%");
    expect(changeOnLastMonth("100.04", "100.00")).toBe("+0.0%");
  });
  it("says nothing when last month was nothing or is unknown", () => {
    expect(changeOnLastMonth("100.00", "0.00")).toBeNull();
    expect(changeOnLastMonth("100.00", undefined)).toBeNull();
  });
});
