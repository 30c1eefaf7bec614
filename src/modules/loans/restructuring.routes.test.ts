import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { expectLedgerConsistent, rowCounts } from "./testing/expect-ledger.ts";
import { runCobHttp } from "./testing/http.ts";
import { count, fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

// 12,000.00 at 12% over 12 months (等额本息) from 2026-01-15: 1066.19 a month. Periods 1–2 are paid on
// their due dates; on 2026-05-20 periods 3 (965.21 + 100.98) and 4 (974.86 + 91.33) are overdue, with
// penalty at 18% / 360 on their principal: 965.21 × 35 days = 16.89 and 974.86 × 5 days = 2.44.
let t: TestApp;
let finance: TestClient;
let loanAdmin: TestClient;
let risk: TestClient;
let gm: TestClient;
const terms = { extensionMonths: 6, annualRate: "0.10", method: "equal-principal", capitaliseArrears: true };

async function overdueLoan(): Promise<string> {
  const { loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" });
  for (const date of ["2026-02-15", "2026-03-15"]) {
    await setBusinessDate(t.handle.db, date);
    const paid = await finance.post(`/api/v1/loans/${loanId}/repayments`, {
      amount: "1066.19",
      date,
      channel: "bank-transfer",
    });
    expect(paid.statusCode, paid.body).toBe(201);
  }
  await setBusinessDate(t.handle.db, "2026-05-20");
  return loanId;
}

const consistent = () => expectLedgerConsistent(t.handle.db);

beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  loanAdmin = await t.as("loan-admin");
  risk = await t.as("risk");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
});
afterAll(async () => t.close());

