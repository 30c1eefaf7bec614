// Step 6a 决策: the committee votes. Each member votes once; the outcome follows the configured
// rule (default unanimous of gm + risk + finance) and is applied by the vote that decides it.
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { getSetting } from "../settings/settings.service.ts";
import { assertTransition, loadApplication, moveApplication } from "./application-store.ts";
import { type CommitteeRule, committeeOutcome } from "./domain/committee.ts";
import { applicationEvents, committeeVotes } from "./origination.schema.ts";

export async function votesOf(db: Queryable, applicationId: string) {
  const rows = await db.select().from(committeeVotes).where(eq(committeeVotes.applicationId, applicationId));
  return rows.map((v) => ({ ...v, at: v.at.toISOString() })).sort((a, b) => a.at.localeCompare(b.at));
}

export async function castVote(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: "approve" | "reject"; comment?: string | null; conditions?: string | null },
) {
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "vote");
    const memberRoles = (await getSetting(tx, "origination.committee-roles", today)) as string[];
    const rule = (await getSetting(tx, "origination.committee-rule", today)) as CommitteeRule;
    const seat = memberRoles.find((r) => ctx.actor.roles.includes(r));
    if (!seat) throw new DomainError({ code: "not-committee-member", status: 403 });
    if (input.decision === "reject" && !input.comment?.trim())
      throw new DomainError({ code: "validation-failed", status: 400, fields: { comment: "required" } });
    const existing = await votesOf(tx, id);
    if (existing.some((v) => v.voterId === ctx.actor.userId))
      throw new DomainError({ code: "already-voted", status: 409 });
    // One seat, one vote: a second person holding the same committee role cannot vote for it again.
    if (existing.some((v) => v.voterRole === seat))
      throw new DomainError({ code: "seat-already-voted", status: 409, params: { role: seat } });
    await tx.insert(committeeVotes).values({
      applicationId: id,
      voterId: ctx.actor.userId as string,
      voterName: ctx.actor.displayName,
      voterRole: seat,
      decision: input.decision,
      comment: input.comment ?? null,
      conditions: input.conditions ?? null,
    });
    const votes = [...existing.map((v) => v.decision), input.decision];
    const outcome = committeeOutcome({ votes, members: memberRoles.length, rule });
    if (outcome === "pending") {
      // A vote that decides nothing yet still belongs on the timeline: who voted, how, when.
      await tx.insert(applicationEvents).values({
        applicationId: id,
        action: "vote",
        fromStatus: app.status,
        toStatus: app.status,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        comment: `${input.decision === "approve" ? "同意" : "反对"}${input.comment ? `:${input.comment}` : ""}`,
      });
      await recordAudit(tx, ctx, {
        action: "application.vote",
        entityType: "application",
        entityId: id,
        after: { decision: input.decision, seat, comment: input.comment ?? null },
      });
      return { id, status: "pending-committee" as const, outcome, votes: votes.length };
    }
    const plan = app.riskPlan as {
      amount: string;
      annualRate: string;
      termMonths: number;
      method: string;
      guarantee: string;
    } | null;
    const decision = {
      outcome,
      rule,
      votes: votes.length,
      approvedAmount: outcome === "approved" ? plan?.amount : null,
      approvedRate: outcome === "approved" ? plan?.annualRate : null,
      conditions: [...existing.map((v) => v.conditions), input.conditions].filter(Boolean),
      decidedAt: new Date().toISOString(),
    };
    await moveApplication(tx, ctx, {
      app,
      action: "vote",
      to: outcome,
      patch: { decision, ...(outcome === "rejected" ? { rejectReason: "committee-rejected" } : {}) },
      comment: input.comment ?? null,
      auditAfter: { decision: input.decision, seat, outcome },
    });
    return { id, status: outcome, outcome, votes: votes.length };
  });
}
