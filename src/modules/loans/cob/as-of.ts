// What a loan looks like on its closed date without the close of business having written it
// (docs/adr/007-close-of-business-touches-only-changes.md). The nightly batch writes only what changes
// on a date; what merely grows with the date is derived here, the same way in SQL and in TypeScript:
//   - closed date: loans.last_closed_date, or for a loan riding the company close the business date
//     (during a run: the date being closed, once the loan's chunk is done);
//   - DPD: closed date − loans.overdue_since;
//   - penalty: installments.penalty_accrued_fen (up to loans.accrued_through) plus the engine's
//     cumulative formula for the days since, round(P·rate·days/basis) at the closed date minus at
//     accrued_through — the same figure the old nightly accrual added up to, day by day;
//   - recognised: recognised_date stamped, or an active loan's installment due on or before its closed date.
import { type SQL, sql } from "drizzle-orm";
import { daysPastDue } from "../domain/delinquency.ts";
import { roundByLoan } from "./sql-helpers.ts";

/**
 * The date an active loan (alias `l`) is closed through. `businessDate` is the company's; chunks of a
 * run in progress that are already closed count for the loans riding the company close.
 */
export function closedThroughSql(businessDate: SQL): SQL {
  return sql`coalesce(l.last_closed_date, (select max(c.business_date) from cob_chunks c
    where c.closed_at is not null and c.business_date > ${businessDate}
      and (c.from_id is null or c.from_id <= l.id) and (c.to_id is null or l.id < c.to_id)), ${businessDate})`;
}

/** The date penalty and DPD are as of: the loan's own closed date, else the business date. */
export function asOfSql(businessDate: SQL): SQL {
  return sql`coalesce(l.last_closed_date, ${businessDate})`;
}

/** round(unpaid principal × penalty rate × days / day basis) by the loan's rounding (aliases `l`, `i`). */
function penaltyForDays(days: SQL): SQL {
  return roundByLoan(
    sql`((i.principal_due_fen - i.principal_paid_fen)::numeric * l.penalty_rate::numeric * ${days} / l.day_basis)`,
  );
}

/** Penalty accrued on installment `i` of loan `l` from loans.accrued_through to `asOf` and not yet written. */
export function penaltySinceSql(asOf: SQL): SQL {
  const base = sql`greatest(coalesce(l.accrued_through, i.due_date), i.due_date)`;
  return sql`(case when i.paid_off_date is null and i.principal_due_fen > i.principal_paid_fen and ${asOf} > ${base}
    then ${penaltyForDays(sql`(${asOf} - i.due_date)`)} - ${penaltyForDays(sql`(${base} - i.due_date)`)}
    else 0 end)::bigint`;
}

/** The penalty of installment `i` to date (`asOf`): written plus derived. */
export function penaltyToDateSql(asOf: SQL): SQL {
  return sql`(i.penalty_accrued_fen + ${penaltySinceSql(asOf)})`;
}

/** Whether installment `i`'s interest and fee are receivables (1302/1304) on loan `l`'s books. */
export function recognisedSql(businessDate: SQL): SQL {
  return sql`(i.recognised_date is not null or (l.status = 'active' and i.due_date <= ${closedThroughSql(businessDate)}))`;
}

/** DPD of loan `l` on its closed date; a loan no longer active keeps the DPD it had when it left. */
export function currentDpdSql(businessDate: SQL): SQL {
  return sql`(case when l.status <> 'active' then l.dpd when l.overdue_since is null then 0
    else greatest(${asOfSql(businessDate)} - l.overdue_since, 0) end)`;
}

type DpdFields = { status: string; dpd: number; overdueSince: string | null; lastClosedDate: string | null };

/** DPD of a loan row on its closed date (see currentDpdSql). */
export function currentDpd(loan: DpdFields, businessDate: string): number {
  if (loan.status !== "active") return loan.dpd;
  return daysPastDue({
    businessDate: loan.lastClosedDate ?? businessDate,
    oldestUnpaidDueDate: loan.overdueSince,
  });
}
