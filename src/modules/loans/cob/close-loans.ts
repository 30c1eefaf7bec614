// Closing loans for one date (日终, per loan): set-based SQL over a chunk of loans (or one loan that a
// repayment brings up to date), never a loop per loan. Every statement touches only loans that are
// active and not yet closed for the date, and the last one stamps last_closed_date, all inside the
// caller's transaction — so a chunk is done completely or not at all, and a rerun skips it.
//
// A step works from each loan's own last_closed_date L to the date D, so a loan that is several
// days behind (a back-dated disbursement) is caught up in one step: penalty for the days L..D is
// accrued(D) − accrued(L) of the engine's cumulative formula (domain/delinquency.ts accruePenalty),
// interest falling due in (L, D] is recognised, reminders whose day fell in (L, D] are queued.
// Installments are reached loan by loan (LATERAL, through partial indexes on the open and the not yet
// recognised ones), so a chunk costs its own loans' open installments, whatever the size of the book.
import { type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../../platform/db.ts";
import { getSetting } from "../../settings/settings.service.ts";
import { type CloseScope, roundByLoan, rowsOf, scopeSql } from "./sql-helpers.ts";

export type CloseParams = {
  thresholds: { specialMention: number; substandard: number; doubtful: number; loss: number };
  provisionRates: {
    normal: string;
    "special-mention": string;
    substandard: string;
    doubtful: string;
    loss: string;
  };
  reminderDaysBefore: number;
  overdueNoticeDaysAfter: number;
};

export async function loadCloseParams(db: Queryable, date: string): Promise<CloseParams> {
  // One after the other: inside a transaction they share one connection.
  return {
    thresholds: await getSetting(db, "servicing.classification-thresholds", date),
    provisionRates: await getSetting(db, "servicing.provision-rates", date),
    reminderDaysBefore: await getSetting(db, "servicing.reminder-days-before", date),
    overdueNoticeDaysAfter: await getSetting(db, "servicing.overdue-notice-days-after", date),
  };
}

export type CloseResult = {
  loans: number;
  recognised: number;
  penaltyAccrued: number;
  reminders: number;
  tasks: number;
};

const UNPAID = sql.raw(`(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + i.penalty_accrued_fen
  - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen)`);

export async function closeLoans(
  tx: Tx,
  ctx: RequestContext,
  options: { date: string; scope: CloseScope; params: CloseParams },
): Promise<CloseResult> {
  const { date, params } = options;
  const d = sql`${date}::date`;
  const open = sql`l.status = 'active' and l.last_closed_date < ${d} and ${scopeSql(options.scope)}`;
  const by = ctx.actor.userId;

  // 0. Lock the loans first, in id order, as a repayment does (loan, then its installments): no deadlocks.
  await tx.execute(sql`select l.id from loans l where ${open} order by l.id for update`);
  // A chunk is a few thousand loans of a book that may hold millions: reach their installments by
  // loan_id through the partial indexes (nested loops), never by hashing a scan of the whole table
  // per chunk, which would make the batch quadratic in the book. Journal entry ids are drawn up front
  // (nextval) so the lines need no join back to the entries.
  await tx.execute(sql`set local enable_hashjoin = off`);
  await tx.execute(sql`set local enable_mergejoin = off`);

  // 1. Interest and per-period fees of installments now due become receivables (Dr 1302/1304, Cr 6011/6021).
  //    What was paid before the due date was income on receipt, so only the unpaid part moves.
  const recognised = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with due as (
      update installments i set recognised_date = ${d}
      from (
        select x.loan_id, x.period from loans l
        cross join lateral (select i.loan_id, i.period from installments i
          where i.loan_id = l.id and i.recognised_date is null and i.due_date <= ${d}) x
        where ${open}
      ) s
      where i.loan_id = s.loan_id and i.period = s.period
      returning i.loan_id, greatest(i.interest_due_fen - i.interest_paid_fen, 0) as interest,
                greatest(i.fee_due_fen - i.fee_paid_fen, 0) as fee
    ), per_loan as (
      select loan_id, sum(interest)::bigint as interest, sum(fee)::bigint as fee, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
      from due group by loan_id having sum(interest) + sum(fee) > 0
    ), entries as (
      insert into journal_entries (id, entry_date, kind, description, loan_id, source_type, source_id, created_by)
      overriding system value
      select entry_id, ${d}, 'interest-recognition', '到期利息及费用转入应收', loan_id, 'cob', ${date}, ${by}::uuid from per_loan
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
    select (select count(*) from due)::int as n`),
  )[0].n;

  // 2. Penalty interest (罚息) per overdue installment on its unpaid principal, simple, at the loan's
  //    penalty rate / day basis: round(P·rate·(D−due)/basis) − round(P·rate·(max(L,due)−due)/basis).
  // Multiply first, divide last: the quotient is then the exact rational value, so a tie (x.5) is seen as one.
  const accrued = (days: SQL) => roundByLoan(sql`(k.principal_rate * ${days} / l.day_basis)`);
  const daysNow = sql`(${d} - i.due_date)`;
  const daysBefore = sql.raw("(greatest(l.last_closed_date, i.due_date) - i.due_date)");
  const penalty = rowsOf<{ amount: string }>(
    await tx.execute(sql`
    with acc as (
      select i.loan_id, i.period,
        (${accrued(daysNow)} - ${accrued(daysBefore)})::bigint as inc
      from loans l
      cross join lateral (select * from installments i
        where i.loan_id = l.id and i.paid_off_date is null and i.due_date < ${d} and i.principal_due_fen > i.principal_paid_fen) i
      cross join lateral (select (i.principal_due_fen - i.principal_paid_fen)::numeric * l.penalty_rate::numeric as principal_rate) k
      where ${open}
    ), upd as (
      update installments i set penalty_accrued_fen = i.penalty_accrued_fen + a.inc
      from acc a where i.loan_id = a.loan_id and i.period = a.period and a.inc > 0
      returning i.loan_id, a.inc
    ), per_loan as (
      select loan_id, sum(inc)::bigint as amount, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id from upd group by loan_id
    ), entries as (
      insert into journal_entries (id, entry_date, kind, description, loan_id, source_type, source_id, created_by)
      overriding system value
      select entry_id, ${d}, 'penalty-accrual', '逾期罚息计提', loan_id, 'cob', ${date}, ${by}::uuid from per_loan
      returning 1
    ), lines as (
      insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, entry_date)
      select p.entry_id, v.n, v.account, v.debit, v.credit, p.loan_id, ${d}
      from per_loan p
      cross join lateral (values (1, '1303', p.amount, 0::bigint), (2, '6012', 0::bigint, p.amount)) v(n, account, debit, credit)
      returning 1
    )
    select coalesce(sum(amount), 0)::text as amount from per_loan`),
  )[0].amount;

  // 3. Reminders: T−n before a due date and T+n after it, rendered from the editable templates.
  const before = params.reminderDaysBefore;
  const after = params.overdueNoticeDaysAfter;
  const reminders = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with queued as (
      insert into notifications_outbox (loan_id, template_code, channel, customer_id, period, due_date, amount_fen, body, business_date, payload)
      select i.loan_id, t.code, t.channel, l.customer_id, i.period, i.due_date, u.amount,
        replace(replace(replace(replace(t.body, '{loanNo}', l.loan_no), '{period}', i.period::text),
          '{dueDate}', i.due_date::text), '{amount}', to_char(u.amount / 100.0, 'FM999999999990.00')),
        ${d}, jsonb_build_object('loanNo', l.loan_no, 'period', i.period, 'dueDate', i.due_date, 'amount', u.amount)
      from loans l
      cross join lateral (select * from installments i where i.loan_id = l.id and i.paid_off_date is null
        and i.due_date > l.last_closed_date - ${after}::int and i.due_date <= ${d} + ${before}::int) i
      cross join lateral (select ${UNPAID} as amount) u
      join notification_templates t on t.code = (case when i.due_date >= ${d} then 'due-reminder' else 'overdue-notice' end)
      where ${open} and u.amount > 0 and (
        (i.due_date >= ${d} and i.due_date > l.last_closed_date + ${before}::int and i.due_date <= ${d} + ${before}::int)
        or (i.due_date < ${d} and i.due_date + ${after}::int > l.last_closed_date and i.due_date + ${after}::int <= ${d}))
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from queued`),
  )[0].n;

  // 4. DPD, bucket, classification, provision (Dr 6701/Cr 1309 for the change), collection tasks, and
  //    last_closed_date — one statement, so every CTE reads the loan as it was before this step.
  const t = params.thresholds;
  const r = params.provisionRates;
  const [final] = rowsOf<{ loans: number; tasks: number }>(
    await tx.execute(sql`
    with calc as (
      select l.id, l.dpd as old_dpd, l.provision_fen as old_provision, l.principal_outstanding_fen as principal,
        greatest(coalesce(${d} - o.due, 0), 0) as dpd
      from loans l
      left join lateral (select min(i.due_date) as due from installments i
        where i.loan_id = l.id and i.paid_off_date is null and i.due_date <= ${d} and ${UNPAID} > 0) o on true
      where ${open}
    ), cls as (
      select c.*,
        case when c.dpd <= 0 then 'M0' else 'M' || least(7, ceil(c.dpd / 30.0)::int) end as bucket,
        case when c.dpd >= ${t.loss}::int then 'loss' when c.dpd >= ${t.doubtful}::int then 'doubtful'
             when c.dpd >= ${t.substandard}::int then 'substandard'
             when c.dpd >= ${t.specialMention}::int then 'special-mention' else 'normal' end as classification
      from calc c
    ), prov as (
      select s.*, round(s.principal * (case s.classification
          when 'loss' then ${r.loss}::numeric when 'doubtful' then ${r.doubtful}::numeric
          when 'substandard' then ${r.substandard}::numeric when 'special-mention' then ${r["special-mention"]}::numeric
          else ${r.normal}::numeric end))::bigint as provision
      from cls s
    ), upd as (
      update loans l set dpd = p.dpd, bucket = p.bucket, classification = p.classification,
        provision_fen = p.provision, last_closed_date = ${d}
      from prov p where l.id = p.id
      returning l.id
    ), delta as (
      select id as loan_id, provision - old_provision as amount, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id from prov where provision <> old_provision
    ), entries as (
      insert into journal_entries (id, entry_date, kind, description, loan_id, source_type, source_id, created_by)
      overriding system value
      select entry_id, ${d}, 'provision', '贷款损失准备调整', loan_id, 'cob', ${date}, ${by}::uuid from delta
      returning 1
    ), lines as (
      insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, entry_date)
      select p.entry_id, v.n, v.account, v.debit, v.credit, p.loan_id, ${d}
      from delta p
      cross join lateral (values
        (1, case when p.amount > 0 then '6701' else '1309' end, abs(p.amount), 0::bigint),
        (2, case when p.amount > 0 then '1309' else '6701' end, 0::bigint, abs(p.amount))) v(n, account, debit, credit)
      returning 1
    ), new_tasks as (
      insert into collection_tasks (loan_id, bucket, dpd, opened_on)
      select id, bucket, dpd, ${d} from prov where dpd > 0
      on conflict do nothing
      returning 1
    ), moved_tasks as (
      update collection_tasks c set bucket = p.bucket, dpd = p.dpd
      from prov p where c.loan_id = p.id and c.status = 'open' and p.dpd > 0 and c.bucket <> p.bucket
      returning 1
    )
    select (select count(*) from upd)::int as loans, (select count(*) from new_tasks)::int as tasks,
      (select count(*) from moved_tasks)::int as moved`),
  );
  return { loans: final.loans, recognised, penaltyAccrued: Number(penalty), reminders, tasks: final.tasks };
}
