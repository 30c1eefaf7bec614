import { describe, expect, it } from "vitest";
import { parseScheduleRequest, type ScheduleRequest, scheduleToJson } from "./schedule-json.ts";

const today = "2026-01-15";

function parsed(body: unknown): ScheduleRequest {
  const result = parseScheduleRequest(body, { today });
  if (!result.ok) throw new Error(JSON.stringify(result.fields));
  return result.value;
}

function fieldsOf(body: unknown): Record<string, string> {
  const result = parseScheduleRequest(body, { today });
  if (result.ok) throw new Error("expected errors");
  return result.fields;
}

const good = { principal: "10000", annualRate: "0.12", termMonths: 12, method: "flat" };

describe("parseScheduleRequest", () => {
  it("accepts decimal strings and numbers, defaulting the start date to today", () => {
    const value = parsed({ ...good, principal: 10000.5, annualRate: 0.12, upfrontFee: "100.1" });
    expect(value.principal).toBe(1_000_050);
    expect(value.annualRate.toFixed()).toBe("0.12");
    expect(value.startDate).toBe(today);
    expect(value.upfrontFee).toBe(10_010);
    expect(parsed({ ...good, termMonths: "12" }).termMonths).toBe(12);
  });

  it("names each bad field with a message code", () => {
    expect(
      fieldsOf({
        principal: "-5",
        annualRate: "1.5",
        termMonths: 361,
        method: "weekly",
        startDate: "2026-02-30",
        extra: 1,
      }),
    ).toEqual({
      principal: "invalid-principal",
      annualRate: "invalid-rate",
      termMonths: "invalid-term",
      method: "invalid-method",
      startDate: "invalid-date",
      extra: "unknown-field",
    });
    expect(fieldsOf({})).toEqual({
      principal: "required",
      annualRate: "required",
      termMonths: "required",
      method: "required",
    });
    expect(fieldsOf([])).toEqual({ body: "invalid-type" });
  });

  it("refuses more than 2 decimals, float noise, zero, too much, and fees at or above the principal", () => {
    expect(fieldsOf({ ...good, principal: "100.001" })).toHaveProperty("principal", "invalid-principal");
    expect(fieldsOf({ ...good, principal: 0.1 + 0.2 })).toHaveProperty("principal", "invalid-principal");
    expect(fieldsOf({ ...good, principal: "0" })).toHaveProperty("principal", "invalid-principal");
    expect(fieldsOf({ ...good, principal: "100000000.01" })).toHaveProperty("principal", "invalid-principal");
    expect(fieldsOf({ ...good, upfrontFee: "10000" })).toHaveProperty("upfrontFee", "invalid-fee");
    expect(fieldsOf({ ...good, upfrontFee: "1.234" })).toHaveProperty("upfrontFee", "invalid-fee");
    expect(fieldsOf({ ...good, termMonths: 1.5 })).toHaveProperty("termMonths", "invalid-term");
    expect(fieldsOf({ ...good, termMonths: "0" })).toHaveProperty("termMonths", "invalid-term");
    expect(fieldsOf({ ...good, annualRate: "abc" })).toHaveProperty("annualRate", "invalid-rate");
    expect(fieldsOf({ ...good, annualRate: "-0.1" })).toHaveProperty("annualRate", "invalid-rate");
  });

  it("accepts the edges", () => {
    expect(parsed({ ...good, principal: "0.01", termMonths: 1, annualRate: "0" }).principal).toBe(1);
    expect(parsed({ ...good, principal: "100000000.00", termMonths: 360, annualRate: "1" }).principal).toBe(
      10_000_000_000,
    );
  });
});

describe("scheduleToJson", () => {
  it("is exactly the API.md Schedule JSON: keys, order, 2-decimal strings", () => {
    const json = scheduleToJson(parsed({ ...good, startDate: "2026-01-15" }));
    expect(Object.keys(json)).toEqual([
      "method",
      "principal",
      "annualRate",
      "termMonths",
      "installments",
      "totals",
      "apr",
    ]);
    expect(json).toMatchObject({
      method: "flat",
      principal: "10000.00",
      annualRate: "0.12",
      termMonths: 12,
      apr: "21.46",
    });
    expect(json.installments[0]).toEqual({
      period: 1,
      dueDate: "2026-02-15",
      principal: "833.33",
      interest: "100.00",
      fee: "0.00",
      total: "933.33",
      remainingPrincipal: "9166.67",
    });
    expect(Object.keys(json.installments[0])).toEqual([
      "period",
      "dueDate",
      "principal",
      "interest",
      "fee",
      "total",
      "remainingPrincipal",
    ]);
    expect(json.totals).toEqual({
      principal: "10000.00",
      interest: "1200.00",
      fee: "0.00",
      total: "11200.00",
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("echoes the API.md example request and counts an upfront fee only in the APR", () => {
    const json = scheduleToJson(
      parsed({
        principal: "100000.00",
        annualRate: "0.18",
        termMonths: 12,
        method: "equal-installment",
        startDate: "2026-01-15",
      }),
    );
    expect(json.installments[0]).toMatchObject({ dueDate: "2026-02-15", interest: "1500.00" });
    expect(json.apr).toBe("18.00");
    const withFee = scheduleToJson(parsed({ ...good, startDate: "2026-01-15", upfrontFee: "100" }));
    expect(withFee.totals.fee).toBe("0.00");
    expect(withFee.apr).toBe("23.41");
  });
});
