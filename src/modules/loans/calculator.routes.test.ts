import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const calc = (body: unknown) => t.anonymous().post("/api/v1/calculator/schedule", body);

describe("POST /api/v1/calculator/schedule (public)", () => {
  it("answers without sign-in with the flat example of DOMAIN.md and its APR", async () => {
    const res = await calc({
      principal: "10000",
      annualRate: "0.12",
      termMonths: 12,
      method: "flat",
      startDate: "2026-01-15",
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.apr).toBe("21.46");
    expect(body.installments.map((r: { total: string }) => r.total)).toEqual([
      ...Array(11).fill("933.33"),
      "933.37",
    ]);
    expect(body.installments[0]).toEqual({
      period: 1,
      dueDate: "2026-02-15",
      principal: "833.33",
      interest: "100.00",
      fee: "0.00",
      total: "933.33",
      remainingPrincipal: "9166.67",
    });
    expect(body.totals).toEqual({
      principal: "10000.00",
      interest: "1200.00",
      fee: "0.00",
      total: "11200.00",
    });
  });

  it("gives the same figures as the public 360-month example", async () => {
    const res = await calc({
      principal: "1000000",
      annualRate: "0.049",
      termMonths: 360,
      method: "equal-installment",
      startDate: "2026-01-31",
    });
    const body = res.json();
    expect(body.installments[0].total).toBe("5307.27");
    expect(body.installments[359]).toMatchObject({
      total: "5305.19",
      principal: "5283.62",
      interest: "21.57",
    });
    expect(body.totals.interest).toBe("910615.12");
    expect(body.apr).toBe("4.90");
  });

  it("counts an upfront fee in the APR (PBOC style)", async () => {
    const res = await calc({
      principal: "100000",
      annualRate: "0.0725",
      termMonths: 12,
      method: "equal-installment",
      startDate: "2026-01-10",
      upfrontFee: "1000",
    });
    expect(res.statusCode).toBe(200);
    expect(Number(res.json().apr)).toBeGreaterThan(7.25);
  });

  it("names every bad field, in the caller's language", async () => {
    const res = await t.anonymous().request({
      method: "POST",
      url: "/api/v1/calculator/schedule",
      payload: {
        principal: "-5",
        annualRate: "1.5",
        termMonths: 361,
        method: "weekly",
        startDate: "2026-02-30",
        extra: 1,
      },
      headers: { "accept-language": "zh-CN" },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual([
      "annualRate",
      "extra",
      "method",
      "principal",
      "startDate",
      "termMonths",
    ]);
    expect(fields.termMonths).toBe("期限须为 1–360 的整数月");
  });

  it("refuses three decimals and zero", async () => {
    expect(
      (await calc({ principal: "100.001", annualRate: "0.1", termMonths: 3, method: "bullet" })).json().error
        .fields,
    ).toHaveProperty("principal");
    expect(
      (await calc({ principal: "0", annualRate: "0.1", termMonths: 3, method: "bullet" })).statusCode,
    ).toBe(400);
  });
});

describe("POST /api/v1/calculator/schedule.xlsx", () => {
  it("returns a workbook with every installment and the APR", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const res = await t.anonymous().request({
      method: "POST",
      url: "/api/v1/calculator/schedule.xlsx",
      payload: {
        principal: "10000",
        annualRate: "0.12",
        termMonths: 12,
        method: "flat",
        startDate: "2026-01-15",
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell("A4").value)).toContain("21.46%");
    expect(sheet.getRow(7).getCell(6).value).toBe(933.33);
    expect(sheet.getRow(18).getCell(6).value).toBe(933.37);
    expect(sheet.getRow(19).getCell(6).value).toBe(11200);
  });

  it("refuses bad input with the same 400 as the JSON route", async () => {
    const res = await t.anonymous().post("/api/v1/calculator/schedule.xlsx", { principal: "x" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("principal");
  });
});
