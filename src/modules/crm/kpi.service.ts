// KPI pages (DOMAIN.md §6): a person's day, week and month against target, and the board of a group,
// a team or the whole floor for a day, a week or a month. Each page is one aggregate read of the
// figures per agent per day plus the org; the roll-up to people and units happens here.
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError, forbidden, notFound } from "../../platform/errors.ts";
import { getSetting } from "../settings/settings.service.ts";
import { appointmentsOn } from "./appointments.service.ts";
import {
  attainment,
  type Figures,
  isBehind,
  TARGET_METRICS,
  type Targets,
  targetsFrom,
} from "./domain/kpi-figures.ts";
import { type KpiScope, OrgTimeline, rollUp, type Tally, type UnitKind } from "./domain/kpi-org.ts";
import {
  addDays,
  type DateRange,
  earlier,
  type PeriodKind,
  periodRange,
  spanOf,
  workingDaysOf,
} from "./domain/kpi-periods.ts";
import { dueCounts, queryFollowUps, refreshFollowUps } from "./followups.service.ts";
import { crmToday, loadFacts, loadOrgPeople } from "./kpi-data.ts";

export type BoardLevel = "person" | "group" | "team" | "floor";

/** The rules a KPI read needs, as in force on the period's last day (or today, if earlier). */
export async function loadKpiRules(db: Queryable, asOf: string) {
  const [targets, workingDays] = await Promise.all([
    getSetting(db, "crm.kpi-daily-targets", asOf),
    getSetting(db, "crm.kpi-working-days", asOf),
  ]);
  const dailyTargetOf = (seat: { position: string | null; rank: string | null }): Targets | null => {
    const row = (seat.rank && targets[seat.rank]) || (seat.position && targets[seat.position]) || null;
    return row ? targetsFrom(row) : null;
  };
  return { dailyTargetOf, workingDays };
}

export function tallyView(t: Tally) {
  const percent = Object.fromEntries(
    TARGET_METRICS.map((m) => [m, attainment(t.figures[m], t.target[m])]),
  ) as Record<keyof Targets, number | null>;
  return { figures: t.figures, target: t.target, dueToDate: t.dueToDate, attainment: percent };
}

function periodView(kind: PeriodKind, date: string, range: DateRange, today: string, weekdays: number[]) {
  const working = workingDaysOf(range, weekdays);
  return {
    kind,
    date,
    from: range.from,
    to: range.to,
    today,
    workingDays: working.length,
    elapsedWorkingDays: working.filter((d) => d <= today).length,
  };
}

/** Who the actor may look at: themselves, a unit they lead or sit above, the floor with a wide scope. */
async function authorize(
  db: Queryable,
  ctx: RequestContext,
  timeline: OrgTimeline,
  query: { level: BoardLevel; unitId?: string },
  today: string,
): Promise<{ scope: KpiScope; unitId: string | null }> {
  requirePermission(ctx, "kpi.read");
  const visible = await visibleUserIds(db, ctx.actor);
  if (query.level === "floor") {
    if (visible !== null && ctx.actor.scope !== "org") throw forbidden();
    return { scope: { level: "floor" }, unitId: null };
  }
  const self = ctx.actor.userId;
  if (query.level === "person") {
    const userId = query.unitId ?? self;
    if (!userId) throw forbidden();
    if (!canSeeOwner(visible, userId)) throw forbidden();
    if (!timeline.person(userId)) throw notFound("user");
    return { scope: { level: "person", userId }, unitId: userId };
  }
  const kind: UnitKind = query.level;
  const leaderId = query.unitId ?? (self ? timeline.unitOn(self, today, kind) : null);
  if (!leaderId) throw new DomainError({ code: "kpi-no-unit", status: 404, params: { level: kind } });
  if (!canSeeOwner(visible, leaderId)) throw forbidden();
  if (!timeline.person(leaderId)) throw notFound("user");
  return { scope: { level: kind, leaderId }, unitId: leaderId };
}

