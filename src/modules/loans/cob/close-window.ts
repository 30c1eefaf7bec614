// Which loans a close step works on, and how their installments falling in a date window are found
// without reading the rest of the book (docs/adr/007):
//   - riders: active loans closed with the company (last_closed_date null) in an id range; their window
//     is (fromDate, date], the same for all, so installments are found by the (due_date, loan_id) index;
//   - individuals: active loans closed on their own (last_closed_date = L < date) — new, back-dated or
//     reopened loans, and the loan a payment brings up to date; their window is (L, date], reached loan
//     by loan. There are few: the close of business turns them into riders.
import { type SQL, sql } from "drizzle-orm";
import { type CloseScope, scopeSql } from "./sql-helpers.ts";

export type IdRange = { fromId: string | null; toId: string | null };

export type CloseWindow = {
  /** The date closed (inclusive). */
  date: string;
  /** Loans riding the company close in an id range, from the company's closed date (exclusive). */
  riders: { fromDate: string; range: IdRange } | null;
  /** Loans closed on their own, in a scope (one loan, an id range, or all with "all"). */
  individuals: CloseScope | "all" | null;
};

export function idRangeSql(column: SQL, range: IdRange): SQL {
  const parts: SQL[] = [sql`true`];
  if (range.fromId) parts.push(sql`${column} >= ${range.fromId}::uuid`);
  if (range.toId) parts.push(sql`${column} < ${range.toId}::uuid`);
  return sql.join(parts, sql` and `);
}

/** Active riders of the window (alias `l`). */
export function ridersSql(range: IdRange): SQL {
  return sql`l.status = 'active' and l.last_closed_date is null and ${idRangeSql(sql`l.id`, range)}`;
}

/** Active individuals of the window not yet closed for its date (alias `l`). */
export function individualsSql(w: CloseWindow): SQL {
  const scope = w.individuals === "all" || w.individuals === null ? sql`true` : scopeSql(w.individuals);
  return sql`l.status = 'active' and l.last_closed_date is not null and l.last_closed_date < ${w.date}::date and ${scope}`;
}

/**
 * `select <columns>` over the window's installments not yet paid off with an event in the loan's
 * window, aliases `i` (installment) and `l` (loan), restricted by `where`. The event's day is the due
 * date + `offsetDays`: 0 falling due, −3 the T−3 reminder, +1 the T+1 notice and the first day overdue.
 * Riders' installments come from the unpaid-by-due-date covering index alone (an index-only scan:
 * a few hundred contiguous index pages a date instead of one table page per installment).
 */
export function installmentsInWindow(w: CloseWindow, offsetDays: number, columns: SQL, where: SQL): SQL {
  const parts: SQL[] = [];
  const to = sql`${w.date}::date - ${offsetDays}::int`;
  if (w.riders) {
    const from = sql`${w.riders.fromDate}::date - ${offsetDays}::int`;
    parts.push(sql`select ${columns} from installments i join loans l on l.id = i.loan_id
      where i.paid_off_date is null and i.due_date > ${from} and i.due_date <= ${to}
        and ${idRangeSql(sql`i.loan_id`, w.riders.range)} and ${ridersSql(w.riders.range)} and ${where}`);
  }
  if (w.individuals)
    parts.push(sql`select ${columns} from loans l
      cross join lateral (select * from installments i where i.loan_id = l.id and i.paid_off_date is null
        and i.due_date > l.last_closed_date - ${offsetDays}::int and i.due_date <= ${to}) i
      where ${individualsSql(w)} and ${where}`);
  return parts.length
    ? sql.join(parts, sql` union all `)
    : sql`select ${columns} from installments i, loans l where false`;
}
