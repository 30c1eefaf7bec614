import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { expectLedgerConsistent, rowCounts } from "./testing/expect-ledger.ts";
import { count, fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

// 12,000.00 at 12% over 12 months from 2025-06-15, never paid. On 2026-01-15 the first installment
// (2025-07-15) is 184 days past due: past the 180-day write-off threshold, classified 次级 (25%).
let t: TestApp;
let finance: TestClient;
let loanAdmin: TestClient;
let gm: TestClient;
let loanId: string;
const url = () => `/api/v1/loans/${loanId}`;
const toFen = (amount: string) => Math.round(Number(amount) * 100);

const consistent = () => expectLedgerConsistent(t.handle.db);

async function balanceOf(code: string): Promise<number> {
  const result = await t.handle.db.execute(
    `select coalesce(sum(credit_fen - debit_fen), 0)::bigint as n from journal_lines where account_code = '${code}'`,
  );
  return Number((result as unknown as { rows: { n: string }[] }).rows[0].n);
}

beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  loanAdmin = await t.as("loan-admin");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
  loanId = (await newLoan(t.handle.db, { startDate: "2025-06-15" })).loanId;
  await setBusinessDate(t.handle.db, "2026-01-15");
});
afterAll(async () => t.close());

describe("write-off (核销), maker–checker", () => {
  it("is refused for a loan not yet past the DPD threshold, and to roles that neither book nor collect", async () => {
    const { loanId: young } = await newLoan(t.handle.db, { startDate: "2025-10-15" });
    const early = await finance.post(`/api/v1/loans/${young}/write-off`, { reason: "无法联系借款人" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: "write-off-dpd-too-low" });
    expect(early.json().error.message).toContain("180");
    const cm = await (await t.as("sales-director")).post(`${url()}/write-off`, { reason: "试试" });
    expect(cm.statusCode).toBe(403);
  });

  it("is proposed by finance and refused to the proposer, approved by someone else", async () => {
    const proposed = await finance.post(`${url()}/write-off`, { reason: "借款人失联,诉讼无可执行财产" });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ status: "pending", dpdAtProposal: 184 });
    const again = await loanAdmin.post(`${url()}/write-off`, { reason: "重复提议" });
    expect(again.json().error.code).toBe("write-off-pending");

    const own = await finance.post(`${url()}/write-off/approve`, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("write-off-own-proposal");
    expect((await finance.post(`${url()}/write-off/reject`, { comment: "x" })).json().error.code).toBe(
      "write-off-own-proposal",
    );
    expect((await loanAdmin.post(`${url()}/write-off/approve`, {})).statusCode).toBe(403);
    const pending = (await gm.get("/api/v1/loans/pending-approvals")).json();
    expect(pending.writeOffs).toEqual([
      expect.objectContaining({
        loanId,
        youMay: "decide",
        estimate: expect.objectContaining({ eligible: true }),
      }),
    ]);

    const before = (await finance.get(url())).json();
    expect(before).toMatchObject({
      dpd: 184,
      classification: "substandard",
      balances: { provision: "3000.00" },
    });
    const approved = await gm.post(`${url()}/write-off/approve`, { comment: "同意核销" });
    expect(approved.statusCode, approved.body).toBe(200);
    const w = approved.json();
    expect(w).toMatchObject({
      status: "approved",
      principal: "12000.00",
      provisionUsed: "3000.00",
      writtenOffOn: "2026-01-15",
    });
    // Principal, the seven recognised interest amounts and the penalty; the provision absorbs 3000.00.
    expect(toFen(w.total)).toBe(toFen(w.principal) + toFen(w.interest) + toFen(w.penalty) + toFen(w.fee));
    expect(toFen(w.expense)).toBe(toFen(w.total) - 300_000);
    expect(w.interest).toBe(
      before.schedule
        .slice(0, 7)
        .reduce((s: number, r: { interest: string }) => s + toFen(r.interest), 0)
        .toString()
        .replace(/(\d\d)$/, ".$1"),
    );
    expect(w.penalty).toBe(before.balances.penalty);

    const after = (await finance.get(url())).json();
    expect(after).toMatchObject({
      status: "written-off",
      principalOutstanding: "0.00",
      classification: "loss",
    });
    const posting = after.postings.find((p: { kind: string }) => p.kind === "write-off");
    expect(posting.lines).toEqual([
      { account: "1309", debit: "3000.00", credit: "0.00" },
      { account: "6701", debit: w.expense, credit: "0.00" },
      { account: "1301", debit: "0.00", credit: "12000.00" },
      { account: "1302", debit: "0.00", credit: w.interest },
      { account: "1303", debit: "0.00", credit: w.penalty },
    ]);
    // Off the books, but the claim stays on the installments (账销案存); the collection task is closed.
    expect(after.schedule.filter((r: { state: string }) => r.state === "overdue")).toHaveLength(6);
    expect(await count(t.handle.db, "collection_tasks", `loan_id = '${loanId}' and status = 'open'`)).toBe(0);
    await consistent();
  });

  it("refuses a repayment on the written-off loan and writes nothing", async () => {
    const audits = await count(t.handle.db, "audit_log");
    const journal = await count(t.handle.db, "journal_entries");
    const res = await finance.post(
      `${url()}/repayments`,
      { amount: "100.00", date: "2026-01-15", channel: "cash" },
      { "idempotency-key": "wo-repay-1" },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("loan-written-off");
    expect(await count(t.handle.db, "audit_log")).toBe(audits);
    expect(await count(t.handle.db, "journal_entries")).toBe(journal);
    expect(
      (
        await finance.post(`${url()}/restructurings`, {
          extensionMonths: 1,
          annualRate: "0.1",
          method: "bullet",
          capitaliseArrears: false,
          reason: "展期",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("takes recoveries as income against the written-off amount, once per Idempotency-Key, with a receipt", async () => {
    const income = await balanceOf("6031");
    const body = { amount: "1000.00", date: "2026-01-15", channel: "bank-transfer", reference: "法院执行款" };
    const first = await finance.post(`${url()}/recoveries`, body, { "idempotency-key": "recovery-1" });
    expect(first.statusCode, first.body).toBe(201);
    const again = await finance.post(`${url()}/recoveries`, body, { "idempotency-key": "recovery-1" });
    expect(again.json().id).toBe(first.json().id);
    expect(first.json()).toMatchObject({ amount: "1000.00", recovered: "1000.00" });
    expect(toFen(first.json().remaining)).toBe(toFen(first.json().writtenOff) - 100_000);
    expect((await balanceOf("6031")) - income).toBe(100_000);
    const list = (await finance.get(`${url()}/recoveries`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.writeOff.recovered).toBe("1000.00");

    const receipt = await finance.get(`${url()}/repayments/${first.json().id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers["content-type"]).toContain("application/pdf");

    const tooMuch = await finance.post(
      `${url()}/recoveries`,
      { ...body, amount: "99999999.00" },
      { "idempotency-key": "recovery-2" },
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.code).toBe("recovery-exceeds-written-off");
    const future = await finance.post(`${url()}/recoveries`, { ...body, date: "2026-02-01" });
    expect(future.statusCode).toBe(400);
    expect((await loanAdmin.post(`${url()}/recoveries`, body)).statusCode).toBe(403);
    const { loanId: active } = await newLoan(t.handle.db, { startDate: "2025-12-15" });
    const notWrittenOff = await finance.post(`/api/v1/loans/${active}/recoveries`, body);
    expect(notWrittenOff.json().error.code).toBe("loan-not-written-off");
    await consistent();
  });

  it("audits every step", async () => {
    const result = await t.handle.db.execute(
      `select action from audit_log where entity_id = '${loanId}' and (action like 'loan.writ%' or action like 'loan.recovery%') order by id`,
    );
    expect((result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "loan.write-off-proposed",
      "loan.written-off",
      "loan.recovery-posted",
    ]);
  });

  it("can be proposed by a loan-admin, rejected by an approver, or withdrawn by the proposer", async () => {
    const { loanId: other } = await newLoan(t.handle.db, { startDate: "2025-05-15" });
    const o = `/api/v1/loans/${other}`;
    expect((await loanAdmin.post(`${o}/write-off`, { reason: "失联" })).statusCode).toBe(201);
    expect((await finance.post(`${o}/write-off/withdraw`, {})).statusCode).toBe(403);
    const rejected = await finance.post(`${o}/write-off/reject`, { comment: "仍在协商还款" });
    expect(rejected.json().status).toBe("rejected");
    expect((await loanAdmin.post(`${o}/write-off`, { reason: "失联" })).statusCode).toBe(201);
    expect((await loanAdmin.post(`${o}/write-off/withdraw`, {})).json().status).toBe("withdrawn");
    expect((await finance.get(o)).json().status).toBe("active");
    await consistent();
  });
});
