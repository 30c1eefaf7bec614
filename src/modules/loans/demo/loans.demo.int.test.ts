// The demo loan book: built through the real services and batch, so the ledger balances, the
// sub-ledger equals the GL, and every state the console shows has loans in it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../platform/testing/test-app.ts";
import { getBusinessDate } from "../business-date.ts";
import { rowsOf } from "../cob/sql-helpers.ts";
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

  // The overview sums loans and transactions; the ledger is posted separately in the same transactions.
  // They must tell the same story: outstanding = 1301, provisions = 1309, each month's disbursed
  // principal = the 1301 debits of disbursements, each month's collections = the cash and bank debits
  // of repayments, payoffs (journal kind settlement) and prepayments less the credits of their
  // reversals (the demo reverses one).
  it("the portfolio overview agrees with the ledger", async () => {
    const gm = await t.as("gm");
    const res = await gm.get("/api/v1/reports/portfolio?months=14&fresh=true");
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const fen = (amount: string) => Math.round(Number(amount) * 100);
    const [balances] = rowsOf<{ principal: string; provision: string }>(
      await t.handle.db.execute(sql`
      select coalesce(sum(debit_fen - credit_fen) filter (where account_code = '1301'), 0)::text as principal,
        coalesce(sum(credit_fen - debit_fen) filter (where account_code = '1309'), 0)::text as provision
      from journal_lines`),
    );
    expect(fen(report.book.principalOutstanding)).toBe(Number(balances.principal));
    expect(fen(report.book.provision)).toBe(Number(balances.provision));

    const byMonth = rowsOf<{ month: string; disbursed: string; collected: string }>(
      await t.handle.db.execute(sql`
      select to_char(l.entry_date, 'YYYY-MM') as month,
        coalesce(sum(l.debit_fen) filter (where e.kind = 'disbursement' and l.account_code = '1301'), 0)::text
          as disbursed,
        (coalesce(sum(l.debit_fen) filter (where e.kind in ('repayment', 'settlement', 'prepayment')
            and l.account_code in ('1001', '1002')), 0)
          - coalesce(sum(l.credit_fen) filter (where e.kind = 'reversal' and o.kind in ('repayment', 'settlement', 'prepayment')
            and l.account_code in ('1001', '1002')), 0))::text as collected
      from journal_lines l
      join journal_entries e on e.id = l.entry_id
      left join journal_entries o on o.id = e.reversal_of
      group by 1`),
    );
    const ledger = new Map(byMonth.map((m) => [m.month, m]));
    let months = 0;
    for (const month of report.months) {
      const posted = ledger.get(month.month);
      expect([month.month, fen(month.disbursed)]).toEqual([month.month, Number(posted?.disbursed ?? 0)]);
      expect([month.month, fen(month.collected)]).toEqual([month.month, Number(posted?.collected ?? 0)]);
      if (fen(month.collected) > 0) months += 1;
    }
    expect(months).toBeGreaterThan(10);
  });
});
