// The floor's monthly KPI page over 1,000,000 calls (target ≤ 300 ms on PostgreSQL). Generates, set
// based, a floor of 10 groups (a leader and 9 telemarketers each), 100,000 leads, 20,000 intent
// events, 5,000 appointments and N calls inside one month; then times, warm, the floor board for the
// month (the service the page calls), a group's month and a person's "my day", against a baseline
// measured in the same run: `select count(*)` of the month's calls. Also shown: the same figures
// aggregated straight from the calls (what the daily roll-up saves), the cost of the roll-up
// triggers on insert (the same rows into a copy of crm_calls without them), and recounting one day.
// Run: npx tsx bench/kpi.bench.ts [--calls N] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL on which the bench makes its own database
//   (mc_bench_kpi); without it, in-process PGlite (and says so). --write updates "Sales KPIs" in
//   docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { monthRange } from "../src/modules/crm/domain/kpi-periods.ts";
import { kpiBoard, myDay } from "../src/modules/crm/kpi.service.ts";
import { rebuildKpiDaily } from "../src/modules/crm/kpi-rollup.ts";
import { ensureBuiltInRoles } from "../src/modules/identity/roles.service.ts";
import { systemContext } from "../src/platform/auth/actor.ts";
import { todayInChina } from "../src/platform/clock.ts";
import { type DbHandle, migrateDatabase } from "../src/platform/db.ts";
import { openBenchDatabase } from "./bench-database.ts";

const { values } = parseArgs({ options: { calls: { type: "string" }, write: { type: "boolean" } } });
const CALLS = Number(values.calls ?? 1_000_000);
const GROUPS = 10;
const PER_GROUP = 9;
const LEADS = 100_000;
const MONTH = todayInChina().slice(0, 7);
const RANGE = monthRange(MONTH);
const DATE = todayInChina();

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Median of `runs` warm runs (after one warm-up). */
async function median(runs: number, work: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], max: times[runs - 1] };
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

// Calls over the month's days (all of them, China time 08:00–20:00); ~40% connected, ~25% effective.
const callsSelect = (n: number) => sql`
  select a.id, md5('lead' || (g % ${LEADS}))::uuid, 'outbound', ${RANGE.from}::timestamp at time zone 'Asia/Shanghai'
      + ((g / ${GROUPS * (PER_GROUP + 1)}) % ${daysInMonth()}) * interval '1 day' + interval '8 hours' + ((g::bigint * 104729) % 43200) * interval '1 second',
    case when g % 10 < 4 then 20 + g % 200 else 0 end, g % 10 < 4, g % 20 < 5, 'bench', 'B' || g
  from generate_series(1, ${n}) g join bench_agents a on a.ord = g % ${GROUPS * (PER_GROUP + 1)}`;

function daysInMonth(): number {
  return Number(RANGE.to.slice(8));
}

