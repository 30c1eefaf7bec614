// The events of a close window that read installments: interest and fees falling due become
// receivables (one journal entry per loan, Dr 1302/1304 Cr 6011/6021 for the unpaid part), and the
// T−n reminders and T+n overdue notices go to the outbox from the editable templates. Installments are
// only read: whether one is recognised follows from its due date and the loan's closed date (as-of.ts).
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Tx } from "../../../platform/db.ts";
import { penaltyToDateSql } from "./as-of.ts";
import type { CloseParams } from "./close-loans.ts";
import { type CloseWindow, installmentsInWindow } from "./close-window.ts";
import { rowsOf } from "./sql-helpers.ts";

/** Recognises the unpaid interest and fees of installments falling due in the window; returns how many. */
export async function recogniseDueInterest(tx: Tx, ctx: RequestContext, w: CloseWindow): Promise<number> {
  const d = sql`${w.date}::date`;
  const due = installmentsInWindow(
    w,
    0,
    sql`i.loan_id, greatest(i.interest_due_fen - i.interest_paid_fen, 0) as interest,
      greatest(i.fee_due_fen - i.fee_paid_fen, 0) as fee`,
    sql`i.recognised_date is null and (i.interest_due_fen > i.interest_paid_fen or i.fee_due_fen > i.fee_paid_fen)`,
  );
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with due as (${due}), per_loan as (
      select loan_id, sum(interest)::bigint as interest, sum(fee)::bigint as fee, count(*)::int as n,
        nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
      from due group by loan_id
    ), entries as (
      insert into journal_entries (id, entry_date, kind, description, loan_id, source_type, source_id, created_by)
      overriding system value
      select entry_id, ${d}, 'interest-recognition', '到期利息及费用转入应收', loan_id, 'cob', ${w.date}, ${ctx.actor.userId}::uuid
      from per_loan
      returning 1
    ), lines as (
      insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, entry_date)
      select p.entry_id, v.n, v.account, v.debit, v.credit, p.loan_id, ${d}
      from per_loan p
      cross join lateral (values (1, '1302', p.interest, 0::bigint), (2, '6011', 0::bigint, p.interest),
                                 (3, '1304', p.fee, 0::bigint), (4, '6021', 0::bigint, p.fee)) v(n, account, debit, credit)
      where v.debit + v.credit > 0
      returning 1
    )
    select coalesce(sum(n), 0)::int as n from per_loan`),
  );
  return row.n;
}

/** T−n reminders for installments falling due and T+n notices for those still unpaid; returns how many were queued. */
export async function queueReminders(tx: Tx, w: CloseWindow, params: CloseParams): Promise<number> {
  const d = sql`${w.date}::date`;
  // What is left to pay on the date, with the penalty to that date.
  const columns = sql`i.loan_id, i.period, i.due_date, l.customer_id, l.loan_no,
    (i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + ${penaltyToDateSql(d)}
      - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen) as amount`;
  const unpaid = sql`i.paid_off_date is null`;
  const reminders = installmentsInWindow(
    w,
    -params.reminderDaysBefore,
    columns,
    sql`${unpaid} and i.due_date >= ${d}`,
  );
  const notices = installmentsInWindow(w, params.overdueNoticeDaysAfter, columns, unpaid);
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with due as (
      select r.*, 'due-reminder' as code from (${reminders}) r
      union all select o.*, 'overdue-notice' from (${notices}) o
    ), queued as (
      insert into notifications_outbox (loan_id, template_code, channel, customer_id, period, due_date, amount_fen, body, business_date, payload)
      select x.loan_id, t.code, t.channel, x.customer_id, x.period, x.due_date, x.amount,
        replace(replace(replace(replace(t.body, '{loanNo}', x.loan_no), '{period}', x.period::text),
          '{dueDate}', x.due_date::text), '{amount}', to_char(x.amount / 100.0, 'FM999999999990.00')),
        ${d}, jsonb_build_object('loanNo', x.loan_no, 'period', x.period, 'dueDate', x.due_date, 'amount', x.amount)
      from due x join notification_templates t on t.code = x.code
      where x.amount > 0
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from queued`),
  );
  return row.n;
}
