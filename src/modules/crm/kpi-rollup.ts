// The daily roll-up of calls (crm_kpi_daily) is kept on write by triggers on crm_calls (migration
// crm_kpi_rollup); this recounts a range of days from the calls themselves. The end-of-day step runs
// it for the day it reports, which also picks up an intent event recorded after a call was counted.
// The expressions match the triggers': outbound, effective outbound, revisits of leads that became
// intent customers before the call's day, inbound; days are China-time days.
import { sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import { addDays, chinaDayStart, type DateRange } from "./domain/kpi-periods.ts";
import { rowsOf } from "./kpi-data.ts";

export async function rebuildKpiDaily(db: Queryable, range: DateRange): Promise<number> {
  await db.execute(
    sql`delete from crm_kpi_daily where day between ${range.from}::date and ${range.to}::date`,
  );
  const result = await db.execute(sql`
    with nc as (
      select agent_id, lead_id, direction, effective, (started_at at time zone 'Asia/Shanghai')::date as day
      from crm_calls
      where started_at >= ${chinaDayStart(range.from)} and started_at < ${chinaDayStart(addDays(range.to, 1))}
    ), fi as (
      select e.lead_id, min(e.at) as first_at from crm_lead_events e
      where e.kind = 'intent' and e.lead_id in (select lead_id from nc where lead_id is not null)
      group by e.lead_id
    ), ins as (
      insert into crm_kpi_daily (agent_id, day, outbound, effective, revisits, inbound)
      select nc.agent_id, nc.day,
        count(*) filter (where nc.direction = 'outbound'),
        count(*) filter (where nc.direction = 'outbound' and nc.effective),
        count(*) filter (where nc.direction = 'outbound' and fi.first_at < nc.day::timestamp at time zone 'Asia/Shanghai'),
        count(*) filter (where nc.direction = 'inbound')
      from nc left join fi on fi.lead_id = nc.lead_id
      group by 1, 2
      on conflict (agent_id, day) do update set outbound = excluded.outbound, effective = excluded.effective,
        revisits = excluded.revisits, inbound = excluded.inbound
      returning 1
    ) select count(*)::int as n from ins`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