async function generate(handle: DbHandle) {
  const db = handle.db;
  await ensureBuiltInRoles(db);
  await db.execute(sql`
    create table bench_agents as
    select gen_random_uuid() as id, g - 1 as ord, (g - 1) % ${PER_GROUP + 1} = 0 as leader
    from generate_series(1, ${GROUPS * (PER_GROUP + 1)}) g`);
  await db.execute(sql`
    insert into users (id, username, display_name, password_hash)
    select id, 'bench' || ord, '坐席' || ord, 'x' from bench_agents`);
  await db.execute(sql`
    update users u set manager_id = l.id from bench_agents a, bench_agents l
    where u.id = a.id and not a.leader and l.ord = a.ord - a.ord % ${PER_GROUP + 1}`);
  await db.execute(sql`
    insert into user_roles (user_id, role_key)
    select id, case when leader then 'tele-leader' else 'telemarketer' end from bench_agents`);
  await db.execute(sql`
    insert into crm_leads (id, name, phone_enc, phone_index, phone_masked, source, stage, owner_id)
    select md5('lead' || g)::uuid, '客户' || g, 'x', md5('phone' || g), '138****0000', 'telemarketing-list',
      case when g % 5 = 0 then 'intent' else 'contacted' end, a.id
    from generate_series(0, ${LEADS - 1}) g join bench_agents a on a.ord = g % ${GROUPS * (PER_GROUP + 1)}`);
  await db.execute(sql`
    insert into crm_lead_events (lead_id, kind, owner_id, at)
    select md5('lead' || g)::uuid, 'intent', l.owner_id,
      ${RANGE.from}::timestamp at time zone 'Asia/Shanghai' + ((g * 31) % (${daysInMonth()} + 20) - 20) * interval '1 day'
    from generate_series(0, ${LEADS - 1}, 5) g join crm_leads l on l.id = md5('lead' || g)::uuid`);
  await db.execute(sql`
    insert into crm_appointments (lead_id, owner_id, starts_at, place, made_on)
    select md5('lead' || g)::uuid, l.owner_id,
      (${RANGE.from}::date + (g % ${daysInMonth()}) + 1)::timestamp at time zone 'Asia/Shanghai' + interval '10 hours',
      '门店', ${RANGE.from}::date + (g % ${daysInMonth()})
    from generate_series(0, 24995, 5) g join crm_leads l on l.id = md5('lead' || g)::uuid`);
  // The leads, events and appointments exist long before the calls come in: give the planner their figures.
  await db.execute(sql`analyze`);
  const insert = await timed(() =>
    db.execute(sql`
      insert into crm_calls (agent_id, lead_id, direction, started_at, talk_seconds, connected, effective, vendor, vendor_call_id)
      ${callsSelect(CALLS)}`),
  );
  await db.execute(sql`create table bench_calls_plain (like crm_calls including all)`);
  const plain = await timed(() =>
    db.execute(sql`
      insert into bench_calls_plain (agent_id, lead_id, direction, started_at, talk_seconds, connected, effective, vendor, vendor_call_id)
      ${callsSelect(CALLS)}`),
  );
  await db.execute(sql`analyze`);
  return { insertMs: insert.ms, plainMs: plain.ms };
}

