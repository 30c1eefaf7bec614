import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { expectLedgerConsistent, rowCounts } from "./testing/expect-ledger.ts";
import { count, fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

// 12,000.00 at 12% over 12 months from 2025-06-15, never paid: on 2026-01-15 it is 184 days past
// due, 次级 with a 25% provision of 3,000.00. A partial write-off of 3,000.00 of its principal.
let t: TestApp;
let finance: TestClient;
let loanAdmin: TestClient;
let gm: TestClient;
let loanId: string;
const url = () => `/api/v1/loans/${loanId}`;
const toFen = (amount: string) => Math.round(Number(amount) * 100);
type Row = { period: number; principal: string; interest: string; paid: { principal: string } };

const consistent = () => expectLedgerConsistent(t.handle.db);

const writes = () =>
  rowCounts(t.handle.db, { audit: "audit_log", journal: "journal_entries", writeOffs: "loan_write_offs" });

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

describe("partial write-off (部分核销)", () => {
  it("refuses an amount that is not a positive amount to the 分, or above the principal, writing nothing", async () => {
    const director = await t.as("sales-director");
    const before = await writes();
    for (const principal of ["100.001", "-5.00", "0", "0.00", "abc", 12.345]) {
      const res = await finance.post(`${url()}/write-off`, { reason: "部分无法收回", principal });
      expect(res.statusCode, `${principal}: ${res.body}`).toBe(400);
      expect(Object.keys(res.json().error.fields)).toEqual(["principal"]);
    }
    const above = await finance.post(`${url()}/write-off`, { reason: "部分无法收回", principal: "12000.01" });
    expect(above.statusCode).toBe(400);
    expect(above.json().error.fields).toEqual({ principal: "Cannot be more than the principal outstanding" });
    expect((await finance.get(`${url()}/write-off?principal=1.001`)).statusCode).toBe(400);
    const refused = await director.post(`${url()}/write-off`, {
      reason: "部分无法收回",
      principal: "3000.00",
    });
    expect(refused.statusCode).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("is proposed with an amount, refused to the proposer and to a role without approval, approved by another", async () => {
    const proposed = await finance.post(`${url()}/write-off`, {
      reason: "部分无法收回",
      principal: "3000.00",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    // The proposal brought the loan up to the business date: 184 days past due, provision 3,000.00.
    const before = (await finance.get(url())).json();
    expect(before.balances.provision).toBe("3000.00");
    expect(proposed.json()).toMatchObject({
      status: "pending",
      scope: "partial",
      requestedPrincipal: "3000.00",
    });
    const own = await finance.post(`${url()}/write-off/approve`, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("write-off-own-proposal");
    expect((await loanAdmin.post(`${url()}/write-off/approve`, {})).statusCode).toBe(403);
    const estimate = (await finance.get(`${url()}/write-off?principal=3000.00`)).json().estimate;
    expect(estimate).toMatchObject({
      scope: "partial",
      eligible: true,
      principalOutstanding: "12000.00",
      principal: "3000.00",
      interest: "0.00",
      penalty: "0.00",
      fee: "0.00",
      total: "3000.00",
      provision: "750.00",
      expense: "2250.00",
    });
    const pending = (await gm.get("/api/v1/loans/pending-approvals")).json();
    expect(pending.writeOffs).toEqual([
      expect.objectContaining({
        scope: "partial",
        requestedPrincipal: "3000.00",
        youMay: "decide",
        estimate: expect.objectContaining({ scope: "partial", total: "3000.00" }),
      }),
    ]);

    const approved = await gm.post(`${url()}/write-off/approve`, { comment: "同意部分核销" });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      scope: "partial",
      principal: "3000.00",
      interest: "0.00",
      penalty: "0.00",
      total: "3000.00",
      provisionUsed: "750.00",
      expense: "2250.00",
      writtenOffOn: "2026-01-15",
    });

    const after = (await finance.get(url())).json();
    expect(after).toMatchObject({
      status: "active",
      principalOutstanding: "9000.00",
      dpd: 184,
      classification: "substandard",
      balances: {
        provision: "2250.00",
        penalty: before.balances.penalty,
        interest: before.balances.interest,
      },
    });
    // The latest installments gave up their principal first; the ones due and the next ones are untouched.
    const rows = after.schedule as Row[];
    const was = before.schedule as Row[];
    expect(rows.slice(10).map((r) => r.principal)).toEqual(["0.00", "0.00"]);
    expect(toFen(rows[9].principal)).toBe(
      toFen(was[9].principal) - (300_000 - toFen(was[10].principal) - toFen(was[11].principal)),
    );
    expect(rows.slice(0, 9)).toEqual(was.slice(0, 9));
    expect(rows.map((r) => r.interest)).toEqual(was.map((r) => r.interest));
    expect(rows.reduce((s, r) => s + toFen(r.principal) - toFen(r.paid.principal), 0)).toBe(900_000);
    const posting = after.postings.find((p: { kind: string }) => p.kind === "write-off");
    expect(posting.lines).toEqual([
      { account: "1309", debit: "750.00", credit: "0.00" },
      { account: "6701", debit: "2250.00", credit: "0.00" },
      { account: "1301", debit: "0.00", credit: "3000.00" },
    ]);
    await consistent();

    const state = (await finance.get(`${url()}/write-off`)).json();
    expect(state.current).toBeNull();
    expect(state.history).toEqual([expect.objectContaining({ scope: "partial", status: "approved" })]);
    expect(state.estimate).toMatchObject({ scope: "full", principal: "9000.00" });
  });

  it("leaves the loan serviced: a repayment goes to the oldest installment, and no recovery is taken", async () => {
    const paid = await finance.post(
      `${url()}/repayments`,
      { amount: "500.00", date: "2026-01-15", channel: "cash" },
      { "idempotency-key": "partial-wo-repay" },
    );
    expect(paid.statusCode, paid.body).toBe(201);
    const recovery = await finance.post(`${url()}/recoveries`, {
      amount: "10.00",
      date: "2026-01-15",
      channel: "cash",
    });
    expect(recovery.json().error.code).toBe("loan-not-written-off");
    await consistent();
  });

  it("may be followed by the full write-off of what remains", async () => {
    expect((await loanAdmin.post(`${url()}/write-off`, { reason: "余额亦无法收回" })).statusCode).toBe(201);
    const full = await finance.post(`${url()}/write-off/approve`, {});
    expect(full.statusCode, full.body).toBe(200);
    expect(full.json()).toMatchObject({ scope: "full", status: "approved" });
    expect(toFen(full.json().principal)).toBeLessThan(900_000);
    const state = (await finance.get(`${url()}/write-off`)).json();
    expect(state.current).toMatchObject({ scope: "full" });
    expect(state.history.map((w: { scope: string }) => w.scope)).toEqual(["full", "partial"]);
    expect((await finance.get(url())).json()).toMatchObject({
      status: "written-off",
      principalOutstanding: "0.00",
    });
    await consistent();
  });

  it("treats naming the whole principal as the full write-off, and audits the scope", async () => {
    const { loanId: other } = await newLoan(t.handle.db, { startDate: "2025-06-15" });
    const res = await finance.post(`/api/v1/loans/${other}/write-off`, {
      reason: "全部",
      principal: "12000.00",
    });
    expect(res.json()).toMatchObject({ scope: "full", requestedPrincipal: null });
    const audits = await t.handle.db.execute(
      `select action, after->>'scope' as scope from audit_log where entity_id = '${loanId}' and action like 'loan.writ%' order by id`,
    );
    expect((audits as unknown as { rows: unknown[] }).rows).toEqual([
      { action: "loan.write-off-proposed", scope: "partial" },
      { action: "loan.written-off", scope: "partial" },
      { action: "loan.write-off-proposed", scope: "full" },
      { action: "loan.written-off", scope: "full" },
    ]);
  });
});