describe("restructuring / extension (展期/重组): proposed, co-signed, voted, applied", () => {
  let loanId: string;
  let rid: string;
  const url = () => `/api/v1/loans/${loanId}`;

  it("previews the new schedule beside the old one without changing anything", async () => {
    loanId = await overdueLoan();
    const audits = await count(t.handle.db, "audit_log");
    const res = await loanAdmin.post(`${url()}/restructurings/preview`, terms);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.current).toMatchObject({
      principalOutstanding: "10098.16",
      remainingMonths: 8,
      arrears: { interest: "192.31", penalty: "19.33", fee: "0.00", total: "211.64" },
    });
    expect(
      p.current.schedule.map((r: { period: number; overdue: boolean }) => [r.period, r.overdue]),
    ).toEqual([
      [3, true],
      [4, true],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
      [9, false],
      [10, false],
      [11, false],
      [12, false],
    ]);
    // 10098.16 + 211.64 capitalised, over 8 + 6 months; 10309.80 / 14 = 736.41, interest 85.92.
    expect(p.proposed).toMatchObject({
      termMonths: 14,
      extensionMonths: 6,
      principal: "10309.80",
      capitalised: "211.64",
      arrearsKept: "0.00",
      maturityDate: "2027-07-20",
      classificationFloor: "substandard",
      classificationFloorUntil: "2027-05-20",
      aprAboveCap: false,
    });
    expect(p.proposed.schedule[0]).toMatchObject({
      period: 3,
      dueDate: "2026-06-20",
      principal: "736.41",
      interest: "85.92",
    });
    expect(p.proposed.totals.principal).toBe("10309.80");
    // The preview rolled back its catch-up: nothing was written.
    expect(await count(t.handle.db, "audit_log")).toBe(audits);
    expect(
      await count(t.handle.db, "journal_entries", `loan_id = '${loanId}' and kind = 'penalty-accrual'`),
    ).toBe(0);
  });

  it("refuses bad terms with the field named", async () => {
    const both = await loanAdmin.post(`${url()}/restructurings/preview`, { ...terms, termMonths: 12 });
    expect(both.statusCode).toBe(400);
    expect(Object.keys(both.json().error.fields)).toContain("extensionMonths");
    const rate = await loanAdmin.post(`${url()}/restructurings/preview`, { ...terms, annualRate: "1.5" });
    expect(rate.json().error.fields.annualRate).toBeDefined();
    const cap = await loanAdmin.post(`${url()}/restructurings`, {
      ...terms,
      annualRate: "0.30",
      reason: "利率试算",
    });
    expect(cap.statusCode).toBe(409);
    expect(cap.json().error.code).toBe("apr-above-cap");
  });

  it("is proposed by the loan-admin, and only once at a time", async () => {
    expect((await finance.post(`${url()}/restructurings`, { ...terms, reason: "经营困难" })).statusCode).toBe(
      403,
    );
    const res = await loanAdmin.post(`${url()}/restructurings`, {
      ...terms,
      reason: "经营周转困难,申请展期",
    });
    expect(res.statusCode, res.body).toBe(201);
    rid = res.json().id;
    expect(res.json()).toMatchObject({ status: "pending-cosign", termMonths: 14, extensionMonths: 6 });
    const again = await loanAdmin.post(`${url()}/restructurings`, { ...terms, reason: "再次" });
    expect(again.json().error.code).toBe("restructuring-pending");
    const writeOff = await finance.post(`${url()}/write-off`, { reason: "核销" });
    expect(writeOff.statusCode).toBe(409);
    await consistent();
  });

  it("is co-signed by risk only, never by the proposer, and voted on by the committee only", async () => {
    const byAdmin = await loanAdmin.post(`${url()}/restructurings/${rid}/cosign`, { decision: "approve" });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe("not-cosigner");
    const early = await gm.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" });
    expect(early.json().error.code).toBe("restructuring-wrong-status");
    const noComment = await risk.post(`${url()}/restructurings/${rid}/cosign`, { decision: "reject" });
    expect(noComment.statusCode).toBe(400);
    const cosigned = await risk.post(`${url()}/restructurings/${rid}/cosign`, {
      decision: "approve",
      comment: "同意",
    });
    expect(cosigned.statusCode, cosigned.body).toBe(200);
    expect(cosigned.json().status).toBe("pending-committee");
    expect(
      (await loanAdmin.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" })).statusCode,
    ).toBe(403);
  });

  it("lists what waits for whom", async () => {
    const forGm = (await gm.get("/api/v1/loans/pending-approvals")).json();
    const item = forGm.restructurings.find((r: { id: string }) => r.id === rid);
    expect(item).toMatchObject({
      status: "pending-committee",
      youMay: "vote",
      loan: { loanNo: expect.any(String) },
    });
    const forAdmin = (await loanAdmin.get("/api/v1/loans/pending-approvals")).json();
    expect(forAdmin.restructurings.find((r: { id: string }) => r.id === rid)).toMatchObject({
      own: true,
      youMay: null,
    });
  });

  it("is applied by the vote that makes it unanimous: new schedule, balances carried over exactly", async () => {
    const first = await gm.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" });
    expect(first.json()).toMatchObject({ outcome: "pending", status: "pending-committee" });
    expect(
      (await gm.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" })).json().error.code,
    ).toBe("already-voted");
    expect(
      (await finance.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" })).statusCode,
    ).toBe(200);
    const last = await risk.post(`${url()}/restructurings/${rid}/votes`, {
      decision: "approve",
      comment: "同意",
    });
    expect(last.statusCode, last.body).toBe(200);
    expect(last.json()).toMatchObject({
      outcome: "approved",
      status: "applied",
      fromVersion: 1,
      toVersion: 2,
    });

    const loan = (await finance.get(url())).json();
    expect(loan).toMatchObject({
      status: "active",
      principalOutstanding: "10309.80",
      rate: "0.10",
      method: "equal-principal",
      termMonths: 14,
      maturityDate: "2027-07-20",
      dpd: 0,
      classification: "substandard",
      balances: { interest: "0.00", penalty: "0.00", overdue: "0.00" },
    });
    expect(loan.schedule.map((r: { period: number }) => r.period)).toEqual([
      1,
      2,
      ...Array.from({ length: 14 }, (_, i) => i + 3),
    ]);
    expect(loan.schedule.slice(0, 3).map((r: { state: string }) => r.state)).toEqual(["paid", "paid", "due"]);
    const newPrincipal = loan.schedule
      .slice(2)
      .reduce((s: number, r: { principal: string }) => s + Math.round(Number(r.principal) * 100), 0);
    expect(newPrincipal).toBe(1_030_980);
    const posting = loan.postings.find((p: { kind: string }) => p.kind === "restructuring");
    expect(posting.lines).toEqual([
      { account: "1301", debit: "211.64", credit: "0.00" },
      { account: "1302", debit: "0.00", credit: "192.31" },
      { account: "1303", debit: "0.00", credit: "19.33" },
    ]);
    expect(await count(t.handle.db, "installment_history", `loan_id = '${loanId}' and version = 1`)).toBe(12);
    await consistent();
  });

  it("keeps the restructured loan at least 次级 through the close of business, and pays off exactly", async () => {
    await runCobHttp(finance, "2026-05-21");
    const loan = (await finance.get(url())).json();
    expect(loan).toMatchObject({ classification: "substandard", dpd: 0 });
    expect(loan.balances.provision).toBe("2577.45");
    // One day into the new schedule: 10309.80 × 10% / 360 = 2.86 accrued, not interest since the old rows.
    const quote = (await finance.get(`${url()}/payoff`)).json();
    expect(quote).toMatchObject({
      principal: "10309.80",
      accruedDays: 1,
      accruedInterest: "2.86",
      total: "10312.66",
    });
    await consistent();
  });

  it("refuses to reverse a payment made on the schedule it replaced", async () => {
    const loan = (await finance.get(url())).json();
    const old = loan.transactions.find((x: { kind: string }) => x.kind === "repayment");
    const res = await finance.post(`${url()}/repayments/${old.id}/reversal`, { reason: "录错" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("reversal-before-restructuring");
  });

  it("shows the proposal with its votes and the schedule version it replaced; every step audited", async () => {
    const detail = (await risk.get(`${url()}/restructurings/${rid}`)).json();
    expect(detail.votes.map((v: { seat: string }) => v.seat).sort()).toEqual(["finance", "gm", "risk"]);
    expect(detail.replacedSchedule).toHaveLength(12);
    expect(detail.preview).toBeNull();
    const actions = await t.handle.db.execute(
      `select action from audit_log where entity_id = '${loanId}' and action like 'loan.restructuring%' order by id`,
    );
    expect((actions as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "loan.restructuring-proposed",
      "loan.restructuring-cosigned",
      "loan.restructuring-vote",
      "loan.restructuring-vote",
      "loan.restructuring-applied",
    ]);
  });
});

describe("restructuring with the arrears kept owed", () => {
  it("moves only the principal; the overdue interest and penalty stay owed and overdue", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-02-21" });
    await setBusinessDate(t.handle.db, "2026-05-25");
    const url = `/api/v1/loans/${loanId}`;
    const proposed = await loanAdmin.post(`${url}/restructurings`, {
      termMonths: 24,
      annualRate: "0.12",
      method: "equal-installment",
      capitaliseArrears: false,
      reason: "延长期限",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const rid = proposed.json().id;
    await risk.post(`${url}/restructurings/${rid}/cosign`, { decision: "approve" });
    for (const who of [gm, finance, risk])
      expect((await who.post(`${url}/restructurings/${rid}/votes`, { decision: "approve" })).statusCode).toBe(
        200,
      );
    const loan = (await finance.get(url)).json();
    expect(loan.principalOutstanding).toBe("12000.00");
    // Periods 1–3 (03-21, 04-21, 05-21) keep their interest 120.00 + 110.54 + 100.98 and their penalty.
    expect(loan.balances.interest).toBe("331.52");
    expect(loan.dpd).toBe(65);
    expect(loan.schedule.slice(0, 3).map((r: { state: string }) => r.state)).toEqual([
      "overdue",
      "overdue",
      "overdue",
    ]);
    expect(loan.schedule).toHaveLength(3 + 24);
    await consistent();
  });

  it("never lets the proposer co-sign or vote, and the proposer may withdraw", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-02-25" });
    const url = `/api/v1/loans/${loanId}`;
    const proposed = await risk.post(`${url}/restructurings`, { ...terms, reason: "风险提议" });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const rid = proposed.json().id;
    const own = await risk.post(`${url}/restructurings/${rid}/cosign`, { decision: "approve" });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("restructuring-own-proposal");
    await t.handle.db.execute(
      `update loan_restructurings set status = 'pending-committee' where id = '${rid}'`,
    );
    const vote = await risk.post(`${url}/restructurings/${rid}/votes`, { decision: "approve" });
    expect(vote.json().error.code).toBe("restructuring-own-proposal");
    expect((await loanAdmin.post(`${url}/restructurings/${rid}/withdraw`, {})).statusCode).toBe(403);
    const withdrawn = await risk.post(`${url}/restructurings/${rid}/withdraw`, {});
    expect(withdrawn.json().status).toBe("withdrawn");
    await consistent();
  });
});