const { handle, engine } = await openBenchDatabase("mc_bench_kpi");
await migrateDatabase(handle);
const db = handle.db;
const gen = await timed(() => generate(handle));
const ctx = systemContext("bench");
const [{ n: callsInMonth }] = rowsOf<{ n: number }>(
  await db.execute(sql`select count(*)::int as n from crm_calls`),
);
const [{ n: rollupRows }] = rowsOf<{ n: number }>(
  await db.execute(sql`select count(*)::int as n from crm_kpi_daily`),
);
const monthFrom = sql`${RANGE.from}::timestamp at time zone 'Asia/Shanghai'`;
const monthTo = sql`(${RANGE.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
const baseline = await median(5, () =>
  db.execute(
    sql`select count(*) from crm_calls where started_at >= ${monthFrom} and started_at < ${monthTo}`,
  ),
);
const floor = await median(7, () => kpiBoard(db, ctx, { level: "floor", period: "month", date: DATE }));
const leader = rowsOf<{ id: string }>(
  await db.execute(sql`select id::text as id from bench_agents where leader limit 1`),
)[0].id;
const agent = rowsOf<{ id: string }>(
  await db.execute(sql`select id::text as id from bench_agents where not leader limit 1`),
)[0].id;
const group = await median(7, () =>
  kpiBoard(db, ctx, { level: "group", unitId: leader, period: "month", date: DATE }),
);
const day = await median(5, () => myDay(db, ctx, { userId: agent, date: DATE }));
const direct = await median(3, () =>
  db.execute(sql`
    select c.agent_id, (c.started_at at time zone 'Asia/Shanghai')::date, count(*) filter (where c.direction = 'outbound'),
      count(*) filter (where c.direction = 'outbound' and c.effective),
      count(*) filter (where c.direction = 'outbound' and exists (select 1 from crm_lead_events e where e.lead_id = c.lead_id
        and e.kind = 'intent' and e.at < ((c.started_at at time zone 'Asia/Shanghai')::date)::timestamp at time zone 'Asia/Shanghai'))
    from crm_calls c where c.started_at >= ${monthFrom} and c.started_at < ${monthTo} group by 1, 2`),
);
const board = await kpiBoard(db, ctx, { level: "floor", period: "month", date: DATE });
const recount = await timed(() =>
  db.transaction((tx) => rebuildKpiDaily(tx, { from: RANGE.from, to: RANGE.from })),
);
await handle.close();

const ms = (x: number) => `${x.toFixed(0)} ms`;
const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
const command = `npx tsx bench/kpi.bench.ts --calls ${CALLS}${process.env.BENCH_DATABASE_URL ? " (BENCH_DATABASE_URL=PostgreSQL)" : ""}`;
console.log(`engine: ${engine}\nmachine: ${machine}`);
console.log(
  `calls ${callsInMonth} in ${MONTH} (board total ${board.total.figures.calls}), roll-up rows ${rollupRows}, agents ${GROUPS * (PER_GROUP + 1)}; generate ${(gen.ms / 1000).toFixed(1)} s`,
);
console.log(
  `floor month board: median ${ms(floor.median)} (max ${ms(floor.max)}, target ≤ 300 ms); group month ${ms(group.median)}; my day ${ms(day.median)}; count(*) baseline ${ms(baseline.median)}; ratio ${(floor.median / baseline.median).toFixed(2)}×`,
);
console.log(
  `straight from the calls: ${ms(direct.median)}; insert ${CALLS} calls with the roll-up triggers ${(gen.value.insertMs / 1000).toFixed(1)} s vs without ${(gen.value.plainMs / 1000).toFixed(1)} s; recount one day ${ms(recount.ms)}`,
);

if (values.write) {
  const file = "docs/benchmarks.md";
  const text = readFileSync(file, "utf8");
  const header = "## Sales KPIs";
  const section = `${header}

Command: \`${command}\`. Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.
A generated floor (${GROUPS} groups of a leader and ${PER_GROUP} telemarketers, ${LEADS.toLocaleString("en")} leads, 20,000 intent
events, 5,000 appointments) and ${CALLS.toLocaleString("en")} calls inside ${MONTH}. Timed warm (median of 7): the floor's monthly
KPI board as the page calls it (kpiBoard: the org, the aggregate of the daily roll-up + intent events +
appointments, the roll-up to people and groups), against \`select count(*)\` of the month's calls.

| engine | calls in the month | floor, month (target ≤ 300 ms) | group, month | my day | count(*) baseline | ratio | same figures straight from the calls |
|---|---:|---:|---:|---:|---:|---:|---:|
| ${engine} | ${callsInMonth.toLocaleString("en")} | ${ms(floor.median)} (max ${ms(floor.max)}) | ${ms(group.median)} | ${ms(day.median)} | ${ms(baseline.median)} | ${(floor.median / baseline.median).toFixed(2)}× | ${ms(direct.median)} |

Counting the month straight from the calls (grouped by agent and day, with the revisit test against
the intent events) takes the last column — over the target — so \`crm_kpi_daily\` keeps the calls per
agent and China-time day, maintained by statement-level triggers on \`crm_calls\` (migration
0017_crm_kpi_rollup): an insert adds one grouped upsert per statement, an update or delete recounts
the agent-days it touched. Inserting the ${CALLS.toLocaleString("en")} calls took ${(gen.value.insertMs / 1000).toFixed(1)} s with the triggers and
${(gen.value.plainMs / 1000).toFixed(1)} s into a copy of the table without them; the end-of-day recount of one day took ${ms(recount.ms)}.
`;
  const start = text.indexOf(header);
  const next = start < 0 ? -1 : text.indexOf("\n## ", start + header.length);
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next < 0 ? "" : text.slice(next + 1)}`;
  writeFileSync(file, updated);
  console.log(`wrote ${file}`);
}
