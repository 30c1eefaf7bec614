// The loan sub-ledger must equal the general ledger, account by account: Σ principal outstanding =
// 1301, recognised unpaid interest = 1302, unpaid penalty = 1303, recognised unpaid fees = 1304,
// provisions held = 1309, credit balances = 2241. Tests run it after every scenario; finance can too.
import { sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";

type Row = { account: string; ledger: string; sub: string };

export async function subLedgerCheck(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "ledger.read");
  const result = await db.execute(sql`
    with gl as (
      select account_code as account,
        sum(case when account_code in ('1309', '2241') then credit_fen - debit_fen else debit_fen - credit_fen end) as amount
      from journal_lines where account_code in ('1301', '1302', '1303', '1304', '1309', '2241') group by account_code
    ), sub as (
      select '1301' as account, coalesce(sum(principal_outstanding_fen), 0) as amount from loans
      union all select '1309', coalesce(sum(provision_fen), 0) from loans
      union all select '2241', coalesce(sum(credit_balance_fen), 0) from loans
      union all select '1302', coalesce(sum(interest_due_fen - interest_paid_fen) filter (where recognised_date is not null), 0) from installments
      union all select '1304', coalesce(sum(fee_due_fen - fee_paid_fen) filter (where recognised_date is not null), 0) from installments
      union all select '1303', coalesce(sum(penalty_accrued_fen - penalty_paid_fen), 0) from installments
    )
    select sub.account, coalesce(gl.amount, 0)::text as ledger, sub.amount::text as sub
    from sub left join gl on gl.account = sub.account order by sub.account`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const checks = rows.map((r) => ({
    account: r.account,
    ledger: formatAmount(Number(r.ledger)),
    subLedger: formatAmount(Number(r.sub)),
    difference: formatAmount(Number(r.ledger) - Number(r.sub)),
    ok: Number(r.ledger) === Number(r.sub),
  }));
  return { ok: checks.every((c) => c.ok), checks };
}
