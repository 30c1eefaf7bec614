// The collections part of the close of business (日终), run by closeLoans right after it has set the
// loans' DPD and opened or moved their tasks, in the same transaction and over the same loans:
//   1. promises to pay: kept once payments since the promise reach its amount, broken once its date
//      (plus the days of grace) has passed without; a broken one flags the task (priority, count);
//   2. escalation: an open task moves up to the senior or legal queue by DPD, or to senior after
//      repeated broken promises; never down on its own; its collector is released if they do not
//      work the new queue;
//   3. assignment: open tasks without a collector go to the active collectors of their queue within
//      their capacity, round-robin (or least-loaded), unless the setting says "manual".
// Set-based like the rest of the batch; every step touches only what still has to change, so a rerun
// or a repayment's catch-up of the same loan changes nothing twice.
import { type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../platform/db.ts";
import { type CloseScope, rowsOf } from "../loans/cob/sql-helpers.ts";
import { getSetting } from "../settings/settings.service.ts";
import type { CollectionQueue } from "./collections-work.schema.ts";

export type CollectionsCloseResult = { kept: number; broken: number; escalated: number; assigned: number };

const QUEUES: CollectionQueue[] = ["standard", "senior", "legal"];
/**
 * The chunk's loans as a condition on a collections table's own loan_id, so that its partial indexes
 * (open tasks, pending promises) are range-scanned rather than every row joined to the chunk.
 */
function onLoans(column: string, scope: CloseScope): SQL {
  const col = sql.raw(column);
  if ("loanId" in scope) return sql`${col} = ${scope.loanId}::uuid`;
  const parts: SQL[] = [sql`true`];
  if (scope.fromId) parts.push(sql`${col} >= ${scope.fromId}::uuid`);
  if (scope.toId) parts.push(sql`${col} < ${scope.toId}::uuid`);
  return sql.join(parts, sql` and `);
}

const rank = (column: string) =>
  sql.raw(`(case ${column} when 'legal' then 2 when 'senior' then 1 else 0 end)`);

export async function closeCollections(
  tx: Tx,
  /**
   * `loans`: the loans of the scope whose DPD crossed a threshold (or that were otherwise looked at)
   * in this close (loans/cob/close-state.ts); escalation then considers only their tasks and those
   * with a promise broken tonight, instead of every open task of the scope.
   */
  options: { date: string; scope: CloseScope; loans?: readonly string[] },
): Promise<CollectionsCloseResult> {
  const { date, scope } = options;
  const d = sql`${date}::date`;
  const promisesInScope = onLoans("p.loan_id", scope);
  const tasksInScope = onLoans("c.loan_id", scope);
  const promises = await getSetting(tx, "collections.promises", date);
  const escalation = await getSetting(tx, "collections.escalation", date);
  const assignment = await getSetting(tx, "collections.assignment", date);

  // 1. Promises. Repayments and prepayments count from the promise's business date; reversed ones do not.
  //    (Data-modifying CTEs run to completion whether or not the final SELECT reads them.)
  const [kept] = rowsOf<{ kept: number; broken: number; broken_loans: string[] }>(
    await tx.execute(sql`
    with pending as (
      select p.loan_id, p.id, p.task_id, p.amount_fen, p.promised_date,
        coalesce((select sum(t.amount_fen) from loan_transactions t
          where t.loan_id = p.loan_id and t.kind in ('repayment', 'prepayment') and t.reversed_by is null
            and t.tx_date >= p.made_on and t.tx_date <= ${d}), 0)::bigint as paid
      from collection_promises p
      where p.status = 'pending' and ${promisesInScope}
    ), decided as (
      select *, case when paid >= amount_fen then 'kept'
        when ${d} >= promised_date + ${promises.graceDays}::int then 'broken' end as outcome
      from pending
    ), upd as (
      update collection_promises p set status = x.outcome, paid_fen = x.paid, resolved_on = ${d}
      from decided x where p.loan_id = x.loan_id and p.id = x.id and x.outcome is not null
      returning p.loan_id, p.id, p.task_id, p.status, p.amount_fen, p.promised_date, p.paid_fen
    ), promise_events as (
      insert into collection_task_events (loan_id, task_id, kind, detail, business_date)
      select loan_id, task_id, 'promise-' || status,
        jsonb_build_object('promiseId', id, 'amount', amount_fen, 'promisedDate', promised_date, 'paid', paid_fen), ${d}
      from upd
      returning 1
    ), broken as (
      select loan_id, task_id, count(*)::int as n from upd where status = 'broken' group by loan_id, task_id
    ), flagged as (
      update collection_tasks c set broken_promises = c.broken_promises + b.n, priority = 'high'
      from broken b where c.loan_id = b.loan_id and c.id = b.task_id
      returning c.loan_id
    ), raised as (
      insert into collection_task_events (loan_id, task_id, kind, detail, business_date)
      select c.loan_id, c.id, 'priority-raised', jsonb_build_object('from', c.priority, 'to', 'high', 'reason', 'promise-broken'), ${d}
      from collection_tasks c join broken b on c.loan_id = b.loan_id and c.id = b.task_id
      where c.priority <> 'high'
      returning 1
    )
    select (select count(*) from upd where status = 'kept')::int as kept,
      (select count(*) from upd where status = 'broken')::int as broken,
      (select coalesce(array_agg(distinct loan_id::text), '{}') from upd where status = 'broken')::text[] as broken_loans`),
  );
  const escalating = options.loans
    ? sql`c.loan_id = any(${`{${[...options.loans, ...kept.broken_loans].join(",")}}`}::uuid[])`
    : sql`true`;

  // 2. Escalation, one way only: the queue a task's DPD or broken promises call for, if higher.
  const [escalated] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with target as (
      select c.loan_id, c.id, c.queue as old_queue, c.assigned_to, x.dpd, c.broken_promises,
        case when x.dpd >= ${escalation.legalFromDpd}::int then 'legal'
             when x.dpd >= ${escalation.seniorFromDpd}::int or c.broken_promises >= ${escalation.brokenPromisesToSenior}::int then 'senior'
             else 'standard' end as new_queue
      from collection_tasks c join loans l on l.id = c.loan_id
      -- DPD on the date closed: loans.dpd is only written when the bucket or class changes (loans/cob/as-of.ts).
      cross join lateral (select coalesce(${d} - l.overdue_since, 0) as dpd) x
      where c.status = 'open' and ${tasksInScope} and ${escalating}
    ), up as (
      select t.*,
        case when t.dpd >= ${escalation.seniorFromDpd}::int then 'dpd' else 'broken-promises' end as reason,
        (t.assigned_to is not null and not exists (select 1 from collection_collectors k
          where k.user_id = t.assigned_to and k.active and t.new_queue = any(k.queues))) as release
      from target t
      where ${rank("t.new_queue")} > ${rank("t.old_queue")}
    ), upd as (
      update collection_tasks c set queue = u.new_queue, escalated_on = ${d},
        assigned_to = case when u.release then null else c.assigned_to end,
        assigned_at = case when u.release then null else c.assigned_at end
      from up u where c.loan_id = u.loan_id and c.id = u.id
      returning 1
    ), events as (
      insert into collection_task_events (loan_id, task_id, kind, detail, business_date)
      select loan_id, id, 'escalated', jsonb_build_object('from', old_queue, 'to', new_queue, 'reason', reason,
        'dpd', dpd, 'brokenPromises', broken_promises, 'released', case when release then assigned_to end), ${d}
      from up
      returning 1
    )
    select count(*)::int as n from up`),
  );

  // 3. Assignment, queue by queue so that a collector of several queues is held to one capacity.
  let assigned = 0;
  if (assignment.mode !== "manual" && (await anyoneToAssignTo(tx))) {
    const waiting = rowsOf<{ queue: CollectionQueue }>(
      await tx.execute(sql`
      select distinct c.queue from collection_tasks c
      where c.status = 'open' and c.assigned_to is null and ${tasksInScope}`),
    ).map((r) => r.queue);
    if (waiting.length > 0) {
      // Collectors are locked in one order, so a chunk and a repayment assigning at once queue up.
      await tx.execute(sql`select user_id from collection_collectors order by user_id for update`);
      for (const queue of QUEUES.filter((q) => waiting.includes(q)))
        assigned += await assignQueue(tx, { d, tasksInScope, queue, assignment });
    }
  }
  return { kept: kept.kept, broken: kept.broken, escalated: escalated.n, assigned };
}

/** Whether any collector can take tasks at all: without one, the unassigned backlog is not even read. */
async function anyoneToAssignTo(tx: Tx): Promise<boolean> {
  const [row] = rowsOf<{ found: boolean }>(
    await tx.execute(sql`select exists (select 1 from collection_collectors k join users u on u.id = k.user_id
      where k.active and u.status = 'active') as found`),
  );
  return row.found;
}

async function assignQueue(
  tx: Tx,
  options: {
    d: SQL;
    tasksInScope: SQL;
    queue: CollectionQueue;
    assignment: { mode: "round-robin" | "least-loaded" | "manual"; defaultCapacity: number };
  },
): Promise<number> {
  const { d, tasksInScope, queue, assignment } = options;
  // Slot j of a collector is their j-th new task. Round-robin deals slot 1 to everyone (longest since
  // their last task first), then slot 2…; least-loaded fills whoever would carry the fewest tasks.
  const slotOrder =
    assignment.mode === "least-loaded"
      ? sql.raw("c.open_tasks + s.j, c.last_assigned_seq, c.user_id")
      : sql.raw("s.j, c.last_assigned_seq, c.user_id");
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    with todo as (
      select c.loan_id, c.id, row_number() over (order by l.overdue_since nulls last, c.loan_id) as k
      from collection_tasks c join loans l on l.id = c.loan_id
      where c.status = 'open' and c.assigned_to is null and c.queue = ${queue} and ${tasksInScope}
    ), collectors as (
      select k.user_id, k.last_assigned_seq, coalesce(k.capacity, ${assignment.defaultCapacity}::int) as cap,
        (select count(*) from collection_tasks t where t.assigned_to = k.user_id and t.status = 'open')::int as open_tasks
      from collection_collectors k join users u on u.id = k.user_id
      where k.active and u.status = 'active' and ${queue} = any(k.queues)
    ), slots as (
      select c.user_id, row_number() over (order by ${slotOrder}) as k
      from collectors c
      cross join lateral generate_series(1, least(c.cap - c.open_tasks, (select count(*) from todo)::int)) s(j)
    ), pairs as (
      select t.loan_id, t.id, s.user_id, t.k from todo t join slots s on s.k = t.k
    ), upd as (
      update collection_tasks c set assigned_to = p.user_id, assigned_at = now()
      from pairs p where c.loan_id = p.loan_id and c.id = p.id
      returning 1
    ), events as (
      insert into collection_task_events (loan_id, task_id, kind, detail, business_date)
      select loan_id, id, 'assigned', jsonb_build_object('to', user_id, 'rule', ${assignment.mode}::text, 'queue', ${queue}::text), ${d}
      from pairs
      returning 1
    ), turns as (
      -- The one who got the latest task goes to the back of the rotation.
      update collection_collectors k
      set last_assigned_seq = (select coalesce(max(last_assigned_seq), 0) from collection_collectors) + m.last_k
      from (select user_id, max(k) as last_k from pairs group by user_id) m
      where k.user_id = m.user_id
      returning 1
    )
    select count(*)::int as n from pairs`),
  );
  return row.n;
}
