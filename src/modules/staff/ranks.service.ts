// The quarterly rank review (DOMAIN.md §6): HR runs it for an ended quarter, the domain proposes up
// one / down one per person, and someone other than who ran it confirms each change, which then
// takes effect on the first day of the next quarter.
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import { annualizedPerformance } from "../compensation/domain/annualized.ts";
import { loans } from "../loans/loans.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import {
  isRankKey,
  parseQuarter,
  proposeRankChanges,
  type Quarter,
  RANK_KEYS,
  type RankKey,
  rankOf,
} from "./domain/ranks.ts";
import { ranksOn, seatsOn } from "./org.service.ts";
import { rankProposals, rankReviews, staffMembers } from "./staff.schema.ts";
import { setRank } from "./staff-changes.service.ts";
import { businessToday, loadStaffForUpdate } from "./staff-store.ts";

/**
 * 年化业绩 per officer (user id) of the loans disbursed in the quarter. The database groups identical
 * (principal, term) loans so that each distinct loan shape is annualized once, by the engine's own
 * function, and multiplied by its count.
 */
export async function quarterPerformance(
  db: Queryable,
  quarter: Quarter,
  officerIds: string[],
): Promise<Map<string, Fen>> {
  if (officerIds.length === 0) return new Map();
  const rows = await db
    .select({
      officerId: loans.officerId,
      principal: loans.principal,
      termMonths: loans.termMonths,
      n: sql<number>`count(*)::int`,
    })
    .from(loans)
    .where(
      and(
        isNotNull(loans.officerId),
        inArray(loans.officerId, officerIds),
        gte(loans.startDate, quarter.start),
        lte(loans.startDate, quarter.end),
      ),
    )
    .groupBy(loans.officerId, loans.principal, loans.termMonths);
  const totals = new Map<string, Fen>();
  for (const r of rows) {
    const each = annualizedPerformance({ principal: r.principal as Fen, termMonths: r.termMonths });
    const id = r.officerId as string;
    totals.set(id, ((totals.get(id) ?? 0) + each * r.n) as Fen);
  }
  return totals;
}

/** The review's rules as of the quarter's last day: targets per rank, protection, positions reviewed. */
export async function rulesFor(db: Queryable, quarter: Quarter) {
  const [targetText, protectionMonths, positions] = await Promise.all([
    getSetting(db, "ranks.quarterly-targets", quarter.end),
    getSetting(db, "ranks.protection-months", quarter.end),
    getSetting(db, "ranks.positions", quarter.end),
  ]);
  const targets = Object.fromEntries(
    RANK_KEYS.map((k) => [k, parseAmount((targetText as Record<string, string>)[k] ?? "") ?? 0]),
  ) as Record<RankKey, Fen>;
  return { targets, protectionMonths, positions };
}

export async function runRankReview(db: Db, ctx: RequestContext, input: { quarter: string }) {
  requirePermission(ctx, "staff.manage");
  const quarter = parseQuarter(input.quarter);
  if (!quarter) throw invalid({ quarter: "invalid-quarter" });
  if (quarter.end >= (await businessToday(db))) throw conflict("quarter-not-over", { quarter: quarter.key });
  const id = await db.transaction(async (tx) => {
    const previous = await tx
      .select()
      .from(rankReviews)
      .where(and(eq(rankReviews.quarter, quarter.key), eq(rankReviews.status, "current")))
      .for("update");
    for (const review of previous) {
      const decided = await tx
        .select({ id: rankProposals.id })
        .from(rankProposals)
        .where(
          and(
            eq(rankProposals.reviewId, review.id),
            inArray(rankProposals.status, ["confirmed", "rejected"]),
          ),
        )
        .limit(1);
      if (decided.length) throw conflict("review-has-decisions", { quarter: quarter.key });
      await tx.update(rankReviews).set({ status: "superseded" }).where(eq(rankReviews.id, review.id));
      await tx
        .update(rankProposals)
        .set({ status: "superseded" })
        .where(and(eq(rankProposals.reviewId, review.id), eq(rankProposals.status, "pending")));
    }
    const rules = await rulesFor(tx, quarter);
    const [seats, ranks] = await Promise.all([seatsOn(tx, quarter.end), ranksOn(tx, quarter.end)]);
    const people = seats.filter(
      (s) =>
        rules.positions.includes(s.seat.position) &&
        s.staff.status !== "left" &&
        s.staff.status !== "candidate",
    );
    const performance = await quarterPerformance(
      tx,
      quarter,
      people.flatMap((p) => (p.staff.userId ? [p.staff.userId] : [])),
    );
    const subjects = people.flatMap(({ staff }) => {
      const rank = ranks.get(staff.id) ?? staff.rank;
      if (!rank || !isRankKey(rank)) return [];
      const value = staff.userId ? (performance.get(staff.userId) ?? (0 as Fen)) : (0 as Fen);
      return [{ staffId: staff.id, rank, joinedOn: staff.joinedOn, performance: value }];
    });
    const proposals = proposeRankChanges({ subjects, quarter, rules });
    const [review] = await tx
      .insert(rankReviews)
      .values({
        quarter: quarter.key,
        rules: {
          targets: Object.fromEntries(Object.entries(rules.targets).map(([k, v]) => [k, formatAmount(v)])),
          protectionMonths: rules.protectionMonths,
          positions: rules.positions,
        },
        runBy: ctx.actor.userId,
        runByName: ctx.actor.displayName,
      })
      .returning();
    if (proposals.length)
      await tx.insert(rankProposals).values(
        proposals.map((p) => ({
          reviewId: review.id,
          staffId: p.staffId,
          fromRank: p.fromRank,
          toRank: p.toRank,
          direction: p.direction,
          reason: p.reason,
          performance: p.performance,
          target: p.target,
          isProtected: p.protected,
          protectedUntil: p.protectedUntil,
          effectiveFrom: quarter.nextStart,
          status: p.direction === "stay" ? ("no-change" as const) : ("pending" as const),
        })),
      );
    await recordAudit(tx, ctx, {
      action: "rank-review.run",
      entityType: "rank-review",
      entityId: review.id,
      after: {
        quarter: quarter.key,
        evaluated: proposals.length,
        up: proposals.filter((p) => p.direction === "up").length,
        down: proposals.filter((p) => p.direction === "down").length,
      },
    });
    return review.id;
  });
  return getRankReview(db, ctx, id);
}

