// The month's loans summed per officer and term by the database (a payroll run must not carry a
// million loans into memory). 年化业绩 is rounded loan by loan exactly as annualized.ts does —
// principal × months / 12 half-up to 分 is floor((principal × months + 6) / 12) on whole 分 — and the
// engine checks every group against its principal (loan-groups.ts); loan-performance.int.test.ts
// runs both over random loans. Read-only on the loans table: the loans module offers no aggregate.
import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import type { Fen } from "../../platform/money.ts";

export type OfficerLoanGroup = {
  officerId: string | null;
  termMonths: number;
  loanCount: number;
  principal: Fen;
  annualized: Fen;
  firstDisbursedOn: string;
  lastDisbursedOn: string;
};

/** The half-up rounded 年化业绩 of one loan row, in SQL (whole 分, no floats). */
export const ANNUALIZED_SQL = sql`((principal_fen * term_months + 6) / 12)`;

export async function loanGroupsBetween(
  db: Queryable,
  range: { from: string; to: string },
): Promise<OfficerLoanGroup[]> {
  const result = await db.execute(sql`
    select officer_id::text as officer_id, term_months, count(*)::int as loan_count,
      sum(principal_fen)::text as principal, sum(${ANNUALIZED_SQL})::text as annualized,
      min(start_date)::text as first_on, max(start_date)::text as last_on
    from loans
    where start_date between ${range.from}::date and ${range.to}::date
    group by officer_id, term_months
    order by officer_id, term_months`);
  type Row = {
    officer_id: string | null;
    term_months: number;
    loan_count: number;
    principal: string;
    annualized: string;
    first_on: string;
    last_on: string;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    officerId: r.officer_id,
    termMonths: Number(r.term_months),
    loanCount: Number(r.loan_count),
    principal: Number(r.principal) as Fen,
    annualized: Number(r.annualized) as Fen,
    firstDisbursedOn: r.first_on,
    lastDisbursedOn: r.last_on,
  }));
}
