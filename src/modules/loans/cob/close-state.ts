// The loans whose state changes in a close window, and only those: riders with an installment falling
// overdue (overdue_since set), riders whose DPD crosses a bucket or class threshold or whose
// classification floor ends, and every individual (recomputed from its installments and stamped
// closed). For them, in one statement: DPD, bucket, class (with a restructuring's floor), provision
// (Dr 6701 / Cr 1309 per loan for the change) and collection tasks. A loan current for months is not
// written at all: its DPD, 0, and its closed date are what as-of.ts derives.
import { type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Tx } from "../../../platform/db.ts";
import type { CloseParams } from "./close-loans.ts";
import { type CloseWindow, individualsSql, installmentsInWindow, ridersSql } from "./close-window.ts";
import { rowsOf } from "./sql-helpers.ts";

const CLASS_ORDER = sql.raw(`array['normal', 'special-mention', 'substandard', 'doubtful', 'loss']::text[]`);

const UNPAID = sql.raw(`(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + i.penalty_accrued_fen
  - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen)`);

/**
 * The DPDs at which a loan's state can change: the first of each bucket M1…M7, of each class above
 * normal, and of each collections queue above standard (collections/cob-step.ts escalates then).
 */
export function thresholdsOf(params: CloseParams): number[] {
  const t = params.thresholds;
  const e = params.escalation;
  const all = [1, 31, 61, 91, 121, 151, 181, t.specialMention, t.substandard, t.doubtful, t.loss];
  return [...new Set([...all, e.seniorFromDpd, e.legalFromDpd])].sort((a, b) => a - b);
}

export type StateOptions = {
  params: CloseParams;
  /** The thresholds or provision rates differ from the previous date's: recompute every rider in range. */
  recomputeAll: boolean;
  /** What an individual's last_closed_date becomes: the date (a payment's catch-up) or null (it rides now). */
  individualsRide: boolean;
};

/**
 * Riders whose DPD crosses a threshold in (fromDate, date] (through the overdue_since index, one range
 * per threshold), or whose classification floor ends then.
 */
function crossingRiders(w: CloseWindow, options: StateOptions): SQL {
  if (!w.riders) return sql`select null::uuid as id where false`;
  const riders = ridersSql(w.riders.range);
  if (options.recomputeAll) return sql`select l.id from loans l where ${riders}`;
  const from = sql`${w.riders.fromDate}::date`;
  const to = sql`${w.date}::date`;
  const crossings = thresholdsOf(options.params).map(
    (t) => sql`(l.overdue_since > ${from} - ${t}::int and l.overdue_since <= ${to} - ${t}::int)`,
  );
  return sql`select l.id from loans l where ${riders} and (${sql.join(crossings, sql` or `)})
    union select l.id from loans l where ${riders}
      and l.classification_floor_until > ${from} and l.classification_floor_until <= ${to}`;
}

/** Loans written, tasks opened, and every loan looked at (for the collections step on the same loans). */
export type StateResult = { loans: number; tasks: number; looked: string[] };

