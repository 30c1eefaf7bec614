// The loan sub-ledger must equal the general ledger, account by account: Σ principal outstanding =
// 1301, recognised unpaid interest = 1302, unpaid penalty = 1303, recognised unpaid fees = 1304,
// provisions held = 1309, credit balances = 2241. Tests run it after every scenario; finance can too.
// Written-off loans are off the books: their principal and provision are zero, their installments left out.
// An installment counts as recognised once its due date is closed, whether or not a payment has stamped
// its recognised_date yet; penalty counts as written down on the installments (loans/cob/as-of.ts).
import { sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { recognisedSql } from "../loans/cob/as-of.ts";

type Row = { account: string; ledger: string; sub: string };

export async function subLedgerCheck(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "ledger.read");
  const recognised = recognisedSql(sql`${await getBusinessDate(db)}::date`);
  const result = await db.execute(sql`
    with on_books as (
      -- A written-off loan's installments keep what the borrower still owes (账销案存), off balance.
      select coalesce(sum(i.interest_due_fen - i.interest_paid_fen) filter (where ${recognised}), 0) as interest,
        coalesce(sum(i.fee_due_fen - i.fee_paid_fen) filter (where ${recognised}), 0) as fee,
        coalesce(sum(i.penalty_accrued_fen - i.penalty_paid_fen), 0) as penalty
      from installments i join loans l on l.id = i.loan_id where l.status <> 'written-off'
    ), gl as (
      select account_code as account,
        sum(case when account_code in ('1309', '2241') then credit_fen - debit_fen else debit_fen - credit_fen end) as amount
      from journal_lines where account_code in ('1301', '1302', '1303', '1304', '1309', '2241') group by account_code
    ), sub as (
      select '1301' as account, coalesce(sum(principal_outstanding_fen), 0) as amount from loans
      union all select '1309', coalesce(sum(provision_fen), 0) from loans
      union all select '2241', coalesce(sum(credit_balance_fen), 0) from loans
      union all select '1302', interest from on_books
      union all select '1304', fee from on_books
      union all select '1303', penalty from on_books
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
