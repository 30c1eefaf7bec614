// Post-loan follow-up the daily batch feeds: the reminder outbox and the reminder templates (editable;
// the batch renders them when it queues a message). The task queue itself is in queue.service.ts.
import { asc, count, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { notificationsOutbox, notificationTemplates } from "./collections.schema.ts";

export async function listOutbox(
  db: Queryable,
  ctx: RequestContext,
  query: { status?: "pending" | "sent" | "failed"; page: number; pageSize: number },
) {
  requirePermission(ctx, "collections.work");
  const where = query.status ? eq(notificationsOutbox.status, query.status) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(notificationsOutbox).where(where);
  const rows = await db
    .select()
    .from(notificationsOutbox)
    .where(where)
    .orderBy(desc(notificationsOutbox.businessDate), asc(notificationsOutbox.dueDate))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total,
    items: rows.map((m) => ({
      id: m.id,
      loanId: m.loanId,
      templateCode: m.templateCode,
      channel: m.channel,
      customerId: m.customerId,
      period: m.period,
      dueDate: m.dueDate,
      amount: formatAmount(m.amount),
      body: m.body,
      businessDate: m.businessDate,
      status: m.status,
    })),
  };
}

export async function listTemplates(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "collections.work");
  const rows = await db.select().from(notificationTemplates).orderBy(asc(notificationTemplates.code));
  return {
    items: rows.map((t) => ({
      code: t.code,
      channel: t.channel,
      locale: t.locale,
      body: t.body,
      updatedAt: t.updatedAt.toISOString(),
    })),
  };
}

export async function updateTemplate(db: Db, ctx: RequestContext, code: string, input: { body: string }) {
  requirePermission(ctx, "collections.work");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(notificationTemplates)
      .where(eq(notificationTemplates.code, code))
      .for("update");
    if (!before) throw notFound("template");
    await tx
      .update(notificationTemplates)
      .set({ body: input.body, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(eq(notificationTemplates.code, code));
    await recordAudit(tx, ctx, {
      action: "template.updated",
      entityType: "notification-template",
      entityId: code,
      before: { body: before.body },
      after: { body: input.body },
    });
    return { code, channel: before.channel, locale: before.locale, body: input.body };
  });
}
