// Three months of the telemarketing floor's phone system records: each of the 18 people on each
// working day (Mon–Fri) — telemarketers 80–150 calls, leaders fewer — about 40% connected, talk
// times that make about two thirds of the connected calls effective, outcomes in realistic shares.
// Generated in one INSERT … SELECT over generate_series (a hash of agent, day and call number stands
// in for chance), as three monthly imports of the demo PBX, so the first start stays quick. Also the
// standard call outcomes every call refers to.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { getSetting } from "../settings/settings.service.ts";
import { STANDARD_OUTCOMES } from "./call-outcomes.service.ts";
import { callOutcomes } from "./crm.schema.ts";

// The standard call outcomes: essential, because tests log calls against them.
export const crmOutcomesDemoSeeder: DemoSeeder = {
  name: "crm-outcomes",
  essential: true,
  run: async (db) => {
    await db
      .insert(callOutcomes)
      .values(STANDARD_OUTCOMES.map((o) => ({ ...o, active: true })))
      .onConflictDoNothing();
  },
};

const DAY = 86_400_000;
const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedDemoCalls(db: Db): Promise<void> {
  const now = Date.now();
  const today = chinaDay(now);
  const from = chinaDay(now - 91 * DAY);
  const threshold = await getSetting(db, "crm.effective-call-seconds", today);
  const agentsResult = await db.execute(sql`
    select u.id, r.role_key = 'tele-leader' as leader, row_number() over (order by u.username)::int as ord
    from users u join user_roles r on r.user_id = u.id
    where r.role_key in ('telemarketer', 'tele-leader') and u.status = 'active'`);
  const agents = (agentsResult as unknown as { rows: { id: string; leader: boolean; ord: number }[] }).rows;
  if (agents.length === 0) return;
  // One import per calendar month, as the floor would have uploaded them.
  const months = [
    ...new Set(Array.from({ length: 92 }, (_, i) => chinaDay(now - (91 - i) * DAY).slice(0, 7))),
  ];
  const imports = months.map((month) => ({ id: randomUUID(), month }));

  // On the embedded database, maintaining five indexes row by row costs more than the rows: build
  // the secondary indexes once afterwards instead, from their own definitions, in one transaction.
  await db.transaction(async (tx) => {
    const indexes = (
      (await tx.execute(sql`
        select indexname, indexdef from pg_indexes
        where schemaname = current_schema() and tablename = 'crm_calls' and indexname <> 'crm_calls_pkey'`)) as unknown as {
        rows: { indexname: string; indexdef: string }[];
      }
    ).rows;
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.indexname}"`));
    await insertFloorCalls(tx, { agents, imports, from, today, threshold });
    for (const index of indexes) await tx.execute(sql.raw(index.indexdef));
  });
  await recordDemoImports(db, imports);
}

type FloorCallsInput = {
  agents: { id: string; leader: boolean; ord: number }[];
  imports: { id: string; month: string }[];
  from: string;
  today: string;
  threshold: number;
};