export async function listRankReviews(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "staff.read");
  const rows = await db
    .select({
      review: rankReviews,
      pending: sql<number>`count(*) filter (where ${rankProposals.status} = 'pending')::int`,
      evaluated: sql<number>`count(${rankProposals.id})::int`,
    })
    .from(rankReviews)
    .leftJoin(rankProposals, eq(rankProposals.reviewId, rankReviews.id))
    .groupBy(rankReviews.id)
    .orderBy(desc(rankReviews.quarter), desc(rankReviews.runAt));
  return { items: rows.map(({ review, pending, evaluated }) => ({ ...review, pending, evaluated })) };
}

export async function getRankReview(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "staff.read");
  const [review] = await db.select().from(rankReviews).where(eq(rankReviews.id, id));
  if (!review) throw notFound("rank review");
  const rows = await db
    .select({ p: rankProposals, name: staffMembers.name, employeeNo: staffMembers.employeeNo })
    .from(rankProposals)
    .innerJoin(staffMembers, eq(staffMembers.id, rankProposals.staffId))
    .where(eq(rankProposals.reviewId, id))
    .orderBy(asc(staffMembers.employeeNo));
  const name = (k: string) => (isRankKey(k) ? rankOf(k).zh : k);
  return {
    ...review,
    proposals: rows.map(({ p, name: staffName, employeeNo }) => ({
      id: p.id,
      staffId: p.staffId,
      name: staffName,
      employeeNo,
      fromRank: p.fromRank,
      fromRankName: name(p.fromRank),
      toRank: p.toRank,
      toRankName: name(p.toRank),
      direction: p.direction,
      reason: p.reason,
      performance: formatAmount(p.performance),
      target: formatAmount(p.target),
      protected: p.isProtected,
      protectedUntil: p.protectedUntil,
      effectiveFrom: p.effectiveFrom,
      status: p.status,
      decidedByName: p.decidedByName,
      decidedAt: p.decidedAt?.toISOString() ?? null,
      decisionNote: p.decisionNote,
    })),
  };
}

async function loadProposal(tx: Tx, id: string) {
  const [row] = await tx
    .select({ p: rankProposals, review: rankReviews })
    .from(rankProposals)
    .innerJoin(rankReviews, eq(rankReviews.id, rankProposals.reviewId))
    .where(eq(rankProposals.id, id))
    .for("update", { of: rankProposals });
  if (!row) throw notFound("rank proposal");
  return row;
}

/** Confirms (writing the rank history) or rejects one proposal; never by whoever ran the review. */
export async function decideRankProposal(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: "confirm" | "reject"; note?: string | null },
) {
  requirePermission(ctx, "ranks.confirm");
  return db.transaction(async (tx) => {
    const { p, review } = await loadProposal(tx, id);
    if (p.status !== "pending") throw conflict("proposal-decided");
    if (review.runBy !== null && review.runBy === ctx.actor.userId)
      throw new DomainError({ code: "rank-maker-checker", status: 409 });
    const staff = await loadStaffForUpdate(tx, p.staffId);
    if (staff.status === "left") throw conflict("staff-has-left", { name: staff.name });
    if (staff.rank !== p.fromRank) throw conflict("rank-changed-since");
    const status = input.decision === "confirm" ? "confirmed" : "rejected";
    if (status === "confirmed")
      await setRank(tx, ctx, {
        staff,
        rank: p.toRank as RankKey,
        effectiveFrom: p.effectiveFrom,
        reason: "review",
        proposalId: p.id,
        note: input.note ?? `${review.quarter} 季度考核`,
      });
    await tx
      .update(rankProposals)
      .set({
        status,
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.displayName,
        decidedAt: new Date(),
        decisionNote: input.note ?? null,
      })
      .where(eq(rankProposals.id, id));
    await recordAudit(tx, ctx, {
      action: `staff.rank-${status}`,
      entityType: "staff",
      entityId: staff.id,
      before: { rank: p.fromRank },
      after: {
        proposalId: p.id,
        quarter: review.quarter,
        rank: status === "confirmed" ? p.toRank : p.fromRank,
      },
    });
    return { id, status, staffId: staff.id, rank: status === "confirmed" ? p.toRank : p.fromRank };
  });
}
