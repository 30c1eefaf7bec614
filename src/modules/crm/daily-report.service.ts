// 电销日报: the floor's day as it stood at the end of it — the floor, each group, each person and each
// sales team against target, the month so far, appointments, revisits, feedback and the running PKs.
// Produced by the end-of-day step (daily-report-schedule.ts) or on demand, stored per date, so the
// figures of a day do not move afterwards; regenerating replaces it and is audited.
import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { dailyReports } from "./crm-engagement.schema.ts";
import { isBehind } from "./domain/kpi-figures.ts";
import { OrgTimeline, rollUp } from "./domain/kpi-org.ts";
import { addDays, chinaDayStart, periodRange } from "./domain/kpi-periods.ts";
import { syncAllFollowUps } from "./followups.service.ts";
import { loadKpiRules, tallyView } from "./kpi.service.ts";
import { crmToday, loadFacts, loadOrgPeople, rowsOf } from "./kpi-data.ts";
import { rebuildKpiDaily } from "./kpi-rollup.ts";
import { contestBoard, finalizeEndedContests, listContests } from "./pk.service.ts";

type Trigger = (typeof dailyReports.$inferInsert)["trigger"];

async function counts(db: Queryable, date: string) {
  const start = chinaDayStart(date);
  const end = chinaDayStart(addDays(date, 1));
  const [appointments, tomorrow, followUps, feedback] = await Promise.all([
    db.execute(sql`
      select count(*) filter (where status = 'scheduled')::int as scheduled,
        count(*) filter (where status = 'done')::int as done,
        count(*) filter (where status = 'no-show')::int as no_show,
        count(*) filter (where status = 'cancelled')::int as cancelled
      from crm_appointments where starts_at >= ${start} and starts_at < ${end}`),
    db.execute(sql`
      select count(*)::int as n from crm_appointments
      where status <> 'cancelled' and starts_at >= ${end} and starts_at < ${chinaDayStart(addDays(date, 2))}`),
    db.execute(sql`
      select count(*) filter (where status = 'done' and done_at >= ${start} and done_at < ${end})::int as done,
        count(*) filter (where status = 'open' and due_on = ${date}::date)::int as due,
        count(*) filter (where status = 'open' and due_on < ${date}::date)::int as overdue
      from crm_follow_ups`),
    db.execute(sql`
      select count(*) filter (where received_at >= ${start} and received_at < ${end})::int as received,
        count(*) filter (where resolved_at >= ${start} and resolved_at < ${end})::int as resolved,
        count(*) filter (where status in ('open', 'in-progress') and due_at < ${end})::int as overdue
      from crm_feedback`),
  ]);
  const one = <T>(r: unknown) => rowsOf<T>(r)[0];
  const a = one<{ scheduled: number; done: number; no_show: number; cancelled: number }>(appointments);
  return {
    appointments: {
      scheduled: a.scheduled,
      done: a.done,
      noShow: a.no_show,
      cancelled: a.cancelled,
      tomorrow: one<{ n: number }>(tomorrow).n,
    },
    followUps: one<{ done: number; due: number; overdue: number }>(followUps),
    feedback: one<{ received: number; resolved: number; overdue: number }>(feedback),
  };
}

/** The report's content: figures of `date` as the data stands now. */
export async function buildReportContent(db: Queryable, ctx: RequestContext, date: string) {
  const today = await crmToday(db);
  const month = periodRange("month", date);
  const monthToDate = { from: month.from, to: date };
  const [people, facts, rules] = await Promise.all([
    loadOrgPeople(db),
    loadFacts(db, monthToDate),
    loadKpiRules(db, date),
  ]);
  const timeline = new OrgTimeline(people);
  const day = { from: date, to: date };
  const base = { facts, timeline, today: date, ...rules };
  const floorDay = rollUp({ ...base, scope: { level: "floor" }, range: day, subUnit: "group" });
  const floorMonth = rollUp({ ...base, scope: { level: "floor" }, range: monthToDate });
  const teams = timeline.leadersIn(day, "team").map((leaderId) => {
    const roll = rollUp({ ...base, scope: { level: "team", leaderId }, range: day });
    return {
      unitId: leaderId,
      name: timeline.nameOf(leaderId),
      members: roll.members.length,
      ...tallyView(roll.total),
    };
  });
  const running = (await listContests(db, ctx, { status: "running" })).items;
  const pk = [];
  for (const contest of running.slice(0, 5)) {
    const board = await contestBoard(db, ctx, contest.id);
    pk.push({
      id: contest.id,
      name: contest.name,
      metric: contest.metric,
      endsOn: contest.endsOn,
      standings: board.standings
        .slice(0, 3)
        .map((s) => ({ rank: s.rank, unitName: s.unitName, score: s.score })),
    });
  }
  return {
    date,
    asOf: today,
    floor: tallyView(floorDay.total),
    monthToDate: { from: monthToDate.from, to: date, ...tallyView(floorMonth.total) },
    groups: floorDay.units
      .map((u) => ({
        unitId: u.unitId,
        name: timeline.nameOf(u.unitId),
        members: u.memberIds.length,
        ...tallyView(u),
      }))
      .sort((a, b) => b.figures.calls - a.figures.calls),
    people: floorDay.members
      .map((m) => ({
        userId: m.userId,
        name: timeline.nameOf(m.userId),
        position: m.position,
        unitId: m.unitId,
        unitName: m.unitId ? timeline.nameOf(m.unitId) : null,
        behind: m.dueToDate.calls > 0 && isBehind(m.figures, m.dueToDate),
        ...tallyView(m),
      }))
      .sort((a, b) => b.figures.calls - a.figures.calls),
    teams,
    ...(await counts(db, date)),
    pk,
  };
}