export async function closeLoanStates(
  tx: Tx,
  ctx: RequestContext,
  w: CloseWindow,
  options: StateOptions,
): Promise<StateResult> {
  const d = sql`${w.date}::date`;
  const t = options.params.thresholds;
  const r = options.params.provisionRates;
  // Riders: the first installment left unpaid on its due date makes the loan overdue from that date.
  const fallingOverdue = installmentsInWindow(
    { ...w, individuals: null },
    1,
    sql`i.loan_id, i.due_date`,
    sql`${UNPAID} > 0`,
  );
  const stamp = options.individualsRide ? sql`null::date` : d;
  const [row] = rowsOf<{ loans: number; tasks: number; looked: string[] }>(
    await tx.execute(sql`
    with falling as (
      select loan_id, min(due_date) as due from (${fallingOverdue}) f group by loan_id
    ), crossing as (${crossingRiders(w, options)}
    ), riders as (
      select id, min(due) as due from (select loan_id as id, due from falling union all select id, null from crossing) x
      group by id
    ), cand as (
      select l.id, coalesce(l.overdue_since, r.due) as os, false as individual
      from riders r join loans l on l.id = r.id
      union all
      select l.id, o.due, true from loans l
      left join lateral (select min(i.due_date) as due from installments i
        where i.loan_id = l.id and i.paid_off_date is null and i.due_date < ${d} and ${UNPAID} > 0) o on true
      where ${w.individuals ? individualsSql(w) : sql`false`}
    ), calc as (
      select c.*, l.provision_fen as old_provision, l.principal_outstanding_fen as principal,
        l.bucket as old_bucket, l.classification as old_class, l.overdue_since as old_os,
        greatest(coalesce(${d} - c.os, 0), 0) as dpd,
        case when l.classification_floor_until > ${d} then l.classification_floor end as floor
      from cand c join loans l on l.id = c.id
    ), raw as (
      select c.*,
        case when c.dpd <= 0 then 'M0' else 'M' || least(7, ceil(c.dpd / 30.0)::int) end as bucket,
        case when c.dpd >= ${t.loss}::int then 'loss' when c.dpd >= ${t.doubtful}::int then 'doubtful'
             when c.dpd >= ${t.substandard}::int then 'substandard'
             when c.dpd >= ${t.specialMention}::int then 'special-mention' else 'normal' end as by_dpd
      from calc c
    ), cls as (
      -- A restructured loan stays at least at its floor until the observation period ends (domain/classification-floor.ts).
      select r.*, case when coalesce(array_position(${CLASS_ORDER}, r.floor), 0) > array_position(${CLASS_ORDER}, r.by_dpd)
        then r.floor else r.by_dpd end as classification
      from raw r
    ), prov as (
      select s.*, round(s.principal * (case s.classification
          when 'loss' then ${r.loss}::numeric when 'doubtful' then ${r.doubtful}::numeric
          when 'substandard' then ${r.substandard}::numeric when 'special-mention' then ${r["special-mention"]}::numeric
          else ${r.normal}::numeric end))::bigint as provision
      from cls s
    ), changed as (
      select * from prov p
      where p.individual or p.bucket <> p.old_bucket or p.classification <> p.old_class
        or p.provision <> p.old_provision or p.os is distinct from p.old_os
    ), upd as (
      update loans l set dpd = c.dpd, bucket = c.bucket, classification = c.classification,
        provision_fen = c.provision, overdue_since = c.os,
        last_closed_date = case when c.individual then ${stamp} else l.last_closed_date end
      from changed c where l.id = c.id
      returning l.id
    ), delta as (
      select id as loan_id, provision - old_provision as amount, nextval(pg_get_serial_sequence('journal_entries', 'id')) as entry_id
      from changed where provision <> old_provision
    ), entries as (
      insert into journal_entries (id, entry_date, kind, description, loan_id, source_type, source_id, created_by)
      overriding system value
      select entry_id, ${d}, 'provision', '贷款损失准备调整', loan_id, 'cob', ${w.date}, ${ctx.actor.userId}::uuid from delta
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
      select id, bucket, dpd, ${d} from changed where dpd > 0
      on conflict do nothing
      returning 1
    ), moved_tasks as (
      update collection_tasks c set bucket = p.bucket, dpd = p.dpd
      from changed p where c.loan_id = p.id and c.status = 'open' and p.dpd > 0 and c.bucket <> p.bucket
      returning 1
    )
    select (select count(*) from upd)::int as loans, (select count(*) from new_tasks)::int as tasks,
      (select count(*) from moved_tasks)::int as moved,
      (select coalesce(array_agg(id::text), '{}') from cand)::text[] as looked`),
  );
  return { loans: row.loans, tasks: row.tasks, looked: row.looked };
}
