// The managers' view of collections: open tasks by bucket and queue, how promises fared over the
// last 30 business days, and what each collector did on a day and over the week — within the actor's
// scope (a collector sees their own figures).
import { type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { visibleAssignees } from "./access.ts";
import { addDays, chinaClock } from "./domain/china-time.ts";
import { overdueSql, scopeSqlOf } from "./queue.service.ts";

const PROMISE_WINDOW_DAYS = 30;
const CHART_DAYS = 14;

function actorScope(visible: string[] | null): SQL {
  if (visible === null) return sql`true`;
  if (visible.length === 0) return sql`false`;
  return sql`a.actor_id in (${sql.join(
    visible.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** kept / (kept + broken) as a percentage with two decimals, or null before any promise was judged. */
export function keptRate(kept: number, broken: number): string | null {
  const judged = kept + broken;
  if (judged === 0) return null;
  return (Math.round((kept * 10_000) / judged) / 100).toFixed(2);
}

export async function collectionsSummary(
  db: Queryable,
  ctx: RequestContext,
  query: { day?: string },
  now = new Date(),
) {
  const visible = await visibleAssignees(db, ctx);
  const scope = scopeSqlOf(visible);
  const businessDate = await getBusinessDate(db);
  const day = query.day ?? chinaClock(now).day;
  const since = addDays(businessDate, -PROMISE_WINDOW_DAYS);

  const buckets = rowsOf<{
    bucket: string;
    tasks: number;
    overdue: string;
    unassigned: number;
    high: number;
  }>(
    await db.execute(sql`
    select c.bucket, count(*)::int as tasks, coalesce(sum(ov.overdue_fen), 0)::text as overdue,
      (count(*) filter (where c.assigned_to is null))::int as unassigned,
      (count(*) filter (where c.priority = 'high'))::int as high
    from collection_tasks c
    join loans l on l.id = c.loan_id
    left join lateral (select ${overdueSql(businessDate)} as overdue_fen from installments i
      where i.loan_id = c.loan_id and i.paid_off_date is null and i.due_date < ${businessDate}::date) ov on true
    where c.status = 'open' and ${scope}
    group by c.bucket order by c.bucket`),
  );
  const queues = rowsOf<{ queue: string; tasks: number }>(
    await db.execute(sql`
    select c.queue, count(*)::int as tasks from collection_tasks c
    where c.status = 'open' and ${scope} group by c.queue`),
  );
  const [promises] = rowsOf<{
    made: number;
    kept: number;
    broken: number;
    pending: number;
    pending_amount: string;
    kept_amount: string;
  }>(
    await db.execute(sql`
    select (count(*) filter (where p.made_on > ${since}::date and p.status <> 'superseded'))::int as made,
      (count(*) filter (where p.status = 'kept' and p.resolved_on > ${since}::date))::int as kept,
      (count(*) filter (where p.status = 'broken' and p.resolved_on > ${since}::date))::int as broken,
      (count(*) filter (where p.status = 'pending'))::int as pending,
      coalesce(sum(p.amount_fen) filter (where p.status = 'pending'), 0)::text as pending_amount,
      coalesce(sum(p.paid_fen) filter (where p.status = 'kept' and p.resolved_on > ${since}::date), 0)::text as kept_amount
    from collection_promises p join collection_tasks c on c.loan_id = p.loan_id and c.id = p.task_id
    where ${scope}`),
  );
  const collectors = rowsOf<{
    user_id: string;
    name: string | null;
    open_tasks: number;
    actions: number;
    unanswered: number;
    promises: number;
    calls: number;
    week: number;
  }>(
    await db.execute(sql`
    with acts as (
      select a.actor_id as user_id,
        (count(*) filter (where a.contact_day = ${day}::date))::int as actions,
        (count(*) filter (where a.contact_day = ${day}::date and a.unanswered))::int as unanswered,
        (count(*) filter (where a.contact_day = ${day}::date and a.promise_id is not null))::int as promises,
        (count(*) filter (where a.contact_day = ${day}::date and a.method = 'call'))::int as calls,
        count(*)::int as week
      from collection_actions a
      where a.contact_day between ${addDays(day, -6)}::date and ${day}::date and a.actor_id is not null
        and ${actorScope(visible)}
      group by a.actor_id
    ), load as (
      select c.assigned_to as user_id, count(*)::int as open_tasks from collection_tasks c
      where c.status = 'open' and c.assigned_to is not null and ${scope}
      group by c.assigned_to
    )
    select coalesce(a.user_id, l.user_id) as user_id, u.display_name as name,
      coalesce(l.open_tasks, 0) as open_tasks, coalesce(a.actions, 0) as actions,
      coalesce(a.unanswered, 0) as unanswered, coalesce(a.promises, 0) as promises,
      coalesce(a.calls, 0) as calls, coalesce(a.week, 0) as week
    from acts a full join load l on l.user_id = a.user_id
    left join users u on u.id = coalesce(a.user_id, l.user_id)
    order by actions desc, open_tasks desc, name`),
  );
  const daily = rowsOf<{ day: string; actions: number; unanswered: number; promises: number }>(
    await db.execute(sql`
    select a.contact_day::text as day, count(*)::int as actions,
      (count(*) filter (where a.unanswered))::int as unanswered,
      (count(*) filter (where a.promise_id is not null))::int as promises
    from collection_actions a
    where a.contact_day between ${addDays(day, -(CHART_DAYS - 1))}::date and ${day}::date and ${actorScope(visible)}
    group by a.contact_day order by a.contact_day`),
  );
  const byDay = new Map(daily.map((d) => [d.day, d]));
  return {
    businessDate,
    day,
    buckets: buckets.map((b) => ({ ...b, overdue: formatAmount(Number(b.overdue)) })),
    queues: Object.fromEntries(queues.map((q) => [q.queue, q.tasks])),
    openTasks: buckets.reduce((s, b) => s + b.tasks, 0),
    promises: {
      windowDays: PROMISE_WINDOW_DAYS,
      made: promises.made,
      kept: promises.kept,
      broken: promises.broken,
      pending: promises.pending,
      pendingAmount: formatAmount(Number(promises.pending_amount)),
      keptAmount: formatAmount(Number(promises.kept_amount)),
      keptRate: keptRate(promises.kept, promises.broken),
    },
    collectors: collectors.map((c) => ({
      userId: c.user_id,
      name: c.name,
      openTasks: c.open_tasks,
      actions: c.actions,
      unanswered: c.unanswered,
      promises: c.promises,
      calls: c.calls,
      actionsWeek: c.week,
    })),
    daily: Array.from({ length: CHART_DAYS }, (_, i) => {
      const d = addDays(day, i - (CHART_DAYS - 1));
      const found = byDay.get(d);
      return {
        day: d,
        actions: found?.actions ?? 0,
        unanswered: found?.unanswered ?? 0,
        promises: found?.promises ?? 0,
      };
    }),
  };
}