export type DailyReportContent = Awaited<ReturnType<typeof buildReportContent>>;

/** The end-of-day steps for `date`, then the report: recount the day, sync revisits, close PKs. */
export async function generateDailyReport(
  db: Db,
  ctx: RequestContext,
  input: { date: string; trigger: Trigger },
) {
  requirePermission(ctx, "crm.manage");
  const today = await crmToday(db);
  if (input.date > today) throw conflict("report-in-future", { date: today });
  await db.transaction((tx) => rebuildKpiDaily(tx, { from: input.date, to: input.date }));
  await db.transaction((tx) => syncAllFollowUps(tx, today));
  await finalizeEndedContests(db, ctx, today);
  const content = await buildReportContent(db, ctx, input.date);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ generatedAt: dailyReports.generatedAt })
      .from(dailyReports)
      .where(eq(dailyReports.reportDate, input.date))
      .for("update");
    const values = {
      content,
      trigger: input.trigger,
      generatedBy: ctx.actor.userId,
      generatedByName: ctx.actor.displayName,
      generatedAt: new Date(),
    };
    await tx
      .insert(dailyReports)
      .values({ reportDate: input.date, ...values })
      .onConflictDoUpdate({ target: dailyReports.reportDate, set: values });
    await recordAudit(tx, ctx, {
      action: before ? "crm.daily-report-regenerated" : "crm.daily-report-generated",
      entityType: "crm-daily-report",
      entityId: input.date,
      before: before ? { generatedAt: before.generatedAt } : null,
      after: { trigger: input.trigger, calls: content.floor.figures.calls, people: content.people.length },
    });
    return { date: input.date, generatedAt: values.generatedAt };
  });
}

/** The schedule's step: the business date's report and any missing in the week before it. */
export async function generateMissingReports(db: Db, ctx: RequestContext): Promise<string[]> {
  const today = await crmToday(db);
  const have = await db
    .select({ date: dailyReports.reportDate })
    .from(dailyReports)
    .where(gte(dailyReports.reportDate, addDays(today, -6)));
  const done: string[] = [];
  for (let d = addDays(today, -6); d <= today; d = addDays(d, 1)) {
    if (have.some((h) => h.date === d)) continue;
    await generateDailyReport(db, ctx, { date: d, trigger: "schedule" });
    done.push(d);
  }
  return done;
}

/** A stored report, with people and units outside the reader's scope left out (totals stay). */
export async function getDailyReport(db: Queryable, ctx: RequestContext, date: string) {
  requirePermission(ctx, "kpi.read");
  const [row] = await db.select().from(dailyReports).where(eq(dailyReports.reportDate, date));
  if (!row) throw notFound("daily report");
  const visible = await visibleUserIds(db, ctx.actor);
  const content = row.content as DailyReportContent;
  const wide = visible === null || ctx.actor.scope === "org";
  return {
    date: row.reportDate,
    trigger: row.trigger,
    generatedAt: row.generatedAt,
    generatedByName: row.generatedByName,
    content: {
      ...content,
      people: content.people.filter((p) => wide || canSeeOwner(visible, p.userId)),
      groups: content.groups.filter((g) => wide || canSeeOwner(visible, g.unitId)),
      teams: content.teams.filter((t) => wide || canSeeOwner(visible, t.unitId)),
    },
  };
}

export async function listDailyReports(
  db: Queryable,
  ctx: RequestContext,
  query: { from?: string; to?: string },
) {
  requirePermission(ctx, "kpi.read");
  const today = await crmToday(db);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -30);
  const rows = await db
    .select()
    .from(dailyReports)
    .where(and(gte(dailyReports.reportDate, from), lte(dailyReports.reportDate, to)))
    .orderBy(desc(dailyReports.reportDate));
  return {
    today,
    items: rows.map((r) => {
      const c = r.content as DailyReportContent;
      return {
        date: r.reportDate,
        trigger: r.trigger,
        generatedAt: r.generatedAt,
        generatedByName: r.generatedByName,
        figures: c.floor.figures,
        attainment: c.floor.attainment,
        people: c.people.length,
      };
    }),
  };
}
