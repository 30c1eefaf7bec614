// The marketing plan (DOMAIN.md §6): each team's monthly target of disbursed principal — the ramp
// setting counted from the team's first month, or an edited plan row — against what its customer
// managers actually disbursed (the loans read through compensation's per-officer loan query).
import { and, eq, gte, lte } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError, forbidden, invalid } from "../../platform/errors.ts";
import { type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import { loanGroupsBetween } from "../compensation/loan-performance.ts";
import { getSetting } from "../settings/settings.service.ts";
import { teamTargets } from "./crm-engagement.schema.ts";
import type { TargetRamp } from "./crm-engagement.settings.ts";
import { OrgTimeline } from "./domain/kpi-org.ts";
import { addMonthsToMonth, daysOf, later, monthOf, monthRange, monthsBetween } from "./domain/kpi-periods.ts";
import { crmToday, loadOrgPeople } from "./kpi-data.ts";

const MAX_MONTHS = 24;

/** The ramp's target for a team's n-th month (1-based); null before the team existed. */
export function rampTarget(ramp: TargetRamp, monthNo: number): Fen | null {
  if (monthNo < 1) return null;
  return parseAmount(ramp.ramp[monthNo - 1] ?? ramp.mature);
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

/** Disbursed principal and loan count per team leader, for one month. */
async function actualsOf(db: Queryable, timeline: OrgTimeline, month: string) {
  const range = monthRange(month);
  const days = daysOf(range).reverse();
  const byTeam = new Map<string, { principal: number; loans: number }>();
  for (const group of await loanGroupsBetween(db, range)) {
    const officer = group.officerId;
    if (!officer) continue;
    // Credited to the team the officer sat in at month end (or on their last day in one that month).
    const team = days.map((d) => timeline.unitOn(officer, d, "team")).find(Boolean);
    if (!team) continue;
    const entry = byTeam.get(team) ?? { principal: 0, loans: 0 };
    entry.principal += group.principal;
    entry.loans += group.loanCount;
    byTeam.set(team, entry);
  }
  return byTeam;
}

export async function listTargets(db: Queryable, ctx: RequestContext, query: { from?: string; to?: string }) {
  requirePermission(ctx, "kpi.read");
  const today = await crmToday(db);
  const to = query.to ?? monthOf(today);
  const from = query.from ?? addMonthsToMonth(to, -3);
  if (from > to) throw invalid({ from: "invalid-value" });
  if (monthsBetween(from, to) >= MAX_MONTHS) throw invalid({ from: "range-too-long" });
  const months = monthsOf(from, to);
  const [people, visible, rows] = await Promise.all([
    loadOrgPeople(db),
    visibleUserIds(db, ctx.actor),
    db
      .select()
      .from(teamTargets)
      .where(and(gte(teamTargets.month, from), lte(teamTargets.month, to))),
  ]);
  const timeline = new OrgTimeline(people);
  const teams = timeline
    .leadersIn({ from: monthRange(from).from, to: monthRange(to).to }, "team")
    .filter((id) => canSeeOwner(visible, id))
    .sort((a, b) => timeline.nameOf(a).localeCompare(timeline.nameOf(b), "zh-CN"));
  const actuals = new Map<string, Map<string, { principal: number; loans: number }>>();
  for (const month of months) actuals.set(month, await actualsOf(db, timeline, month));
  const rampFor = new Map<string, TargetRamp>();
  for (const month of months)
    rampFor.set(month, await getSetting(db, "crm.team-target-ramp", monthRange(month).from));

  const totals = months.map((month) => ({ month, plan: 0, actual: 0, loans: 0 }));
  const teamRows = teams.map((teamId) => {
    const first = timeline.firstLeaderDay(teamId, "team");
    const firstMonth = first ? monthOf(first) : null;
    const cells = months.map((month, i) => {
      const row = rows.find((r) => r.teamUserId === teamId && r.month === month);
      const ramp = firstMonth
        ? rampTarget(rampFor.get(month) as TargetRamp, monthsBetween(firstMonth, month) + 1)
        : null;
      const plan = row ? row.targetFen : ramp;
      const actual = actuals.get(month)?.get(teamId) ?? { principal: 0, loans: 0 };
      totals[i].plan += plan ?? 0;
      totals[i].actual += actual.principal;
      totals[i].loans += actual.loans;
      return {
        month,
        plan: plan === null ? null : formatAmount(plan),
        planSource: row ? ("plan" as const) : ramp === null ? null : ("ramp" as const),
        note: row?.note ?? null,
        actual: formatAmount(actual.principal),
        loans: actual.loans,
        attainment: plan ? Math.floor((actual.principal * 100) / plan) : null,
      };
    });
    return { teamId, name: timeline.nameOf(teamId), firstMonth, months: cells };
  });
  return {
    today,
    months,
    teams: teamRows,
    totals: totals.map((t) => ({
      month: t.month,
      plan: formatAmount(t.plan),
      actual: formatAmount(t.actual),
      loans: t.loans,
      attainment: t.plan ? Math.floor((t.actual * 100) / t.plan) : null,
    })),
    canEdit: ctx.actor.permissions.has("crm.manage"),
  };
}

/** Sets a team's plan for a month; nobody sets their own team's target. */
export async function setTarget(
  db: Db,
  ctx: RequestContext,
  input: { teamId: string; month: string; target: string; note?: string | null },
) {
  requirePermission(ctx, "crm.manage");
  if (input.teamId === ctx.actor.userId) throw new DomainError({ code: "own-target", status: 403 });
  const targetFen = parseAmount(input.target);
  if (targetFen === null || targetFen <= 0) throw invalid({ target: "invalid-amount" });
  const visible = await visibleUserIds(db, ctx.actor);
  if (!canSeeOwner(visible, input.teamId)) throw forbidden();
  const timeline = new OrgTimeline(await loadOrgPeople(db));
  const range = monthRange(input.month);
  const today = await crmToday(db);
  const leaders = timeline.leadersIn({ from: range.from, to: later(range.to, today) }, "team");
  if (!leaders.includes(input.teamId)) throw invalid({ teamId: "invalid-value" });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(teamTargets)
      .where(and(eq(teamTargets.teamUserId, input.teamId), eq(teamTargets.month, input.month)))
      .for("update");
    const values = {
      targetFen,
      note: input.note ?? null,
      updatedBy: ctx.actor.userId,
      updatedByName: ctx.actor.displayName,
      updatedAt: new Date(),
    };
    await tx
      .insert(teamTargets)
      .values({ teamUserId: input.teamId, month: input.month, ...values })
      .onConflictDoUpdate({ target: [teamTargets.teamUserId, teamTargets.month], set: values });
    await recordAudit(tx, ctx, {
      action: "crm.team-target-set",
      entityType: "crm-team-target",
      entityId: `${input.teamId}:${input.month}`,
      before: before ? { target: formatAmount(before.targetFen), note: before.note } : null,
      after: { target: formatAmount(targetFen), note: values.note },
    });
    return { teamId: input.teamId, month: input.month, target: formatAmount(targetFen), note: values.note };
  });
}
