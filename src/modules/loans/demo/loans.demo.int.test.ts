// The demo loan book: built through the real services and batch, so the ledger balances, the
// sub-ledger equals the GL, and every state the console shows has loans in it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../platform/testing/test-app.ts";
import { getBusinessDate } from "../business-date.ts";
import { count, ledgerIsConsistent } from "../testing/loan-factory.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { demo: "full" });
}, 300_000);
afterAll(async () => t.close());

describe("demo loan book", () => {
  it("ends on the demo business date with a balanced ledger equal to the sub-ledger", async () => {
    expect(await getBusinessDate(t.handle.db)).toBe("2026-11-28");
    expect((await ledgerIsConsistent(t.handle.db)).detail).toEqual({ checks: [], balanced: true });
  });

  it("has loans in every state, bucket and class", async () => {
    const rows = (await t.handle.db.execute(
      sql`select status, bucket, classification, count(*)::int as n from loans group by 1, 2, 3`,
    )) as unknown as {
      rows: { status: string; bucket: string; classification: string; n: number }[];
    };
    const active = rows.rows.filter((r) => r.status === "active");
    expect(new Set(active.map((r) => r.bucket))).toEqual(
      new Set(["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"]),
    );
    expect(new Set(active.map((r) => r.classification))).toEqual(
      new Set(["normal", "special-mention", "substandard", "doubtful", "loss"]),
    );
    expect(rows.rows.some((r) => r.status === "closed")).toBe(true);
    const total = rows.rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(140);
    expect(
      await count(
        t.handle.db,
        "installments",
        "principal_paid_fen + interest_paid_fen > 0 and paid_off_date is null",
      ),
    ).toBeGreaterThan(0);
    expect(await count(t.handle.db, "loan_transactions", "kind = 'prepayment'")).toBeGreaterThan(0);
    // One reversed repayment and one reversed recovery after write-off.
    expect(await count(t.handle.db, "loan_transactions", "kind = 'reversal'")).toBe(2);
    expect(
      await count(
        t.handle.db,
        "loan_transactions r join loan_transactions o on o.loan_id = r.loan_id and o.id = r.reversal_of",
        "o.kind = 'recovery'",
      ),
    ).toBe(1);
    expect(await count(t.handle.db, "loan_transactions", "settlement = 'payoff'")).toBeGreaterThan(0);
    // 部分核销: one loan partly written off and still active.
    expect(
      await count(
        t.handle.db,
        "loan_write_offs w join loans l on l.id = w.loan_id",
        "w.status = 'approved' and w.requested_principal_fen is not null and l.status = 'active'",
      ),
    ).toBe(1);
    // Officers are the customer managers who own the customers.
    expect(
      await count(
        t.handle.db,
        "loans l join user_roles r on r.user_id = l.officer_id",
        "r.role_key = 'customer-manager'",
      ),
    ).toBe(total);
    expect(await count(t.handle.db, "collection_tasks", "status = 'open'")).toBeGreaterThan(10);
  });
});
