// The demo floor after the first calls: appointments (done, no-shows and cancellations over the last
// weeks, and upcoming ones — some tomorrow for the demo `telemarketer`), the revisit tasks the leads
// call for, feedback and complaints in every status (some past their SLA), each team's plan for the
// last three months and this one, a running PK and two settled ones with winners, and the daily
// reports of the last week. Anchored on today in China like the leads and calls it follows; works
// without them too (then only feedback, plans, PKs and reports).
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { loanGroupsBetween } from "../compensation/loan-performance.ts";
import { queueAppointmentReminders } from "./appointment-reminders.ts";
import {
  appointmentReminders,
  appointments,
  feedback,
  pkContests,
  teamTargets,
} from "./crm-engagement.schema.ts";
import { generateDailyReport } from "./daily-report.service.ts";
import { OrgTimeline } from "./domain/kpi-org.ts";
import {
  addDays,
  addMonthsToMonth,
  chinaDayOf,
  isoWeekday,
  monthOf,
  monthRange,
} from "./domain/kpi-periods.ts";
import { syncAllFollowUps } from "./followups.service.ts";
import { crmToday, loadOrgPeople, rowsOf } from "./kpi-data.ts";
import { finalizeEndedContests } from "./pk.service.ts";

/** A China-time instant: day and "H:MM" (the hour padded here). */
const at = (day: string, time: string) => new Date(`${day}T${time.padStart(5, "0")}:00+08:00`);
/** A fixed pseudo-random number in [0, 1) for a seed, so the demo is the same every time. */
const chance = (n: number) => {
  const x = Math.sin(n * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
};

type LeadRow = { id: string; owner_id: string; stage: string; username: string };

/**
 * The revisits the floor made: every third working day after a lead became an intent customer, its
 * owner called again (two thirds answered, as 回访/再联系). Each call completed a revisit task, and the
 * lead's last contact is the latest call, as the call logger leaves it. Set-based, one statement each.
 */
async function seedRevisits(db: Db, today: string) {
  const calls = await db.execute(sql`
    with intent as (
      select e.lead_id, e.owner_id, min(e.at) as at from crm_lead_events e
      join crm_leads l on l.id = e.lead_id and l.stage in ('intent', 'appointment') and l.merged_into is null
      where e.kind = 'intent' and e.owner_id is not null group by e.lead_id, e.owner_id
    ), days as (
      select i.lead_id, i.owner_id, d::date as day, row_number() over (partition by i.lead_id order by d) as n
      from intent i
      cross join lateral generate_series((i.at at time zone 'Asia/Shanghai')::date + 1, ${today}::date - 1, interval '1 day') d
      where extract(isodow from d) < 6
    ), picked as (
      select *, hashtext(lead_id::text || day::text) & 1023 as h from days where n % 3 = 0
    ), ins as (
      insert into crm_calls (lead_id, agent_id, direction, started_at, answered_at, ended_at, talk_seconds,
        outcome_code, connected, effective, note, created_by)
      select lead_id, owner_id, 'outbound',
        (day + time '09:30' + (h % 420) * interval '1 minute') at time zone 'Asia/Shanghai',
        case when h % 3 > 0 then (day + time '09:30' + (h % 420) * interval '1 minute' + interval '12 seconds') at time zone 'Asia/Shanghai' end,
        (day + time '09:30' + (h % 420) * interval '1 minute' + interval '2 minutes') at time zone 'Asia/Shanghai',
        case when h % 3 > 0 then 45 + h % 200 else 0 end,
        case when h % 3 > 0 then 'callback' else 'no-answer' end, h % 3 > 0, h % 3 > 0,
        case when h % 3 > 0 then '意向客户回访,跟进资料准备情况' end, owner_id
      from picked
      returning id, lead_id, agent_id, started_at
    ), tasks as (
      insert into crm_follow_ups (lead_id, owner_id, due_on, source, status, opened_at, done_at, done_call_id)
      select lead_id, agent_id, (started_at at time zone 'Asia/Shanghai')::date, 'intent-revisit', 'done',
        started_at - interval '3 days', started_at, id
      from ins
      returning 1
    ) select count(*)::int as n from tasks`);
  await db.execute(sql`
    update crm_leads l set last_contact_at = c.at
    from (select lead_id, max(started_at) as at from crm_calls where lead_id is not null group by lead_id) c
    where c.lead_id = l.id and (l.last_contact_at is null or l.last_contact_at < c.at)`);
  return rowsOf<{ n: number }>(calls)[0]?.n ?? 0;
}

async function seedAppointments(db: Db, today: string, managers: string[]) {
  const result = await db.execute(sql`
    select l.id::text as id, l.owner_id::text as owner_id, l.stage, u.username
    from crm_leads l join users u on u.id = l.owner_id
    join user_roles r on r.user_id = u.id and r.role_key = 'telemarketer'
    where l.merged_into is null and l.stage in ('intent', 'appointment', 'applied', 'disbursed')
    order by u.username = 'telemarketer' desc, l.created_at`);
  const leadRows = rowsOf<LeadRow>(result);
  if (leadRows.length === 0 || managers.length === 0) return 0;
  const PLACES = ["公司二楼洽谈室", "西湖区门店", "客户店里", "滨江区门店", "咖啡厅(客户指定)"];
  const rows: (typeof appointments.$inferInsert)[] = [];
  leadRows.forEach((lead, i) => {
    const withUserId = managers[i % managers.length];
    const place = PLACES[i % PLACES.length];
    // Past bookings over the last four weeks: most made for the next day.
    const madeOn = addDays(today, -1 - Math.floor(chance(i) * 27));
    const startsOn = addDays(madeOn, chance(i + 100) < 0.75 ? 1 : 2);
    const roll = chance(i + 200);
    const past = startsOn < today;
    const status = !past ? "scheduled" : roll < 0.6 ? "done" : roll < 0.85 ? "no-show" : "cancelled";
    rows.push({
      leadId: lead.id,
      ownerId: lead.owner_id,
      withUserId,
      startsAt: at(startsOn, `${10 + (i % 7)}:${i % 2 ? "30" : "00"}`),
      place,
      status,
      madeOn,
      note: i % 3 === 0 ? "客户想了解经营贷额度与期限" : null,
      outcome:
        status === "done"
          ? "已面谈,收集经营流水,准备进件"
          : status === "no-show"
            ? "客户未到,电话未接通"
            : status === "cancelled"
              ? "客户临时出差,改期待定"
              : null,
      closedAt: past ? at(startsOn, "18:00") : null,
      createdAt: at(madeOn, "15:00"),
    });
    // Upcoming: the first leads (the demo telemarketer's first) are booked today for tomorrow.
    if (i < 12)
      rows.push({
        leadId: lead.id,
        ownerId: lead.owner_id,
        withUserId,
        startsAt: at(addDays(today, i < 6 ? 1 : 2 + (i % 3)), `${9 + (i % 8)}:30`),
        place,
        madeOn: today,
        note: i % 2 ? "带身份证、营业执照和近半年流水" : "客户主动约见,意向 A",
        createdAt: at(today, `${9 + (i % 8)}:10`),
      });
  });
  await db.insert(appointments).values(rows);
  return rows.length;
}

const FEEDBACK: [
  kind: "feedback" | "complaint",
  category: string,
  channel: string,
  subject: string,
  hoursAgo: number,
  status: string,
][] = [
  ["complaint", "collection", "phone", "催收电话打到了单位同事", 30, "open"],
  ["complaint", "fees", "regulator", "认为提前还款违约金过高(监管转办)", 60, "in-progress"],
  ["complaint", "service", "walk-in", "客户经理面谈迟到四十分钟", 5, "open"],
  ["feedback", "product", "wechat", "希望增加 24 期的期限选项", 20, "open"],
  ["feedback", "process", "online", "上传营业执照总是提示格式不对", 50, "in-progress"],
  ["complaint", "privacy", "phone", "没留过号码却接到营销电话", 26, "open"],
  ["feedback", "system", "online", "还款计划表导出后打不开", 12, "resolved"],
  ["complaint", "collection", "letter", "还款日前一天就被催", 100, "resolved"],
  ["feedback", "other", "phone", "询问能否开具结清证明", 80, "closed"],
  ["complaint", "fees", "phone", "对罚息计算有疑问", 150, "closed"],
  ["feedback", "product", "walk-in", "建议推出农户季节性还款产品", 200, "closed"],
  ["complaint", "service", "wechat", "电销人员一天打了三次", 8, "in-progress"],
];
const SLA: Record<string, number> = {
  service: 24,
  fees: 48,
  collection: 24,
  product: 72,
  process: 48,
  privacy: 24,
  system: 48,
  other: 72,
};

async function seedFeedback(db: Db, serviceUsers: string[], leadIds: string[]) {
  const now = Date.now();
  const NAMES = ["王女士", "李先生", "张女士", "刘先生", "陈女士", "杨先生"];
  // Numbered per day as the intake numbers them (FB20261128-001, -002 …).
  const perDay = new Map<string, number>();
  const rows = FEEDBACK.map(([kind, category, channel, subject, hoursAgo, status], i) => {
    const receivedAt = new Date(now - hoursAgo * 3_600_000);
    const day = chinaDayOf(receivedAt).replaceAll("-", "");
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const dueAt = new Date(receivedAt.getTime() + SLA[category] * 3_600_000);
    const resolved = status === "resolved" || status === "closed";
    return {
      refNo: `FB${day}-${String(perDay.get(day)).padStart(3, "0")}`,
      kind,
      category,
      channel,
      leadId: leadIds[i * 3] ?? null,
      contactName: NAMES[i % NAMES.length],
      subject,
      detail: kind === "complaint" ? "客户来电情绪较激动,要求三个工作日内给出答复。" : null,
      receivedAt,
      slaHours: SLA[category],
      dueAt,
      ownerId: status === "open" ? null : serviceUsers[i % serviceUsers.length],
      status: status as "open" | "in-progress" | "resolved" | "closed",
      outcome: resolved ? "已回电说明并记录改进措施,客户表示认可" : null,
      // One of the resolved ones was answered late.
      resolvedAt: resolved
        ? new Date(i === 7 ? dueAt.getTime() + 6 * 3_600_000 : receivedAt.getTime() + 6 * 3_600_000)
        : null,
      closedAt: status === "closed" ? new Date(receivedAt.getTime() + 30 * 3_600_000) : null,
      createdAt: receivedAt,
    };
  });
  await db.insert(feedback).values(rows);
  return rows.length;
}

/** Plan rows for each team, last three months and this one, near what the team disbursed. */
async function seedTargets(db: Db, timeline: OrgTimeline, today: string) {
  const month = monthOf(today);
  const months = [-3, -2, -1, 0].map((n) => addMonthsToMonth(month, n));
  const teams = timeline.leadersIn({ from: monthRange(months[0]).from, to: today }, "team");
  const rows: (typeof teamTargets.$inferInsert)[] = [];
  for (const m of months) {
    const range = monthRange(m);
    const byTeam = new Map<string, number>();
    for (const group of await loanGroupsBetween(db, range)) {
      const team = group.officerId
        ? timeline.unitOn(group.officerId, range.to > today ? today : range.to, "team")
        : null;
      if (team) byTeam.set(team, (byTeam.get(team) ?? 0) + group.principal);
    }
    teams.forEach((team, i) => {
      const actual = byTeam.get(team) ?? 0;
      // Plans set between 80% and 130% of what came in, in whole ¥10,000; at least ¥500,000.
      const factor = 0.8 + chance(i * 7 + m.length + Number(m.slice(5))) * 0.5;
      const target = Math.max(50_000_000, Math.round((actual * factor) / 1_000_000) * 1_000_000);
      rows.push({
        teamUserId: team,
        month: m,
        targetFen: target,
        note: "月度营销计划",
        updatedByName: "系统 System",
      });
    });
  }
  if (rows.length) await db.insert(teamTargets).values(rows);
  return rows.length;
}

async function seedContests(db: Db, timeline: OrgTimeline, today: string, createdBy: string | null) {
  const weekStart = addDays(today, 1 - isoWeekday(today));
  const groups = timeline.leadersIn({ from: addDays(today, -60), to: today }, "group");
  const teams = timeline.leadersIn({ from: addDays(today, -60), to: today }, "team");
  const lastMonth = monthRange(addMonthsToMonth(monthOf(today), -1));
  const rows: (typeof pkContests.$inferInsert)[] = [];
  const base = { createdBy, createdByName: "营销总监" };
  if (groups.length >= 2) {
    rows.push({
      ...base,
      name: "本周呼出王 PK",
      unitKind: "group",
      metric: "weighted",
      weights: { calls: 1, effective: 3, intent: 10, appointments: 20 },
      participants: groups,
      startsOn: weekStart,
      endsOn: addDays(weekStart, 6),
      reward: "冠军组周五下午茶 + 流动红旗",
    });
    rows.push({
      ...base,
      name: "上周有效呼出 PK",
      unitKind: "group",
      metric: "effective",
      participants: groups,
      startsOn: addDays(weekStart, -7),
      endsOn: addDays(weekStart, -1),
      reward: "冠军组每人 200 元奖金",
    });
  }
  if (teams.length >= 2)
    rows.push({
      ...base,
      name: `${lastMonth.from.slice(5, 7)}月团队放款 PK`,
      unitKind: "team",
      metric: "disbursed",
      participants: teams,
      startsOn: lastMonth.from,
      endsOn: lastMonth.to,
      reward: "冠军团队团建经费 3,000 元",
    });
  if (rows.length) await db.insert(pkContests).values(rows);
  return rows.length;
}

export async function seedEngagementDemo(db: Db): Promise<void> {
  const ctx = systemContext("demo-seed");
  const today = await crmToday(db);
  const users = rowsOf<{ id: string; username: string; role_key: string }>(
    await db.execute(sql`
      select u.id::text as id, u.username, r.role_key from users u join user_roles r on r.user_id = u.id
      where u.status = 'active' order by u.username`),
  );
  const byRole = (role: string) => users.filter((u) => u.role_key === role).map((u) => u.id);
  const director = users.find((u) => u.username === "sales-director")?.id ?? null;
  const timeline = new OrgTimeline(await loadOrgPeople(db));
  const leadIds = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id::text as id from crm_leads where merged_into is null order by created_at limit 60`,
    ),
  ).map((r) => r.id);

  const counts = {
    revisits: await seedRevisits(db, today),
    appointments: await seedAppointments(db, today, byRole("customer-manager")),
    feedback: await seedFeedback(db, byRole("service"), leadIds),
    targets: await seedTargets(db, timeline, today),
    contests: await seedContests(db, timeline, today, director),
    followUps: await db.transaction(async (tx) => (await syncAllFollowUps(tx, today)).opened),
  };
  await finalizeEndedContests(db, ctx, today);
  // Reminders as the end of day leaves them: yesterday's (for today) handed to the SMS sender, today's
  // (for tomorrow) queued.
  await db.transaction(async (tx) => {
    await queueAppointmentReminders(tx, ctx, addDays(today, -1));
    await tx
      .update(appointmentReminders)
      .set({ status: "sent" })
      .where(eq(appointmentReminders.queuedOn, addDays(today, -1)));
    await queueAppointmentReminders(tx, ctx, today);
  });
  await db.transaction(async (tx) =>
    recordAudit(tx, ctx, { action: "crm.engagement-demo-seeded", entityType: "system", after: counts }),
  );
  // The last week's end-of-day reports, as the schedule would have left them.
  for (let d = addDays(today, -7); d < today; d = addDays(d, 1))
    await generateDailyReport(db, ctx, { date: d, trigger: "demo" });
}

export const crmEngagementDemoSeeder: DemoSeeder = {
  name: "crm-engagement",
  run: (db) => seedEngagementDemo(db),
};
