// 催收工作台: the work queue. Open (or resolved) tasks with what a collector decides on — bucket, DPD,
// the amount overdue, the borrower (masked), who has it, the last attempt, the next action due and the
// promise in force — filtered and sorted in SQL, one page at a time, within the actor's scope.
import { type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { asOfSql, currentDpdSql, penaltyToDateSql } from "../loans/cob/as-of.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { visibleAssignees } from "./access.ts";
import type { ListTasksQuery } from "./collections.contracts.ts";
import { chinaClock } from "./domain/china-time.ts";
import { maskName } from "./domain/masking.ts";

/**
 * The unpaid part of installments due before the business date, summed per loan (alias i, its loan
 * alias l), with the penalty to date (loans/cob/as-of.ts: the close of business does not write it nightly).
 */
export function overdueSql(businessDate: string): SQL {
  return sql`coalesce(sum(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + ${penaltyToDateSql(asOfSql(sql`${businessDate}::date`))}
  - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen), 0)::bigint`;
}

/** Raw-SQL form of the actor's task scope on alias c (collection_tasks). */
export function scopeSqlOf(visible: string[] | null): SQL {
  if (visible === null) return sql`true`;
  if (visible.length === 0) return sql`c.assigned_to is null`;
  return sql`(c.assigned_to is null or c.assigned_to in (${sql.join(
    visible.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
}

const SORT_COLUMNS: Record<ListTasksQuery["sort"], string> = {
  dpd: "dpd",
  amountOverdue: "overdue_fen",
  nextActionDate: "next_action_date",
  lastActionAt: "last_action_at",
  openedOn: "opened_on",
};

type QueueRow = {
  id: string;
  loan_id: string;
  loan_no: string;
  bucket: string;
  dpd: number;
  status: "open" | "resolved";
  queue: string;
  priority: string;
  broken_promises: number;
  assigned_to: string | null;
  assignee_name: string | null;
  opened_on: string;
  resolved_on: string | null;
  last_action_at: Date | string | null;
  last_action_method: string | null;
  last_action_outcome: string | null;
  next_action_date: string | null;
  principal_outstanding_fen: string | number;
  overdue_fen: string | number;
  customer_id: string;
  customer_name: string | null;
  phone_masked: string | null;
  promise_status: string | null;
  promise_amount_fen: string | number | null;
  promised_date: string | null;
  total: number;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function listQueue(db: Queryable, ctx: RequestContext, query: ListTasksQuery, now = new Date()) {
  const visible = await visibleAssignees(db, ctx);
  const businessDate = await getBusinessDate(db);
  const today = chinaClock(now).day;
  const where: SQL[] = [scopeSqlOf(visible)];
  if (query.status) where.push(sql`c.status = ${query.status}`);
  if (query.bucket) where.push(sql`c.bucket = ${query.bucket}`);
  if (query.queue) where.push(sql`c.queue = ${query.queue}`);
  if (query.priority) where.push(sql`c.priority = ${query.priority}`);
  if (query.assignee === "me") where.push(sql`c.assigned_to = ${ctx.actor.userId}::uuid`);
  else if (query.assignee === "unassigned") where.push(sql`c.assigned_to is null`);
  else if (query.assignee) where.push(sql`c.assigned_to = ${query.assignee}::uuid`);
  if (query.promise === "none") where.push(sql`p.status is null`);
  else if (query.promise) where.push(sql`p.status = ${query.promise}`);
  if (query.due === "today")
    where.push(sql`(c.next_action_date is null or c.next_action_date <= ${today}::date)`);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(sql`(l.loan_no ilike ${like} or cu.name ilike ${like})`);
  }
  const direction = query.order === "asc" ? sql.raw("asc nulls first") : sql.raw("desc nulls last");
  const sortColumn = sql.raw(SORT_COLUMNS[query.sort]);
  const rows = rowsOf<QueueRow>(
    await db.execute(sql`
    select c.id, c.loan_id, l.loan_no, c.bucket, ${currentDpdSql(sql`${businessDate}::date`)} as dpd, c.status, c.queue, c.priority, c.broken_promises,
      c.assigned_to, u.display_name as assignee_name, c.opened_on::text, c.resolved_on::text,
      c.last_action_at, c.last_action_method, c.last_action_outcome, c.next_action_date::text,
      l.principal_outstanding_fen, ov.overdue_fen, l.customer_id, cu.name as customer_name, cu.phone_masked,
      p.status as promise_status, p.amount_fen as promise_amount_fen, p.promised_date::text,
      count(*) over ()::int as total
    from collection_tasks c
    join loans l on l.id = c.loan_id
    left join customers cu on cu.id = l.customer_id
    left join users u on u.id = c.assigned_to
    left join lateral (select ${overdueSql(businessDate)} as overdue_fen from installments i
      where i.loan_id = c.loan_id and i.paid_off_date is null and i.due_date < ${businessDate}::date) ov on true
    left join lateral (select p.status, p.amount_fen, p.promised_date from collection_promises p
      where p.loan_id = c.loan_id and p.task_id = c.id and p.status <> 'superseded'
      order by p.created_at desc limit 1) p on true
    where ${sql.join(where, sql` and `)}
    order by ${sortColumn} ${direction}, l.overdue_since nulls last, c.id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`),
  );
  return {
    total: rows[0]?.total ?? (query.page > 1 ? await countOnly(db, where) : 0),
    businessDate,
    items: rows.map((r) => ({
      id: r.id,
      loanId: r.loan_id,
      loanNo: r.loan_no,
      bucket: r.bucket,
      // The loan's DPD today; the task keeps the DPD of its last bucket change.
      dpd: r.dpd,
      status: r.status,
      queue: r.queue,
      priority: r.priority,
      brokenPromises: r.broken_promises,
      assignedTo: r.assigned_to,
      assignee: r.assigned_to ? { id: r.assigned_to, name: r.assignee_name } : null,
      openedOn: r.opened_on,
      resolvedOn: r.resolved_on,
      principalOutstanding: formatAmount(Number(r.principal_outstanding_fen)),
      amountOverdue: formatAmount(Number(r.overdue_fen)),
      borrower: { id: r.customer_id, name: maskName(r.customer_name), phone: r.phone_masked },
      lastAction: r.last_action_at
        ? { at: iso(r.last_action_at), method: r.last_action_method, outcome: r.last_action_outcome }
        : null,
      nextActionDate: r.next_action_date,
      promise: r.promise_status
        ? {
            status: r.promise_status,
            amount: formatAmount(Number(r.promise_amount_fen)),
            date: r.promised_date,
          }
        : null,
    })),
  };
}

// A page past the end returns no rows, so the window count is not there to read.
async function countOnly(db: Queryable, where: SQL[]): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
    select count(*)::int as n from collection_tasks c
    join loans l on l.id = c.loan_id
    left join customers cu on cu.id = l.customer_id
    left join lateral (select p.status from collection_promises p
      where p.loan_id = c.loan_id and p.task_id = c.id and p.status <> 'superseded'
      order by p.created_at desc limit 1) p on true
    where ${sql.join(where, sql` and `)}`),
  );
  return row.n;
}
