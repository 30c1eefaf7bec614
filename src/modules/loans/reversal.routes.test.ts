import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { fundCompany, ledgerIsConsistent, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
let gm: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-02-15");
});
afterAll(async () => t.close());

describe("repayment reversal (冲正), maker–checker", () => {
  it("is proposed by one person, refused to the proposer, approved by another, and undoes everything", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-01-15" });
    const url = `/api/v1/loans/${loanId}`;
    const paid = await finance.post(`${url}/repayments`, {
      amount: "1066.19",
      date: "2026-02-15",
      channel: "bank-transfer",
    });
    expect(paid.statusCode).toBe(201);
    const txId = paid.json().id;
    const before = (await finance.get(url)).json();
    expect(before.schedule[0].state).toBe("paid");

    expect((await gm.post(`${url}/repayments/${txId}/reversal/approve`, {})).statusCode).toBe(404);
    const proposed = await finance.post(`${url}/repayments/${txId}/reversal`, { reason: "金额录错" });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(
      (await finance.post(`${url}/repayments/${txId}/reversal`, { reason: "again" })).json().error.code,
    ).toBe("reversal-pending");
    const own = await finance.post(`${url}/repayments/${txId}/reversal/approve`, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("reversal-own-proposal");
    expect(
      (await (await t.as("customer-manager")).post(`${url}/repayments/${txId}/reversal/approve`, {}))
        .statusCode,
    ).toBe(403);

    const approved = await gm.post(`${url}/repayments/${txId}/reversal/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: "approved", loanStatus: "active" });
    const after = (await finance.get(url)).json();
    expect(after.principalOutstanding).toBe("12000.00");
    expect(after.schedule[0]).toMatchObject({ state: "due", paid: { total: "0.00" }, paidOffDate: null });
    expect(
      after.transactions.map((x: { kind: string; reversedBy: string | null }) => [
        x.kind,
        Boolean(x.reversedBy),
      ]),
    ).toEqual([
      ["repayment", true],
      ["reversal", false],
    ]);
    const reversing = after.postings.find((p: { kind: string }) => p.kind === "reversal");
    const original = after.postings.find((p: { kind: string }) => p.kind === "repayment");
    expect(reversing.reversalOf).toBe(original.entryId);
    expect(reversing.lines).toEqual(
      expect.arrayContaining([
        { account: "1002", debit: "0.00", credit: "1066.19" },
        { account: "1301", debit: "946.19", credit: "0.00" },
        { account: "1302", debit: "120.00", credit: "0.00" },
      ]),
    );
    expect(
      (await finance.post(`${url}/repayments/${txId}/reversal`, { reason: "twice" })).json().error.code,
    ).toBe("already-reversed");
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });

  it("reopens a settled loan, and can be rejected instead", async () => {
    const { loanId } = await newLoan(t.handle.db, { startDate: "2026-02-15" });
    const url = `/api/v1/loans/${loanId}`;
    const settle = await finance.post(`${url}/repayments`, {
      amount: "12000.00",
      date: "2026-02-15",
      channel: "cash",
    });
    expect(settle.json().allocation.loanStatus).toBe("closed");
    const txId = settle.json().id;
    await finance.post(`${url}/repayments/${txId}/reversal`, { reason: "退票" });
    expect((await gm.post(`${url}/repayments/${txId}/reversal/reject`, {})).json().status).toBe("rejected");
    expect((await finance.get(url)).json().status).toBe("closed");
    await finance.post(`${url}/repayments/${txId}/reversal`, { reason: "退票" });
    expect((await gm.post(`${url}/repayments/${txId}/reversal/approve`, {})).json().loanStatus).toBe(
      "active",
    );
    const loan = (await finance.get(url)).json();
    expect(loan).toMatchObject({ status: "active", principalOutstanding: "12000.00" });
    // The settlement had dropped the unearned interest; the reversal puts the schedule back.
    expect(loan.schedule.map((r: { interest: string }) => r.interest).slice(0, 2)).toEqual([
      "120.00",
      "110.54",
    ]);
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });
});
