// The two reads every KPI page makes: the figures per agent per day over a range (one aggregate
// query over the daily roll-up, the intent events and the appointments) and the org as it stood on
// each day. The org read goes to the staff tables directly, read-only, because the staff module reads
// one date at a time (seatsOn) and a month would take thirty of those.
import { sql } from "drizzle-orm";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable } from "../../platform/db.ts";
import type { Fact, OrgPerson, Seat } from "./domain/kpi-org.ts";
import { addDays, chinaDayStart, type DateRange } from "./domain/kpi-periods.ts";

export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * "Today" on the floor: the calendar day in China. Calls are logged as they happen and the lead lists
 * use the same day, so the floor does not wait for servicing's business date, which only the close
 * of business moves. Tests freeze the clock. (The database handle stays for a later setting.)
 */
export async function crmToday(_db: Queryable): Promise<string> {
  return todayInChina();
}

type FactRow = {
  agent_id: string;
  day: string;
  calls: number;
  effective: number;
  revisits: number;
  intent: number;
  next_day: number;
  appointments: number;
};

export async function loadFacts(db: Queryable, range: DateRange): Promise<Fact[]> {
  const fromTs = chinaDayStart(range.from);
  const toTs = chinaDayStart(addDays(range.to, 1));
  const result = await db.execute(sql`
    select agent_id::text as agent_id, day::text as day, sum(calls)::int as calls, sum(effective)::int as effective,
      sum(revisits)::int as revisits, sum(intent)::int as intent, sum(next_day)::int as next_day,
      sum(appointments)::int as appointments
    from (
      select agent_id, day, outbound as calls, effective, revisits, 0 as intent, 0 as next_day, 0 as appointments
      from crm_kpi_daily where day between ${range.from}::date and ${range.to}::date
      union all
      select owner_id, (at at time zone 'Asia/Shanghai')::date, 0, 0, 0, count(*), 0, 0
      from crm_lead_events
      where kind = 'intent' and owner_id is not null and at >= ${fromTs} and at < ${toTs}
      group by 1, 2
      union all
      select owner_id, made_on, 0, 0, 0, 0,
        count(*) filter (where (starts_at at time zone 'Asia/Shanghai')::date = made_on + 1), count(*)
      from crm_appointments
      where status <> 'cancelled' and made_on between ${range.from}::date and ${range.to}::date
      group by 1, 2
    ) f
    group by agent_id, day`);
  return rowsOf<FactRow>(result).map((r) => ({
    agentId: r.agent_id,
    day: r.day,
    figures: {
      calls: Number(r.calls),
      effective: Number(r.effective),
      revisits: Number(r.revisits),
      intent: Number(r.intent),
      nextDayAppointments: Number(r.next_day),
      appointments: Number(r.appointments),
    },
  }));
}

const POSITION_OF_ROLE: Record<string, string> = {
  "sales-director": "sales-director",
  "team-manager": "team-manager",
  "customer-manager": "customer-manager",
  "tele-leader": "tele-leader",
  telemarketer: "telemarketer",
};

/** Every user with their staff seats (all of them: small, and the first seat dates a team's start). */
export async function loadOrgPeople(db: Queryable): Promise<OrgPerson[]> {
  const [userRows, seatRows] = await Promise.all([
    db.execute(sql`
      select u.id::text as id, u.display_name as name, u.manager_id::text as manager_id,
        coalesce(array_agg(r.role_key) filter (where r.role_key is not null), '{}') as roles
      from users u left join user_roles r on r.user_id = u.id
      group by u.id`),
    db.execute(sql`
      select s.user_id::text as user_id, s.rank, a.position, a.valid_from::text as valid_from,
        least(a.valid_to, s.left_on)::text as valid_to, m.user_id::text as manager_user_id
      from staff_assignments a
      join staff_members s on s.id = a.staff_id
      left join staff_members m on m.id = a.manager_id
      where s.user_id is not null and s.status <> 'candidate'
      order by a.valid_from`),
  ]);
  const seats = new Map<string, { rank: string | null; seats: Seat[] }>();
  for (const r of rowsOf<{
    user_id: string;
    rank: string | null;
    position: string;
    valid_from: string;
    valid_to: string | null;
    manager_user_id: string | null;
  }>(seatRows)) {
    const entry = seats.get(r.user_id) ?? { rank: r.rank, seats: [] };
    entry.seats.push({
      position: r.position,
      managerUserId: r.manager_user_id,
      from: r.valid_from,
      to: r.valid_to,
    });
    seats.set(r.user_id, entry);
  }
  return rowsOf<{ id: string; name: string; manager_id: string | null; roles: string[] | string }>(
    userRows,
  ).map((u) => {
    const staff = seats.get(u.id);
    const roles = Array.isArray(u.roles) ? u.roles : String(u.roles).replace(/[{}]/g, "").split(",");
    const position = roles.map((r) => POSITION_OF_ROLE[r]).find(Boolean) ?? null;
    return {
      userId: u.id,
      name: u.name,
      rank: staff?.rank ?? null,
      seats: staff?.seats ?? [],
      fallback: staff ? null : { position, managerUserId: u.manager_id },
    };
  });
}
