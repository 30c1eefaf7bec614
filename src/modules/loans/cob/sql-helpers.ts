// Small pieces the set-based batch SQL shares: reading rows from either driver, the loan-level rounding
// mode as SQL, and the id filter of a chunk.
import { type SQL, sql } from "drizzle-orm";

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * round(x) by the loan's rounding mode (loans.rounding), x a non-negative numeric expression. PostgreSQL's round(numeric) is half away from zero = half-up here.
 */
export function roundByLoan(x: SQL): SQL {
  return sql`(case l.rounding
    when 'down' then trunc(${x})
    when 'up' then ceil(${x})
    when 'half-even' then (case when (${x}) - floor(${x}) = 0.5 then floor(${x}) + (floor(${x})::bigint % 2) else round(${x}) end)
    else round(${x}) end)`;
}

/** Which loans a close step touches: one loan (a repayment catching it up) or an id range (a chunk). */
export type CloseScope = { loanId: string } | { fromId: string | null; toId: string | null };

export function scopeSql(scope: CloseScope): SQL {
  if ("loanId" in scope) return sql`l.id = ${scope.loanId}::uuid`;
  const parts: SQL[] = [sql`true`];
  if (scope.fromId) parts.push(sql`l.id >= ${scope.fromId}::uuid`);
  if (scope.toId) parts.push(sql`l.id < ${scope.toId}::uuid`);
  return sql.join(parts, sql` and `);
}