// Per agent and day (subquery p, evaluated once per pair thanks to OFFSET 0): the number of calls, a
// seed, the id and call-id prefixes. Per call (subquery x, also fenced so its hash is computed once):
// a cheap integer hash decides connected, talk time and outcome.
async function insertFloorCalls(tx: Tx, { agents, imports, from, today, threshold }: FloorCallsInput) {
  const withLines = agents.map((a) => ({ ...a, line: `0571****${String(a.ord).padStart(4, "0")}` }));
  await tx.execute(sql`
    insert into crm_calls (id, agent_id, direction, caller_masked, callee_masked, started_at, answered_at, ended_at,
      talk_seconds, outcome_code, vendor_result, connected, effective, intent, appointment, recording_url,
      vendor, vendor_call_id, import_id, created_at)
    select (p.id_prefix || lpad(to_hex(k), 8, '0'))::uuid, a.id, 'outbound', a.line, x.callee,
      to_timestamp(x.s), case when x.connected then to_timestamp(x.s + 3 + x.h % 15) end,
      to_timestamp(x.s + case when x.connected then 3 + x.h % 15 + x.talk else 20 + x.h % 25 end),
      x.talk, x.outcome, case when x.connected then 'ANSWERED' else 'NO ANSWER' end, x.connected,
      x.connected and x.talk >= ${threshold} and x.outcome not in ('wrong-person', 'do-not-call'),
      x.outcome in ('intent', 'appointment'), x.outcome = 'appointment',
      case when x.connected then p.rec_prefix || k end, 'demo-pbx', p.call_prefix || k, p.import_id,
      to_timestamp(least(x.s + 86400, p.now_epoch))
    from json_to_recordset(${JSON.stringify(withLines)}::json) as a(id uuid, leader boolean, ord int, line text)
    cross join generate_series(${from}::date, ${today}::date, interval '1 day') as d(day)
    cross join lateral (
      select im.id as import_id, c.n, s.seed, 32400 / c.n as step,
        substr(md5(a.id::text || d.day::text), 1, 24) as id_prefix,
        'D' || to_char(d.day, 'YYYYMMDD') || '-' || a.ord || '-' as call_prefix,
        'https://pbx.demo.example/rec/' || to_char(d.day, 'YYYYMMDD') || '-' || a.ord || '-' as rec_prefix,
        extract(epoch from d.day::timestamp)::bigint + 3600 as base,
        extract(epoch from now())::bigint as now_epoch
      from json_to_recordset(${JSON.stringify(imports)}::json) as im(id uuid, month text)
      cross join lateral (select hashtext(a.id::text || d.day::text) & 2147483647 as seed) s
      cross join lateral (select case when a.leader then 25 + s.seed % 30 else 80 + s.seed % 71 end as n) c
      where im.month = to_char(d.day, 'YYYY-MM') and extract(isodow from d.day) < 6
      offset 0) p
    cross join lateral generate_series(1, p.n) as k
    cross join lateral (
      select r.h, p.base + (k - 1) * p.step + r.h % p.step as s, r.h % 100 < 40 as connected,
        case when r.h % 100 >= 40 then 0 when r.h / 100 % 10 < 3 then 4 + r.h / 1000 % 25 else 30 + r.h / 1000 % 570 end as talk,
        case when r.h % 100 >= 40 then (array['no-answer','no-answer','no-answer','no-answer','no-answer','no-answer','no-answer','busy','busy','rejected','rejected','empty-number'])[1 + r.h / 100000 % 12]
             when r.h / 100000 % 100 < 45 then 'no-interest' when r.h / 100000 % 100 < 70 then 'callback'
             when r.h / 100000 % 100 < 84 then 'intent' when r.h / 100000 % 100 < 90 then 'appointment'
             when r.h / 100000 % 100 < 97 then 'wrong-person' else 'do-not-call' end as outcome,
        (array['138','139','137','135','150','151','158','159','182','187','188','186'])[1 + r.h % 12] || '****' || lpad((r.h / 13 % 10000)::text, 4, '0') as callee
      from (select hashint8(p.seed::bigint * 1000 + k) & 2147483647 as h) r
      offset 0) x
    where x.s <= p.now_epoch`);
}

async function recordDemoImports(db: Db, imports: { id: string; month: string }[]) {
  await db.execute(sql`
    insert into crm_call_imports (id, file_name, status, total_rows, imported_rows, duplicate_rows, linked_rows,
      error_count, vendor, errors, imported_by_name, started_at, finished_at)
    select (x ->> 'id')::uuid, '话单-' || (x ->> 'month') || '.csv', 'imported', count(c.id), count(c.id), 0, 0, 0,
      'demo-pbx', '[]'::jsonb, '电销组长', coalesce(max(c.created_at), now()), coalesce(max(c.created_at), now())
    from json_array_elements(${JSON.stringify(imports)}::json) x
    left join crm_calls c on c.import_id = (x ->> 'id')::uuid
    group by x ->> 'id', x ->> 'month'`);
}

export const crmCallsDemoSeeder: DemoSeeder = { name: "crm-calls", run: seedDemoCalls };
