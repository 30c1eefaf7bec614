import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { newLoan, setBusinessDate } from "../loans/testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await setBusinessDate(t.handle.db, "2026-01-15");
});
afterAll(async () => t.close());

describe("capital pool (资金)", () => {
  it("records shareholder capital and borrowings within the leverage cap", async () => {
    const capital = await finance.post("/api/v1/capital/funding", {
      kind: "shareholder-capital",
      source: "股东甲",
      amount: "1000000.00",
      date: "2026-01-02",
    });
    expect(capital.statusCode, capital.body).toBe(201);
    const loanFirst = await finance.post("/api/v1/capital/funding", {
      kind: "bank-borrowing",
      source: "建设银行",
      amount: "1000000.00",
      date: "2026-01-03",
      annualRate: "0.04",
      maturityDate: "2027-01-03",
    });
    expect(loanFirst.statusCode).toBe(201);
    const beyond = await finance.post("/api/v1/capital/funding", {
      kind: "bank-borrowing",
      source: "建设银行",
      amount: "0.01",
      date: "2026-01-04",
    });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.code).toBe("leverage-exceeded");
    expect(
      (
        await (
          await t.as("customer-manager")
        ).post("/api/v1/capital/funding", {
          kind: "shareholder-capital",
          source: "x",
          amount: "1",
          date: "2026-01-02",
        })
      ).statusCode,
    ).toBe(403);
    await newLoan(t.handle.db, { startDate: "2026-01-15", principal: fen(1_200_000) });
    const position = (await finance.get("/api/v1/capital")).json();
    expect(position).toMatchObject({
      businessDate: "2026-01-15",
      bank: "1988000.00",
      available: "1988000.00",
      outstandingPrincipal: "12000.00",
      netCapital: "1000000.00",
      borrowings: "1000000.00",
      leverage: "1",
      leverageMax: "1.0",
    });
    // The first installment (1,066.19) falls due on 2026-02-15: inside 30 and 90 days, not 7.
    expect(position.forecast.map((f: { days: number; total: string }) => [f.days, f.total])).toEqual([
      [7, "0.00"],
      [30, "0.00"],
      [90, "3198.57"],
    ]);
    expect((await finance.get("/api/v1/capital/funding")).json().total).toBe(2);
  });
});

describe("ledger reads", () => {
  it("answers the trial balance per the API contract, balanced", async () => {
    const tb = (await finance.get("/api/v1/ledger/trial-balance")).json();
    expect(tb.balanced).toBe(true);
    expect(tb.accounts.find((a: { code: string }) => a.code === "1301")).toMatchObject({
      code: "1301",
      name: "贷款本金",
      debit: "12000.00",
      credit: "0.00",
    });
    expect(tb.accounts.find((a: { code: string }) => a.code === "4001")).toMatchObject({
      credit: "1000000.00",
    });
    const early = (await finance.get("/api/v1/ledger/trial-balance?date=2026-01-02")).json();
    expect(early.accounts.find((a: { code: string }) => a.code === "1002").debit).toBe("1000000.00");
    expect((await finance.get("/api/v1/ledger/trial-balance?date=2026-13-01")).statusCode).toBe(400);
    expect((await (await t.as("customer-manager")).get("/api/v1/ledger/trial-balance")).statusCode).toBe(403);
  });

  it("lists accounts with balances, statements and the sub-ledger check", async () => {
    const accounts = (await finance.get("/api/v1/ledger/accounts")).json().items;
    expect(accounts.find((a: { code: string }) => a.code === "2001")).toMatchObject({
      balance: "1000000.00",
      normalSide: "credit",
    });
    const statement = (
      await finance.get("/api/v1/ledger/accounts/1002/statement?from=2026-01-03&to=2026-01-31")
    ).json();
    expect(statement).toMatchObject({ openingBalance: "1000000.00", closingBalance: "1988000.00" });
    expect(statement.lines).toHaveLength(2);
    expect(
      (await finance.get("/api/v1/ledger/accounts/9999/statement?from=2026-01-01&to=2026-01-31")).statusCode,
    ).toBe(404);
    const check = (await finance.get("/api/v1/ledger/sub-ledger-check")).json();
    expect(check.ok).toBe(true);
    expect(check.checks.find((c: { account: string }) => c.account === "1301")).toMatchObject({
      ledger: "12000.00",
      subLedger: "12000.00",
    });
  });
});
