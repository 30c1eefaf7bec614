// The close of business writes only what changes on a date (docs/adr/007): a loan's row is untouched
// on the nights nothing happens to it, yet the API reports its DPD, penalty and closed date as of the
// business date; its bucket changes on the night its DPD crosses a threshold; the penalty is written
// down and posted when a payment comes; loans opened back-dated are closed on their own first.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { accruePenalty } from "./domain/delinquency.ts";
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

/** The row version of the loan: it changes whenever anything writes the row. */
async function rowVersion(loanId: string): Promise<string> {
  const result = await t.handle.db.execute(sql`select xmin::text as x from loans where id = ${loanId}::uuid`);
  return (result as unknown as { rows: { x: string }[] }).rows[0].x;
}

const detail = async (loanId: string) => (await finance.get(`/api/v1/loans/${loanId}`)).json();
const penalty = (principal: number, days: number) =>
  accruePenalty({ overduePrincipal: principal as Fen, penaltyAnnualRate: new Dec("0.18"), days });
const fen = (amount: string) => Math.round(Number(amount) * 100);
const consistent = async () =>
  expect((await ledgerIsConsistent(t.handle.db)).detail).toEqual({ checks: [], balanced: true });

describe("a loan the close of business leaves alone until something happens to it", () => {
  // 12,000.00 at 12%, 等额本息 over 12 months from 2026-01-15: period 1 = 946.19 + 120.00 due 02-15,
  // period 2 = 955.65 + 110.54 due 03-15. Never paid until 03-18. Penalty 18% / 360.
  let loanId: string;
  let version: string;

  it("is current for 30 nights without a write, reporting DPD 0 and the business date as closed", async () => {
    ({ loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" }));
    await runCobHttp(finance, "2026-01-16"); // opened on its own: this close makes it ride with the company
    version = await rowVersion(loanId);
    await runCobHttp(finance, "2026-02-14");
    expect(await rowVersion(loanId)).toBe(version);
    expect(await detail(loanId)).toMatchObject({ dpd: 0, bucket: "M0", lastClosedDate: "2026-02-14" });
    // The T−3 reminder went out on 02-12 all the same.
    expect(
      await count(
        t.handle.db,
        "notifications_outbox",
        `loan_id = '${loanId}' and business_date = '2026-02-12'`,
      ),
    ).toBe(1);
    await runCobHttp(finance, "2026-02-15");
    expect(await rowVersion(loanId)).toBe(version);
    const loan = await detail(loanId);
    expect(loan).toMatchObject({ dpd: 0, lastClosedDate: "2026-02-15", balances: { interest: "120.00" } });
    expect(loan.postings.filter((p: { kind: string }) => p.kind === "interest-recognition")).toMatchObject([
      {
        date: "2026-02-15",
        lines: [
          { account: "1302", debit: "120.00" },
          { account: "6011", credit: "120.00" },
        ],
      },
    ]);
    await consistent();
  });

  it("is written the night it falls overdue: DPD 1, M1, 关注, provision 2%, a collection task", async () => {
    await runCobHttp(finance, "2026-02-16");
    expect(await rowVersion(loanId)).not.toBe(version);
    version = await rowVersion(loanId);
    expect(await detail(loanId)).toMatchObject({
      dpd: 1,
      bucket: "M1",
      classification: "special-mention",
      balances: { provision: "240.00" },
    });
    expect(await count(t.handle.db, "collection_tasks", `loan_id = '${loanId}' and status = 'open'`)).toBe(1);
    await consistent();
  });

  it("grows its DPD and penalty for 30 nights without a write, then moves to M2 the night DPD reaches 31", async () => {
    await runCobHttp(finance, "2026-03-17");
    expect(await rowVersion(loanId)).toBe(version);
    let loan = await detail(loanId);
    expect(loan).toMatchObject({ dpd: 30, bucket: "M1" });
    expect(loan.schedule.slice(0, 2).map((r: { penalty: string }) => fen(r.penalty))).toEqual([
      penalty(94_619, 30),
      penalty(95_565, 2),
    ]);
    await runCobHttp(finance, "2026-03-18");
    expect(await rowVersion(loanId)).not.toBe(version);
    loan = await detail(loanId);
    expect(loan).toMatchObject({ dpd: 31, bucket: "M2", classification: "special-mention" });
    const task = await t.handle.db.execute(
      sql`select bucket from collection_tasks where loan_id = ${loanId}::uuid and status = 'open'`,
    );
    expect((task as unknown as { rows: unknown[] }).rows).toEqual([{ bucket: "M2" }]);
    // No penalty posted yet; the sub-ledger (what is written down) equals the GL.
    expect(loan.postings.filter((p: { kind: string }) => p.kind === "penalty-accrual")).toHaveLength(0);
    await consistent();
  });

  it("writes the penalty down and posts it once when a payment comes, then accrues on the new principal", async () => {
    const owed = penalty(94_619, 31) + penalty(95_565, 3);
    const res = await finance.post(`/api/v1/loans/${loanId}/repayments`, {
      amount: "200.00",
      date: "2026-03-18",
      channel: "cash",
    });
    expect(res.statusCode, res.body).toBe(201);
    let loan = await detail(loanId);
    const accrual = loan.postings.filter((p: { kind: string }) => p.kind === "penalty-accrual");
    expect(accrual).toHaveLength(1);
    expect(fen(accrual[0].lines[0].debit)).toBe(owed);
    // Penalty first, then interest, then principal of the oldest installment.
    const paidPrincipal = 20_000 - penalty(94_619, 31) - 12_000;
    expect(fen(loan.schedule[0].paid.principal)).toBe(paidPrincipal);
    await consistent();
    await runCobHttp(finance, "2026-03-20");
    loan = await detail(loanId);
    const left = 94_619 - paidPrincipal;
    expect(fen(loan.schedule[0].penalty)).toBe(penalty(94_619, 31) + penalty(left, 33) - penalty(left, 31));
    expect(fen(loan.schedule[1].penalty)).toBe(penalty(95_565, 5));
    await consistent();
  });
});

describe("loans opened back-dated", () => {
  it("are closed on their own from their start date by the next close, then ride with the company", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-02-01" });
    expect(await detail(loanId)).toMatchObject({ lastClosedDate: "2026-02-01", dpd: 0 });
    await runCobHttp(finance, "2026-03-21");
    const loan = await detail(loanId);
    // Period 1 fell due 03-01 and was never paid.
    expect(loan).toMatchObject({
      lastClosedDate: "2026-03-21",
      dpd: 20,
      bucket: "M1",
      balances: { interest: "120.00" },
    });
    const outbox = await t.handle.db.execute(
      sql`select template_code from notifications_outbox where loan_id = ${loanId}::uuid order by due_date, template_code`,
    );
    // Its T−3 reminder day passed before it was opened: only the overdue notice goes out.
    expect((outbox as unknown as { rows: unknown[] }).rows).toEqual([{ template_code: "overdue-notice" }]);
    expect(await count(t.handle.db, "loans", `id = '${loanId}' and last_closed_date is null`)).toBe(1);
    await consistent();
  });

  it("are brought up to date by a payment before the next close, inside the payment", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-02-05" });
    const res = await finance.post(`/api/v1/loans/${loanId}/repayments`, {
      amount: "130.00",
      date: "2026-03-21",
      channel: "bank-transfer",
    });
    expect(res.statusCode, res.body).toBe(201);
    const loan = await detail(loanId);
    // Period 1 (due 03-05) was recognised by the catch-up, so its interest is paid out of 1302.
    const repayment = loan.postings.find((p: { kind: string }) => p.kind === "repayment");
    expect(repayment.lines).toContainEqual({ account: "1302", debit: "0.00", credit: "120.00" });
    expect(loan.postings.filter((p: { kind: string }) => p.kind === "interest-recognition")).toHaveLength(1);
    expect(loan).toMatchObject({ lastClosedDate: "2026-03-21", dpd: 16 });
    await consistent();
    await runCobHttp(finance, "2026-03-22");
    expect(await count(t.handle.db, "loans", `id = '${loanId}' and last_closed_date is null`)).toBe(1);
    expect(await detail(loanId)).toMatchObject({ dpd: 17, lastClosedDate: "2026-03-22" });
    await consistent();
  });
});
