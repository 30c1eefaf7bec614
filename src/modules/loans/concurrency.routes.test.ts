// Fifty repayments at once on one loan: with the loan locked (SELECT … FOR UPDATE) for each, none is
// lost and none counted twice; with repeated Idempotency-Keys, each key is posted exactly once.
// Run against PostgreSQL too (npm run test:pg), where the requests really do run in parallel.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../platform/audit.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { fundCompany, ledgerIsConsistent, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-15");
});
afterAll(async () => t.close());

type Sums = {
  transactions: number;
  count: number;
  paid: number;
  outstandingDrop: number;
  cashDebits: number;
};

async function sums(loanId: string): Promise<Sums> {
  const q = async (query: ReturnType<typeof sql>) =>
    Number(((await t.handle.db.execute(query)) as unknown as { rows: { v: string }[] }).rows[0].v);
  return {
    transactions: await q(
      sql`select coalesce(sum(amount_fen), 0)::text as v from loan_transactions where loan_id = ${loanId}`,
    ),
    count: await q(sql`select count(*)::text as v from loan_transactions where loan_id = ${loanId}`),
    paid: await q(
      sql`select sum(principal_paid_fen + interest_paid_fen + fee_paid_fen + penalty_paid_fen)::text as v from installments where loan_id = ${loanId}`,
    ),
    outstandingDrop: await q(
      sql`select (principal_fen - principal_outstanding_fen)::text as v from loans where id = ${loanId}`,
    ),
    cashDebits:
      await q(sql`select coalesce(sum(l.debit_fen), 0)::text as v from journal_lines l join journal_entries e on e.id = l.entry_id
      where e.loan_id = ${loanId} and e.kind = 'repayment' and l.account_code in ('1001', '1002')`),
  };
}

describe("fifty concurrent repayments on one loan", () => {
  it("without Idempotency-Keys: fifty transactions, every fen accounted for once", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        finance.post(`/api/v1/loans/${loanId}/repayments`, {
          amount: "10.00",
          date: "2026-01-15",
          channel: "cash",
          reference: `c-${i}`,
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(50);
    const s = await sums(loanId);
    expect(s).toEqual({
      transactions: 50_000,
      count: 50,
      paid: 50_000,
      outstandingDrop: 38_000,
      cashDebits: 50_000,
    });
    // 120.00 of period 1's interest first, then 380.00 of its principal.
    const [p1] = (await (await finance.get(`/api/v1/loans/${loanId}`)).json()).schedule;
    expect(p1.paid).toMatchObject({ interest: "120.00", principal: "380.00" });
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
    // Fifty audit appends raced for the chain's lock: every link still verifies.
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true });
  });

  it("with ten keys sent five times each: exactly ten transactions, repeats replay the first answer", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" });
    const send = (k: number) =>
      finance.post(
        `/api/v1/loans/${loanId}/repayments`,
        { amount: "10.00", date: "2026-01-15", channel: "alipay", reference: `k-${k}` },
        { "idempotency-key": `rep-${loanId}-${k}` },
      );
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i % 10)));
    // A repeat that arrives while its first is still running is told so (409) and may retry.
    for (const r of responses) expect([201, 409]).toContain(r.statusCode);
    const firstIds = new Map<number, string>();
    for (let k = 0; k < 10; k++) {
      const again = await send(k);
      expect(again.statusCode).toBe(201);
      expect(again.headers["idempotent-replayed"]).toBe("true");
      firstIds.set(k, again.json().id);
    }
    responses.forEach((r, i) => {
      if (r.statusCode === 201) expect(r.json().id).toBe(firstIds.get(i % 10));
    });
    const s = await sums(loanId);
    expect(s).toEqual({
      transactions: 10_000,
      count: 10,
      paid: 10_000,
      outstandingDrop: 0,
      cashDebits: 10_000,
    });
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });
});
