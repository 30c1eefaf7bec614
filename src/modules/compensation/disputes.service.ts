// A person questions a line of their own statement; HR answers it (resolved or rejected). Approval
// waits until every dispute on the run is answered; a dispute never changes a statement by itself —
// a fix is a recompute, which makes a new version.
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, invalid, notFound } from "../../platform/errors.ts";
import { payrollDisputes, payrollLines } from "./compensation.schema.ts";
import { disputeView, myStatement } from "./payroll-read.service.ts";

export async function raiseDispute(
  db: Db,
  ctx: RequestContext,
  statementId: string,
  input: { lineId: string; comment: string },
) {
  requirePermission(ctx, "payroll.own");
  // Only one's own statement, of a run HR has reviewed (myStatement applies both).
  const statement = await myStatement(db, ctx, statementId, "zh-CN");
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(payrollLines)
      .where(and(eq(payrollLines.id, input.lineId), eq(payrollLines.statementId, statementId)));
    if (!line) throw invalid({ lineId: "invalid-value" });
    const [row] = await tx
      .insert(payrollDisputes)
      .values({
        runId: statement.runId,
        statementId,
        lineId: line.id,
        raisedBy: ctx.actor.userId as string,
        raisedByName: ctx.actor.displayName,
        comment: input.comment,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "payroll.dispute-raised",
      entityType: "payroll-run",
      entityId: statement.runId,
      after: { disputeId: row.id, statementId, line: line.code, comment: input.comment },
    });
    return disputeView(row);
  });
}

export async function answerDispute(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: "resolve" | "reject"; answer: string },
) {
  requirePermission(ctx, "payroll.prepare");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(payrollDisputes).where(eq(payrollDisputes.id, id)).for("update");
    if (!row) throw notFound("dispute");
    if (row.status !== "open") throw conflict("dispute-answered");
    const status = input.decision === "resolve" ? ("resolved" as const) : ("rejected" as const);
    const [after] = await tx
      .update(payrollDisputes)
      .set({
        status,
        answer: input.answer,
        answeredBy: ctx.actor.userId,
        answeredByName: ctx.actor.displayName,
        answeredAt: new Date(),
      })
      .where(eq(payrollDisputes.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: `payroll.dispute-${status}`,
      entityType: "payroll-run",
      entityId: row.runId,
      after: { disputeId: id, answer: input.answer },
    });
    return disputeView(after);
  });
}

export async function listDisputes(db: Queryable, ctx: RequestContext, runId: string) {
  requirePermission(ctx, "payroll.read");
  const rows = await db.select().from(payrollDisputes).where(eq(payrollDisputes.runId, runId));
  return { items: rows.map(disputeView) };
}
