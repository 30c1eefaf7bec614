// 小组 PK: groups (or teams) compete over a period on one metric or a weighted score. Standings are
// live while the contest runs; once its last day is past, the end-of-day step (or a manager) writes
// the final results and winners, which then never move.
import { and, asc, desc, eq, gte, isNull, lt, lte, type SQL } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { loanGroupsBetween } from "../compensation/loan-performance.ts";
import { type PkMetric, type PkUnitKind, pkContests, pkResults } from "./crm-engagement.schema.ts";
import { OrgTimeline, rollUp } from "./domain/kpi-org.ts";
import { type DateRange, daysOf, earlier, later } from "./domain/kpi-periods.ts";
import { formatScore, type PkFigures, type PkWeights, rankUnits } from "./domain/pk-ranking.ts";
import { crmToday, loadFacts, loadOrgPeople } from "./kpi-data.ts";

type Contest = typeof pkContests.$inferSelect;
export type ContestStatus = "upcoming" | "running" | "finished" | "cancelled";

export function statusOf(contest: Contest, today: string): ContestStatus {
  if (contest.status === "cancelled") return "cancelled";
  if (today < contest.startsOn) return "upcoming";
  return today > contest.endsOn ? "finished" : "running";
}

type Standing = {
  unitId: string;
  unitName: string;
  members: number;
  figures: PkFigures;
};

/** Each participant's figures from the first day to the last (or today, if the contest still runs). */
async function standingsOf(db: Queryable, contest: Contest, today: string) {
  const to = earlier(contest.endsOn, today);
  const range: DateRange = { from: contest.startsOn, to };
  const people = await loadOrgPeople(db);
  const timeline = new OrgTimeline(people);
  const started = to >= contest.startsOn;
  const facts = started ? await loadFacts(db, range) : [];
  const needsLoans =
    started &&
    (contest.metric === "disbursed" ||
      (contest.metric === "weighted" && (contest.weights?.disbursed ?? 0) > 0));
  const disbursed = new Map<string, number>();
  if (needsLoans) {
    // A loan counts for the team its officer sat in on the last day they were in one during the period.
    const days = daysOf(range).reverse();
    for (const group of await loanGroupsBetween(db, range)) {
      if (!group.officerId) continue;
      const officer = group.officerId;
      const unit = days.map((d) => timeline.unitOn(officer, d, contest.unitKind)).find(Boolean);
      if (unit) disbursed.set(unit, (disbursed.get(unit) ?? 0) + group.principal);
    }
  }
  const units: Standing[] = contest.participants.map((leaderId) => {
    const roll = started
      ? rollUp({
          facts,
          timeline,
          scope: { level: contest.unitKind, leaderId },
          range,
          today,
          workingDays: [],
          dailyTargetOf: () => null,
        })
      : null;
    const f = roll?.total.figures;
    return {
      unitId: leaderId,
      unitName: timeline.nameOf(leaderId),
      members: roll?.members.length ?? 0,
      figures: {
        calls: f?.calls ?? 0,
        effective: f?.effective ?? 0,
        intent: f?.intent ?? 0,
        appointments: f?.appointments ?? 0,
        disbursed: disbursed.get(leaderId) ?? 0,
      },
    };
  });
  return { asOf: started ? to : null, ranked: rankUnits(units, contest.metric, contest.weights ?? null) };
}

const figuresView = (f: PkFigures) => ({ ...f, disbursed: formatAmount(f.disbursed) });

async function participantsView(db: Queryable, contest: Contest) {
  const timeline = new OrgTimeline(await loadOrgPeople(db));
  return contest.participants.map((id) => ({ id, name: timeline.nameOf(id) }));
}

function contestView(contest: Contest, today: string) {
  return {
    id: contest.id,
    name: contest.name,
    unitKind: contest.unitKind,
    metric: contest.metric,
    weights: contest.weights,
    startsOn: contest.startsOn,
    endsOn: contest.endsOn,
    reward: contest.reward,
    status: statusOf(contest, today),
    finalizedAt: contest.finalizedAt,
    createdByName: contest.createdByName,
    createdAt: contest.createdAt,
  };
}

async function loadContest(db: Queryable, id: string): Promise<Contest> {
  const [contest] = await db.select().from(pkContests).where(eq(pkContests.id, id));
  if (!contest) throw notFound("PK");
  return contest;
}

export async function listContests(db: Queryable, ctx: RequestContext, query: { status?: ContestStatus }) {
  requirePermission(ctx, "kpi.read");
  const today = await crmToday(db);
  const conditions: SQL[] = [];
  if (query.status === "running")
    conditions.push(lte(pkContests.startsOn, today), gte(pkContests.endsOn, today));
  const rows = await db
    .select()
    .from(pkContests)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(pkContests.endsOn), asc(pkContests.name))
    .limit(500);
  const results = await db
    .select()
    .from(pkResults)
    .where(eq(pkResults.winner, true))
    .orderBy(asc(pkResults.unitName));
  const timeline = new OrgTimeline(await loadOrgPeople(db));
  return {
    today,
    items: rows
      .map((c) => ({
        ...contestView(c, today),
        participants: c.participants.map((id) => ({ id, name: timeline.nameOf(id) })),
        winners: results.filter((r) => r.contestId === c.id).map((r) => ({ id: r.unitId, name: r.unitName })),
      }))
      .filter((c) => !query.status || c.status === query.status),
  };
}

