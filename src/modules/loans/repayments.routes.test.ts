import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { runCobHttp } from "./testing/http.ts";
import { count, fundCompany, ledgerIsConsistent, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-15");
});
afterAll(async () => t.close());

const pay = (loanId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  finance.post(`/api/v1/loans/${loanId}/repayments`, body, headers);
const detail = async (loanId: string) => (await finance.get(`/api/v1/loans/${loanId}`)).json();

async function expectConsistentLedger() {
  const check = await ledgerIsConsistent(t.handle.db);
  expect(check.detail).toEqual({ checks: [], balanced: true });
}

describe("repayments, exact to the fen", () => {
  // 12,000.00 at 12% over 12 months, 等额本息: 1,066.19 a month; period 1 = 946.19 + 120.00,
  // period 2 = 955.65 + 110.54. Penalty 18% / 360 on the 946.19 overdue from 2026-02-16:
  // cumulative round(94619 × 0.18 × d / 360) = 47, 95, 142, 189, 237 分 on days 1–5.
  let loanId: string;

  it("accrues the penalty and marks the loan overdue in the batch", async () => {
    ({ loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" }));
    const payoff = (await finance.get(`/api/v1/loans/${loanId}/payoff?date=2026-01-15`)).json();
    expect(payoff).toMatchObject({ principal: "12000.00", interest: "0.00", total: "12000.00" });
    await runCobHttp(finance, "2026-02-20");
    const loan = await detail(loanId);
    expect(loan).toMatchObject({
      status: "active",
      principalOutstanding: "12000.00",
      dpd: 5,
      bucket: "M1",
      classification: "special-mention",
    });
    expect(loan.schedule[0]).toMatchObject({
      period: 1,
      principal: "946.19",
      interest: "120.00",
      penalty: "2.37",
      total: "1068.56",
      state: "overdue",
    });
    expect(loan.schedule[1]).toMatchObject({ principal: "955.65", interest: "110.54", state: "due" });
    expect(loan.balances).toMatchObject({
      principal: "12000.00",
      interest: "120.00",
      penalty: "2.37",
      overdue: "1068.56",
      provision: "240.00",
    });
    await expectConsistentLedger();
  });

  it("pays penalty, then interest, then principal of the oldest installment", async () => {
    const res = await pay(loanId, {
      amount: "1000.00",
      date: "2026-02-20",
      channel: "cash",
      reference: "现金-001",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().allocation).toEqual({
      principal: "877.63",
      interest: "120.00",
      fee: "0.00",
      penalty: "2.37",
      credit: "0.00",
      total: "1000.00",
      settlement: false,
      loanStatus: "active",
      lines: [
        {
          period: 1,
          principal: "877.63",
          interest: "120.00",
          fee: "0.00",
          penalty: "2.37",
          total: "1000.00",
        },
      ],
    });
    const loan = await detail(loanId);
    expect(loan).toMatchObject({ principalOutstanding: "11122.37", dpd: 5, bucket: "M1" });
    expect(loan.schedule[0]).toMatchObject({
      state: "overdue",
      outstanding: "68.56",
      paid: { principal: "877.63", penalty: "2.37", total: "1000.00" },
    });
    const posting = loan.postings.find((p: { kind: string }) => p.kind === "repayment");
    expect(posting.lines).toEqual([
      { account: "1001", debit: "1000.00", credit: "0.00" },
      { account: "1301", debit: "0.00", credit: "877.63" },
      { account: "1302", debit: "0.00", credit: "120.00" },
      { account: "1303", debit: "0.00", credit: "2.37" },
    ]);
    await expectConsistentLedger();
  });

  it("clears the arrears, then pays the next installment ahead (its interest is income on receipt)", async () => {
    const res = await pay(loanId, { amount: "1100.00", date: "2026-02-20", channel: "wechat-pay" });
    expect(res.json().allocation).toMatchObject({
      principal: "989.46",
      interest: "110.54",
      lines: [
        { period: 1, principal: "68.56", interest: "0.00", total: "68.56" },
        { period: 2, principal: "920.90", interest: "110.54", total: "1031.44" },
      ],
    });
    const loan = await detail(loanId);
    expect(loan).toMatchObject({
      principalOutstanding: "10132.91",
      dpd: 0,
      bucket: "M0",
      classification: "normal",
    });
    expect(loan.schedule.slice(0, 3).map((r: { state: string }) => r.state)).toEqual([
      "paid",
      "partly-paid",
      "future",
    ]);
    expect(loan.schedule[0].paidOffDate).toBe("2026-02-20");
    const posting = loan.postings.filter((p: { kind: string }) => p.kind === "repayment")[1];
    expect(posting.lines).toEqual([
      { account: "1002", debit: "1100.00", credit: "0.00" },
      { account: "1301", debit: "0.00", credit: "989.46" },
      { account: "6011", debit: "0.00", credit: "110.54" },
    ]);
    expect(loan.transactions).toHaveLength(2);
    await expectConsistentLedger();
  });

  it("prints a receipt", async () => {
    const loan = await detail(loanId);
    const res = await finance.get(
      `/api/v1/loans/${loanId}/repayments/${loan.transactions[0].id}/receipt.pdf`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("early settlement (提前结清), credit balance and refund", () => {
  it("settles on the payoff quote, keeps the overpayment as credit, refunds it", async () => {
    const { loanId } = await newLoan(t.handle.db, {
      startDate: "2026-02-20",
      principal: 600_000 as Fen,
      method: "equal-principal",
      termMonths: 6,
    });
    // 6,000.00 at 12%, 等额本金: 1,000.00 + 60.00 due 2026-03-20. On 2026-03-05, 13 days after the start:
    // accrued interest round(600000 × 0.12 × 13 / 360) = 2600 分; the payoff is 6,026.00.
    await runCobHttp(finance, "2026-03-05");
    const quote = (await finance.get(`/api/v1/loans/${loanId}/payoff?date=2026-03-05`)).json();
    expect(quote).toMatchObject({
      principal: "6000.00",
      interest: "26.00",
      accruedDays: 13,
      penalty: "0.00",
      prepaymentFee: "0.00",
      total: "6026.00",
    });
    const res = await pay(loanId, { amount: "6100.00", date: "2026-03-05", channel: "bank-transfer" });
    expect(res.json().allocation).toMatchObject({
      principal: "6000.00",
      interest: "26.00",
      credit: "74.00",
      settlement: true,
      loanStatus: "closed",
    });
    let loan = await detail(loanId);
    expect(loan).toMatchObject({
      status: "closed",
      principalOutstanding: "0.00",
      balances: { credit: "74.00" },
    });
    expect(loan.schedule.every((r: { state: string }) => r.state === "paid")).toBe(true);
    expect(loan.schedule[0]).toMatchObject({ interest: "26.00", paid: { interest: "26.00" } });
    expect(loan.schedule[1]).toMatchObject({ interest: "0.00" });
    await expectConsistentLedger();

    const tooMuch = await finance.post(`/api/v1/loans/${loanId}/refunds`, {
      amount: "74.01",
      date: "2026-03-05",
      channel: "bank-transfer",
    });
    expect(tooMuch.statusCode).toBe(409);
    const refund = await finance.post(`/api/v1/loans/${loanId}/refunds`, {
      amount: "74.00",
      date: "2026-03-05",
      channel: "bank-transfer",
    });
    expect(refund.statusCode, refund.body).toBe(201);
    loan = await detail(loanId);
    expect(loan.balances.credit).toBe("0.00");
    expect(loan.transactions.map((x: { kind: string }) => x.kind)).toEqual(["repayment", "refund"]);
    await expectConsistentLedger();
  });
});

describe("partial prepayment (部分提前还款)", () => {
  it("keeps the term and lowers the installment, or keeps the installment and shortens the term", async () => {
    const a = await newLoan(t.handle.db, { startDate: "2026-03-05", principal: 1_200_000 as Fen });
    const b = await newLoan(t.handle.db, { startDate: "2026-03-05", principal: 1_200_000 as Fen });
    for (const [loan, choice] of [
      [a, "keep-term"],
      [b, "keep-installment"],
    ] as const) {
      const res = await finance.post(`/api/v1/loans/${loan.loanId}/prepayments`, {
        amount: "6000.00",
        date: "2026-03-05",
        choice,
        channel: "bank-transfer",
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      // On the start date: no interest has accrued on the prepaid principal, no fee without a product.
      expect(body).toMatchObject({
        principal: "6000.00",
        interest: "0.00",
        fee: "0.00",
        total: "6000.00",
        remainingPrincipal: "6000.00",
      });
      if (choice === "keep-term") {
        expect(body.remainingInstallments).toBe(12);
        expect(body.schedule[0]).toMatchObject({ period: 1, dueDate: "2026-04-05", total: "533.09" });
      } else {
        expect(body.remainingInstallments).toBeLessThan(12);
        expect(Number(body.schedule[0].total)).toBeLessThanOrEqual(1066.19);
        expect(Number(body.schedule[0].total)).toBeGreaterThan(1000);
      }
      const loanView = await detail(loan.loanId);
      expect(loanView.principalOutstanding).toBe("6000.00");
      expect(loanView.schedule).toHaveLength(body.remainingInstallments);
    }
    await expectConsistentLedger();
  });
});

describe("bad input is refused and writes nothing", () => {
  it("answers 400 naming the field, or 409 for a closed loan", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-03-05" });
    const closed = await newLoan(t.handle.db, { startDate: "2026-03-05" });
    expect(
      (await pay(closed.loanId, { amount: "12000.00", date: "2026-03-05", channel: "cash" })).json()
        .allocation.loanStatus,
    ).toBe("closed");
    const before = {
      tx: await count(t.handle.db, "loan_transactions"),
      journal: await count(t.handle.db, "journal_entries"),
      audit: await count(t.handle.db, "audit_log"),
    };
    const cases: [Record<string, unknown>, number, string | null][] = [
      [{ amount: "-5.00", date: "2026-03-05", channel: "cash" }, 400, "amount"],
      [{ amount: "0", date: "2026-03-05", channel: "cash" }, 400, "amount"],
      [{ amount: "10.005", date: "2026-03-05", channel: "cash" }, 400, "amount"],
      [{ amount: 10.005, date: "2026-03-05", channel: "cash" }, 400, "amount"],
      [{ amount: "abc", date: "2026-03-05", channel: "cash" }, 400, "amount"],
      [{ amount: "10.00", date: "2026-03-04", channel: "cash" }, 400, "date"],
      [{ amount: "10.00", date: "2026-03-06", channel: "cash" }, 400, "date"],
      [{ amount: "10.00", date: "2026-02-30", channel: "cash" }, 400, "date"],
      [{ amount: "10.00", date: "2026-03-05", channel: "paypal" }, 400, "channel"],
      [{ amount: "10.00", date: "2026-03-05" }, 400, "channel"],
      [{ amount: "10.00", date: "2026-03-05", channel: "cash", extra: 1 }, 400, "extra"],
    ];
    for (const [body, status, field] of cases) {
      const res = await pay(loanId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      if (field) expect(Object.keys(res.json().error.fields), JSON.stringify(body)).toContain(field);
    }
    const onClosed = await pay(closed.loanId, { amount: "10.00", date: "2026-03-05", channel: "cash" });
    expect(onClosed.statusCode).toBe(409);
    expect(onClosed.json().error.code).toBe("loan-not-active");
    expect(
      (
        await pay("00000000-0000-4000-8000-000000000000", {
          amount: "10.00",
          date: "2026-03-05",
          channel: "cash",
        })
      ).statusCode,
    ).toBe(404);
    expect(await count(t.handle.db, "loan_transactions")).toBe(before.tx);
    expect(await count(t.handle.db, "journal_entries")).toBe(before.journal);
    expect(await count(t.handle.db, "audit_log")).toBe(before.audit);
    expect((await detail(loanId)).principalOutstanding).toBe("12000.00");
  });

  it("refuses roles without repayments.post", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-03-05" });
    const cm = await t.as("customer-manager");
    expect(
      (
        await cm.post(`/api/v1/loans/${loanId}/repayments`, {
          amount: "10.00",
          date: "2026-03-05",
          channel: "cash",
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("loan reads and data scope", () => {
  it("shows a customer manager only the loans they officer", async () => {
    const own = await t.as("customer-manager");
    const list = (await own.get("/api/v1/loans?pageSize=200")).json();
    expect(list.total).toBeGreaterThan(0);
    const gm = await t.as("gm");
    const all = (await gm.get("/api/v1/loans?pageSize=200")).json();
    const other = await newLoan(t.handle.db, { startDate: "2026-03-05", officerId: null });
    expect((await gm.get(`/api/v1/loans/${other.loanId}`)).statusCode).toBe(200);
    expect((await own.get(`/api/v1/loans/${other.loanId}`)).statusCode).toBe(404);
    expect((await gm.get("/api/v1/loans?pageSize=200")).json().total).toBe(all.total + 1);
    expect((await own.get("/api/v1/loans?pageSize=200")).json().total).toBe(list.total);
    const overdue = (await gm.get("/api/v1/loans?bucket=M1&status=active")).json();
    expect(overdue.items.every((l: { bucket: string }) => l.bucket === "M1")).toBe(true);
  });
});
