// Three months of the telemarketing floor's phone system records: each of the 18 people on each
// working day (Mon–Fri) — telemarketers 80–150 calls, leaders fewer — about 40% connected, talk
// times that make about two thirds of the connected calls effective, outcomes in realistic shares.
// Generated in one INSERT … SELECT over generate_series (a hash of agent, day and call number stands
// in for chance), as three monthly imports of the demo PBX, so the first start stays quick.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { getSetting } from "../settings/settings.service.ts";

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

async function insertFloorCalls(tx: Tx, { agents, imports, from, today, threshold }: FloorCallsInput) {
  await tx.execute(sql`
    insert into crm_calls (id, agent_id, direction, caller_masked, callee_masked, started_at, answered_at, ended_at,
      talk_seconds, outcome_code, vendor_result, connected, effective, intent, appointment, recording_url,
      vendor, vendor_call_id, import_id, created_at)
    select md5(a.id::text || d.day::text || k::text)::uuid, a.id, 'outbound', '0571****' || lpad(a.ord::text, 4, '0'),
      (array['138','139','137','135','150','151','158','159','182','187','188','186'])[1 + o.h % 12] || '****' || lpad((o.h / 13 % 10000)::text, 4, '0'),
      t.started, case when o.connected then t.started + make_interval(secs => 3 + o.h % 15) end,
      t.started + make_interval(secs => case when o.connected then 3 + o.h % 15 + o.talk else 20 + o.h % 25 end),
      o.talk, o.outcome, case when o.connected then 'ANSWERED' else 'NO ANSWER' end, o.connected,
      o.connected and o.talk >= ${threshold} and o.outcome not in ('wrong-person', 'do-not-call'),
      o.outcome in ('intent', 'appointment'), o.outcome = 'appointment',
      case when o.connected then 'https://pbx.demo.example/rec/' || to_char(d.day, 'YYYYMMDD') || '-' || a.ord || '-' || k end,
      'demo-pbx', 'D' || to_char(d.day, 'YYYYMMDD') || '-' || a.ord || '-' || k,
      im.id, least(t.started + interval '1 day', now())
    from json_to_recordset(${JSON.stringify(agents)}::json) as a(id uuid, leader boolean, ord int)
    cross join generate_series(${from}::date, ${today}::date, interval '1 day') as d(day)
    join json_to_recordset(${JSON.stringify(imports)}::json) as im(id uuid, month text) on im.month = to_char(d.day, 'YYYY-MM')
    cross join lateral (select case when a.leader then 25 + (hashtext(a.id::text || d.day::text) & 2147483647) % 30
                                    else 80 + (hashtext(a.id::text || d.day::text) & 2147483647) % 71 end as n) c
    cross join lateral generate_series(1, c.n) as k
    cross join lateral (select hashtext(a.id::text || d.day::text || k::text) & 2147483647 as h) r
    cross join lateral (select (d.day::timestamp + interval '9 hours'
        + make_interval(secs => (k - 1) * (32400 / c.n) + r.h % greatest(32400 / c.n, 1))) at time zone 'UTC'
        - interval '8 hours' as started) t
    cross join lateral (select r.h, r.h % 100 < 40 as connected) b
    cross join lateral (select b.h, b.connected,
        case when not b.connected then 0 when b.h / 100 % 10 < 3 then 4 + b.h / 1000 % 25 else 30 + b.h / 1000 % 570 end as talk,
        case when not b.connected then (array['no-answer','no-answer','no-answer','no-answer','no-answer','no-answer','no-answer','busy','busy','rejected','rejected','empty-number'])[1 + b.h / 100000 % 12]
             when b.h / 100000 % 100 < 45 then 'no-interest' when b.h / 100000 % 100 < 70 then 'callback'
             when b.h / 100000 % 100 < 84 then 'intent' when b.h / 100000 % 100 < 90 then 'appointment'
             when b.h / 100000 % 100 < 97 then 'wrong-person' else 'do-not-call' end as outcome) o
    where extract(isodow from d.day) < 6 and t.started <= now()`);
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