export async function kpiBoard(
  db: Queryable,
  ctx: RequestContext,
  query: { level: BoardLevel; unitId?: string; period: PeriodKind; date?: string },
) {
  const today = await crmToday(db);
  const date = query.date ?? today;
  const range = periodRange(query.period, date);
  const [people, facts, rules] = await Promise.all([
    loadOrgPeople(db),
    loadFacts(db, range),
    loadKpiRules(db, earlier(range.to, today)),
  ]);
  const timeline = new OrgTimeline(people);
  const { scope, unitId } = await authorize(db, ctx, timeline, query, today);
  const subUnit: UnitKind | undefined = query.level === "floor" ? "group" : undefined;
  const roll = rollUp({ facts, timeline, scope, range, today, subUnit, ...rules });
  const behind = (t: Tally) => t.dueToDate.calls > 0 && isBehind(t.figures, t.dueToDate);
  const byCalls = (a: { figures: Figures }, b: { figures: Figures }) => b.figures.calls - a.figures.calls;
  return {
    level: query.level,
    unit: unitId ? { id: unitId, name: timeline.nameOf(unitId) } : null,
    period: periodView(query.period, date, range, today, rules.workingDays),
    total: tallyView(roll.total),
    members: roll.members
      .map((m) => ({
        userId: m.userId,
        name: timeline.nameOf(m.userId),
        position: m.position,
        unitId: m.unitId,
        unitName: m.unitId ? timeline.nameOf(m.unitId) : null,
        days: m.days,
        behind: behind(m),
        ...tallyView(m),
      }))
      .sort(byCalls),
    units: roll.units
      .map((u) => ({
        unitId: u.unitId,
        name: timeline.nameOf(u.unitId),
        members: u.memberIds.length,
        behind: behind(u),
        ...tallyView(u),
      }))
      .sort(byCalls),
    daily: roll.byDay,
  };
}

/** 我的今日: today against target, the week and the month so far, callbacks and appointments. */
export async function myDay(db: Db, ctx: RequestContext, query: { userId?: string; date?: string }) {
  const today = await crmToday(db);
  const date = query.date ?? today;
  const week = periodRange("week", date);
  const month = periodRange("month", date);
  const span = spanOf(week, month);
  const [people, facts, rules] = await Promise.all([
    loadOrgPeople(db),
    loadFacts(db, span),
    loadKpiRules(db, earlier(date, today)),
  ]);
  const timeline = new OrgTimeline(people);
  const { scope, unitId } = await authorize(
    db,
    ctx,
    timeline,
    { level: "person", unitId: query.userId },
    today,
  );
  const userId = unitId as string;
  const roll = (range: DateRange) => rollUp({ facts, timeline, scope, range, today, ...rules });
  const dayRoll = roll({ from: date, to: date });
  const monthRoll = roll(month);
  const seat = timeline.seatOn(userId, date);
  // Callbacks and appointments are lead work: shown to those who work leads (crm.leads).
  const canSeeLeads = ctx.actor.permissions.has("crm.leads");
  if (canSeeLeads) await refreshFollowUps(db, ctx, [userId]);
  const tasks = (due: "today" | "overdue") =>
    canSeeLeads ? queryFollowUps(db, { owners: [userId], today: date, due, page: 1, pageSize: 50 }) : null;
  const [callbacks, overdue] = await Promise.all([tasks("today"), tasks("overdue")]);
  return {
    date,
    today,
    person: {
      userId,
      name: timeline.nameOf(userId),
      position: seat?.position ?? null,
      groupId: timeline.unitOn(userId, date, "group") ?? timeline.unitOn(userId, date, "team"),
    },
    day: tallyView(dayRoll.total),
    week: { ...periodView("week", date, week, today, rules.workingDays), ...tallyView(roll(week).total) },
    month: { ...periodView("month", date, month, today, rules.workingDays), ...tallyView(monthRoll.total) },
    daily: monthRoll.byDay,
    callbacks: {
      counts: canSeeLeads ? await dueCounts(db, [userId], date) : null,
      dueToday: callbacks?.items ?? [],
      overdue: overdue?.items ?? [],
    },
    appointments: {
      today: canSeeLeads ? await appointmentsOn(db, [userId], date) : [],
      tomorrow: canSeeLeads ? await appointmentsOn(db, [userId], addDays(date, 1)) : [],
    },
  };
}

/** The units the actor can open on the board: groups and teams in scope, for the page's selector. */
export async function kpiUnits(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "kpi.read");
  const today = await crmToday(db);
  const [people, visible] = await Promise.all([loadOrgPeople(db), visibleUserIds(db, ctx.actor)]);
  const timeline = new OrgTimeline(people);
  const range = { from: addDays(today, -90), to: today };
  const unitsOf = (kind: UnitKind) =>
    timeline
      .leadersIn(range, kind)
      .filter((id) => canSeeOwner(visible, id))
      .map((id) => ({
        id,
        name: timeline.nameOf(id),
        current: timeline.seatOn(id, today)?.position === (kind === "group" ? "tele-leader" : "team-manager"),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const self = ctx.actor.userId;
  return {
    today,
    groups: unitsOf("group"),
    teams: unitsOf("team"),
    floor: visible === null || ctx.actor.scope === "org",
    own: self
      ? { group: timeline.unitOn(self, today, "group"), team: timeline.unitOn(self, today, "team") }
      : { group: null, team: null },
  };
}
