import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { expectLedgerConsistent, rowCounts } from "./testing/expect-ledger.ts";
import { runCobHttp } from "./testing/http.ts";
import { count, fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

// 12,000.00 at 12% from 2026-02-21 with a penalty rate of 18%, never paid: on 2026-05-25 three
// installments are overdue. It is restructured into 12 months with the arrears capitalised and the
// penalty rate lowered to 9% from that day; the close of business then accrues at 9%.
let t: TestApp;
let finance: TestClient;
let loanAdmin: TestClient;
let risk: TestClient;
let gm: TestClient;
let loanId: string;
let rid: string;
const url = () => `/api/v1/loans/${loanId}`;
const terms = { termMonths: 12, annualRate: "0.12", method: "equal-installment", capitaliseArrears: true };

const consistent = () => expectLedgerConsistent(t.handle.db);

const writes = () =>
  rowCounts(t.handle.db, {
    audit: "audit_log",
    journal: "journal_entries",
    restructurings: "loan_restructurings",
  });

beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  loanAdmin = await t.as("loan-admin");
  risk = await t.as("risk");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
  loanId = (await newLoan(t.handle.db, { startDate: "2026-02-21" })).loanId;
  await setBusinessDate(t.handle.db, "2026-05-25");
});
afterAll(async () => t.close());

describe("restructuring that changes the penalty rate (罚息利率)", () => {
  it("refuses a negative, malformed or above-cap penalty rate with the field named, writing nothing", async () => {
    const before = await writes();
    for (const penaltyRate of ["-0.01", "abc", "1.5", 0.3, "0.2401"]) {
      for (const path of ["/restructurings/preview", "/restructurings"]) {
        const res = await loanAdmin.post(`${url()}${path}`, {
          ...terms,
          penaltyRate,
          ...(path === "/restructurings" ? { reason: "降低罚息" } : {}),
        });
        expect(res.statusCode, `${path} ${penaltyRate}: ${res.body}`).toBe(400);
        expect(Object.keys(res.json().error.fields)).toEqual(["penaltyRate"]);
      }
    }
    const capped = await loanAdmin.post(`${url()}/restructurings`, {
      ...terms,
      penaltyRate: "0.25",
      reason: "x2",
    });
    expect(capped.json().error.fields).toEqual({
      penaltyRate: "The penalty rate cannot exceed the rate cap (setting rates.apr-cap, 24% by default)",
    });
    const noRight = await finance.post(`${url()}/restructurings`, {
      ...terms,
      penaltyRate: "0.09",
      reason: "降低罚息",
    });
    expect(noRight.statusCode).toBe(403);
    expect(await writes()).toEqual(before);
  });

  it("previews old → new, and keeps the current rate when none is given", async () => {
    const kept = (await loanAdmin.post(`${url()}/restructurings/preview`, terms)).json();
    expect(kept.current.penaltyRate).toBe("0.18");
    expect(kept.proposed).toMatchObject({ penaltyRate: "0.18", penaltyRateChanged: false });
    const lowered = await loanAdmin.post(`${url()}/restructurings/preview`, {
      ...terms,
      penaltyRate: "0.090",
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(lowered.json().current.penaltyRate).toBe("0.18");
    expect(lowered.json().proposed).toMatchObject({ penaltyRate: "0.09", penaltyRateChanged: true });
  });

  it("is proposed, co-signed and voted like any restructuring, and the loan takes the new rate", async () => {
    const proposed = await loanAdmin.post(`${url()}/restructurings`, {
      ...terms,
      penaltyRate: "0.090",
      reason: "借款人配合还款,罚息降至 9%",
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    rid = proposed.json().id;
    expect(proposed.json().penaltyRate).toEqual({ from: "0.18", to: "0.09" });
    const pending = (await gm.get("/api/v1/loans/pending-approvals")).json();
    expect(pending.restructurings).toEqual([
      expect.objectContaining({
        id: rid,
        penaltyRate: { from: "0.18", to: "0.09" },
        proposal: expect.objectContaining({ proposed: expect.objectContaining({ penaltyRate: "0.09" }) }),
      }),
    ]);
    expect(
      (await risk.post(`${url()}/restructurings/${rid}/cosign`, { decision: "approve" })).statusCode,
    ).toBe(200);
    for (const who of [gm, finance, risk]) {
      const vote = await who.post(`${url()}/restructurings/${rid}/votes`, { decision: "approve" });
      expect(vote.statusCode, vote.body).toBe(200);
    }
    const loan = (await finance.get(url())).json();
    expect(loan).toMatchObject({ penaltyRate: "0.09", restructuredOn: "2026-05-25", dpd: 0 });
    expect(loan.balances.penalty).toBe("0.00");
    const detail = (await finance.get(`${url()}/restructurings/${rid}`)).json();
    expect(detail).toMatchObject({ status: "applied", penaltyRate: { from: "0.18", to: "0.09" } });
    const audit = await t.handle.db.execute(
      `select after->'penaltyRate' as rate from audit_log where entity_id = '${loanId}' and action = 'loan.restructuring-applied'`,
    );
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([{ rate: { from: "0.18", to: "0.09" } }]);
    await consistent();
  });

  it("accrues penalty at the new rate in the close of business from then on", async () => {
    await runCobHttp(finance, "2026-07-05");
    const loan = (await finance.get(url())).json();
    // The first new installment fell due on 2026-06-25 and is 10 days overdue on 2026-07-05.
    const first = loan.schedule.find((r: { dueDate: string }) => r.dueDate === "2026-06-25");
    const principal = Math.round(Number(first.principal) * 100);
    const at = (rate: number) => Math.round((principal * rate * 10) / 360);
    expect(loan.dpd).toBe(10);
    expect(Math.round(Number(loan.balances.penalty) * 100)).toBe(at(0.09));
    expect(at(0.09)).not.toBe(at(0.18));
    await consistent();
  });
});