/** The leaderboard: final results once written, else live standings (provisional after the end). */
export async function contestBoard(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "kpi.read");
  const today = await crmToday(db);
  const contest = await loadContest(db, id);
  const view = { ...contestView(contest, today), participants: await participantsView(db, contest) };
  if (contest.finalizedAt) {
    const rows = await db
      .select()
      .from(pkResults)
      .where(eq(pkResults.contestId, id))
      .orderBy(asc(pkResults.rank), asc(pkResults.unitName));
    return {
      contest: view,
      asOf: contest.endsOn,
      provisional: false,
      standings: rows.map((r) => {
        const stored = r.figures as PkFigures & { members?: number };
        return {
          rank: r.rank,
          unitId: r.unitId,
          unitName: r.unitName,
          members: stored.members ?? 0,
          figures: figuresView(stored),
          score: r.score,
          winner: r.winner,
        };
      }),
    };
  }
  const { asOf, ranked } = await standingsOf(db, contest, today);
  return {
    contest: view,
    asOf,
    provisional: view.status === "finished",
    standings: ranked.map((u) => ({
      rank: u.rank,
      unitId: u.unitId,
      unitName: u.unitName,
      members: u.members,
      figures: figuresView(u.figures),
      score: formatScore(u.scaled),
      winner: view.status === "finished" && u.winner,
    })),
  };
}

export async function createContest(
  db: Db,
  ctx: RequestContext,
  input: {
    name: string;
    unitKind: PkUnitKind;
    metric: PkMetric;
    weights?: PkWeights | null;
    participants?: string[] | null;
    startsOn: string;
    endsOn: string;
    reward?: string | null;
  },
) {
  requirePermission(ctx, "crm.manage");
  if (input.endsOn < input.startsOn) throw invalid({ endsOn: "invalid-value" });
  const weights = input.metric === "weighted" ? (input.weights ?? {}) : null;
  if (weights && !Object.values(weights).some((w) => (w ?? 0) > 0)) throw invalid({ weights: "required" });
  const today = await crmToday(db);
  const timeline = new OrgTimeline(await loadOrgPeople(db));
  const range = { from: input.startsOn, to: later(input.endsOn, today) };
  const leaders = new Set(timeline.leadersIn(range, input.unitKind));
  const participants = [...new Set(input.participants?.length ? input.participants : leaders)];
  if (participants.some((id) => !leaders.has(id))) throw invalid({ participants: "invalid-value" });
  if (participants.length < 2)
    throw new DomainError({ code: "pk-too-few", fields: { participants: "pk-too-few" } });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pkContests)
      .values({
        name: input.name,
        unitKind: input.unitKind,
        metric: input.metric,
        weights,
        participants,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        reward: input.reward ?? null,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "crm.pk-created",
      entityType: "crm-pk",
      entityId: row.id,
      after: {
        name: row.name,
        unitKind: row.unitKind,
        metric: row.metric,
        weights,
        participants,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      },
    });
    return contestView(row, today);
  });
}

export async function cancelContest(db: Db, ctx: RequestContext, id: string) {
  requirePermission(ctx, "crm.manage");
  const today = await crmToday(db);
  return db.transaction(async (tx) => {
    const [contest] = await tx.select().from(pkContests).where(eq(pkContests.id, id)).for("update");
    if (!contest) throw notFound("PK");
    if (contest.finalizedAt || contest.status === "cancelled") throw conflict("pk-closed");
    const [row] = await tx
      .update(pkContests)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(eq(pkContests.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "crm.pk-cancelled",
      entityType: "crm-pk",
      entityId: id,
      before: { status: contest.status },
      after: { status: row.status },
    });
    return contestView(row, today);
  });
}

/** Writes the final standings of a contest whose last day is past; once only. */
export async function finalizeContest(db: Db, ctx: RequestContext, id: string) {
  requirePermission(ctx, "crm.manage");
  const today = await crmToday(db);
  await db.transaction(async (tx) => {
    const [contest] = await tx.select().from(pkContests).where(eq(pkContests.id, id)).for("update");
    if (!contest) throw notFound("PK");
    if (contest.finalizedAt || contest.status === "cancelled") throw conflict("pk-closed");
    if (contest.endsOn >= today) throw conflict("pk-not-ended", { date: contest.endsOn });
    await writeResults(tx, ctx, contest, today);
  });
  return contestBoard(db, ctx, id);
}

async function writeResults(tx: Tx, ctx: RequestContext, contest: Contest, today: string) {
  const { ranked } = await standingsOf(tx, contest, today);
  if (ranked.length)
    await tx.insert(pkResults).values(
      ranked.map((u) => ({
        contestId: contest.id,
        unitId: u.unitId,
        unitName: u.unitName,
        rank: u.rank,
        score: formatScore(u.scaled),
        figures: { ...u.figures, members: u.members },
        winner: u.winner,
      })),
    );
  await tx
    .update(pkContests)
    .set({ finalizedAt: new Date(), updatedAt: new Date() })
    .where(eq(pkContests.id, contest.id));
  await recordAudit(tx, ctx, {
    action: "crm.pk-finalized",
    entityType: "crm-pk",
    entityId: contest.id,
    after: { winners: ranked.filter((u) => u.winner).map((u) => u.unitName), units: ranked.length },
  });
}

/** The end-of-day step: every ended, unfinished contest gets its results. */
export async function finalizeEndedContests(db: Db, ctx: RequestContext, today: string): Promise<number> {
  const due = await db
    .select({ id: pkContests.id })
    .from(pkContests)
    .where(
      and(eq(pkContests.status, "active"), isNull(pkContests.finalizedAt), lt(pkContests.endsOn, today)),
    );
  let done = 0;
  for (const { id } of due)
    await db.transaction(async (tx) => {
      const [contest] = await tx.select().from(pkContests).where(eq(pkContests.id, id)).for("update");
      if (!contest || contest.finalizedAt || contest.endsOn >= today) return;
      await writeResults(tx, ctx, contest, today);
      done += 1;
    });
  return done;
}
