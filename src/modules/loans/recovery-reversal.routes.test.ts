import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { expectLedgerConsistent, rowCounts } from "./testing/expect-ledger.ts";
import { count, fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

// A loan written off on 2026-01-15 (184 days past due) with two recoveries, 1,000.00 and 500.00;
// the first is reversed (冲正) through the repayment-reversal maker–checker.
let t: TestApp;
let finance: TestClient;
let gm: TestClient;
let loanId: string;
let first: string;
let second: string;
const url = () => `/api/v1/loans/${loanId}`;
const reversal = (txId: string, step = "") => `${url()}/repayments/${txId}/reversal${step}`;

const consistent = () => expectLedgerConsistent(t.handle.db);

async function balanceOf(code: string): Promise<number> {
  const result = await t.handle.db.execute(
    `select coalesce(sum(credit_fen - debit_fen), 0)::bigint as n from journal_lines where account_code = '${code}'`,
  );
  return Number((result as unknown as { rows: { n: string }[] }).rows[0].n);
}

const writes = () =>
  rowCounts(t.handle.db, {
    audit: "audit_log",
    journal: "journal_entries",
    requests: "repayment_reversals",
    transactions: "loan_transactions",
  });

beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
  loanId = (await newLoan(t.handle.db, { startDate: "2025-06-15" })).loanId;
  await setBusinessDate(t.handle.db, "2026-01-15");
  expect((await finance.post(`${url()}/write-off`, { reason: "失联,无可执行财产" })).statusCode).toBe(201);
  expect((await gm.post(`${url()}/write-off/approve`, {})).statusCode).toBe(200);
  const post = (amount: string, key: string) =>
    finance.post(
      `${url()}/recoveries`,
      { amount, date: "2026-01-15", channel: "bank-transfer", reference: `法院执行款 ${key}` },
      { "idempotency-key": key },
    );
  first = (await post("1000.00", "rr-1")).json().id;
  second = (await post("500.00", "rr-2")).json().id;
});
afterAll(async () => t.close());

describe("reversing a recovery after write-off (冲正核销后收回)", () => {
  it("refuses a missing reason, an unknown transaction and roles without the permission, writing nothing", async () => {
    const cm = await t.as("customer-manager");
    const loanAdmin = await t.as("loan-admin");
    const before = await writes();
    for (const body of [{}, { reason: "" }, { reason: "x" }, { reason: "错误", extra: 1 }]) {
      const res = await finance.post(reversal(first), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {})).not.toHaveLength(0);
    }
    expect(
      (await finance.post(reversal("00000000-0000-4000-8000-000000000000"), { reason: "录错" })).statusCode,
    ).toBe(404);
    expect((await cm.post(reversal(first), { reason: "录错" })).statusCode).toBe(403);
    expect((await loanAdmin.post(reversal(first), { reason: "录错" })).statusCode).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("is proposed by finance, refused to the proposer, approved by another, and undoes the posting and the memo", async () => {
    const income = await balanceOf("6031");
    const bank = await balanceOf("1002");
    const proposed = await finance.post(reversal(first), { reason: "执行款退回法院,重复入账" });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({ transactionId: first, status: "pending" });
    expect((await finance.post(reversal(first), { reason: "再次" })).json().error.code).toBe(
      "reversal-pending",
    );
    const own = await finance.post(reversal(first, "/approve"), {});
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("reversal-own-proposal");
    expect((await (await t.as("loan-admin")).post(reversal(first, "/approve"), {})).statusCode).toBe(403);
    // Pending on the loan page where repayment reversals are decided.
    expect((await gm.get(url())).json().reversals).toEqual([
      expect.objectContaining({ transactionId: first, status: "pending" }),
    ]);

    const approved = await gm.post(reversal(first, "/approve"), {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", loanStatus: "written-off" });
    expect(await balanceOf("6031")).toBe(income - 100_000);
    expect(await balanceOf("1002")).toBe(bank + 100_000);

    const list = (await finance.get(`${url()}/recoveries`)).json();
    expect(list.writeOff.recovered).toBe("500.00");
    expect(list.items).toEqual([
      expect.objectContaining({ id: first, amount: "1000.00", reversedBy: expect.any(String) }),
      expect.objectContaining({ id: second, amount: "500.00", reversedBy: null }),
    ]);
    const loan = (await finance.get(url())).json();
    expect(loan.status).toBe("written-off");
    expect(
      loan.transactions.map((x: { kind: string; reversalOf: string | null }) => [x.kind, x.reversalOf]),
    ).toEqual([
      ["recovery", null],
      ["recovery", null],
      ["reversal", first],
    ]);
    const reversing = loan.postings.find((p: { kind: string }) => p.kind === "reversal");
    const recoveries = loan.postings.filter((p: { kind: string }) => p.kind === "recovery");
    expect(reversing.reversalOf).toBe(recoveries[0].entryId);
    expect(reversing.lines).toEqual([
      { account: "6031", debit: "1000.00", credit: "0.00" },
      { account: "1002", debit: "0.00", credit: "1000.00" },
    ]);
    await consistent();
  });

  it("cannot reverse the same recovery twice; what it freed may be recovered again", async () => {
    const before = await writes();
    const twice = await finance.post(reversal(first), { reason: "再冲一次" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already-reversed");
    expect((await gm.post(reversal(first, "/approve"), {})).statusCode).toBe(404);
    expect(await writes()).toEqual(before);
    const { writeOff } = (await finance.get(`${url()}/recoveries`)).json();
    const again = await finance.post(
      `${url()}/recoveries`,
      { amount: writeOff.remaining, date: "2026-01-15", channel: "cash" },
      { "idempotency-key": "rr-3" },
    );
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().remaining).toBe("0.00");
    await consistent();
  });

  it("can be rejected instead, leaving the recovery standing", async () => {
    expect((await finance.post(reversal(second), { reason: "疑似重复" })).statusCode).toBe(201);
    const rejected = await gm.post(reversal(second, "/reject"), { comment: "核实无误" });
    expect(rejected.json()).toMatchObject({ status: "rejected" });
    const list = (await finance.get(`${url()}/recoveries`)).json();
    expect(list.items.find((r: { id: string }) => r.id === second).reversedBy).toBeNull();
    await consistent();
  });

  it("audits the proposals and the decisions", async () => {
    const result = await t.handle.db.execute(
      `select action, after->>'transactionId' as tx from audit_log where entity_id = '${loanId}' and action like 'loan.%revers%' order by id`,
    );
    expect((result as unknown as { rows: unknown[] }).rows).toEqual([
      { action: "loan.recovery-reversal-proposed", tx: first },
      { action: "loan.recovery-reversal-approved", tx: first },
      { action: "loan.recovery-reversal-proposed", tx: second },
      { action: "loan.reversal-rejected", tx: second },
    ]);
  });
});
