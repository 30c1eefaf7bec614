// 客户反馈与投诉: recorded with a category whose SLA (hours, a setting) sets the due time, worked by an
// owner, resolved with an outcome and closed. Overdue = still open past the due time; a case
// resolved after it is "late". Statuses move only along FEEDBACK_NEXT.
import { and, desc, eq, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import { leads } from "./crm.schema.ts";
import { type FeedbackKind, type FeedbackStatus, feedback } from "./crm-engagement.schema.ts";
import { chinaDayOf } from "./domain/kpi-periods.ts";
import { rowsOf } from "./kpi-data.ts";

export const FEEDBACK_CHANNELS = [
  "phone",
  "wechat",
  "walk-in",
  "online",
  "letter",
  "regulator",
  "other",
] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const FEEDBACK_NEXT: Record<FeedbackStatus, FeedbackStatus[]> = {
  open: ["in-progress", "resolved"],
  "in-progress": ["resolved"],
  resolved: ["closed", "in-progress"],
  closed: [],
};

const HOUR_MS = 3_600_000;
const OPEN: FeedbackStatus[] = ["open", "in-progress"];

type Row = typeof feedback.$inferSelect & { ownerName: string | null; leadName: string | null };

function toView(row: Row, now: Date) {
  const open = OPEN.includes(row.status);
  return {
    ...row,
    overdue: open && row.dueAt.getTime() < now.getTime(),
    late: !open && row.resolvedAt !== null && row.resolvedAt.getTime() > row.dueAt.getTime(),
    hoursLeft: open ? Math.floor((row.dueAt.getTime() - now.getTime()) / HOUR_MS) : null,
  };
}

function selectFeedback(db: Queryable) {
  return db
    .select({ row: feedback, ownerName: users.displayName, leadName: leads.name })
    .from(feedback)
    .leftJoin(users, eq(users.id, feedback.ownerId))
    .leftJoin(leads, eq(leads.id, feedback.leadId));
}

export async function listFeedback(
  db: Queryable,
  ctx: RequestContext,
  query: {
    status?: FeedbackStatus;
    kind?: FeedbackKind;
    category?: string;
    overdue?: boolean;
    search?: string;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(ctx, "service.feedback");
  const now = new Date();
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(feedback.status, query.status));
  if (query.kind) conditions.push(eq(feedback.kind, query.kind));
  if (query.category) conditions.push(eq(feedback.category, query.category));
  if (query.overdue) conditions.push(inArray(feedback.status, OPEN), lt(feedback.dueAt, now));
  if (query.search) {
    const needle = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(feedback.refNo, needle),
        ilike(feedback.contactName, needle),
        ilike(feedback.subject, needle),
      ) as SQL,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [{ n }], summary] = await Promise.all([
    selectFeedback(db)
      .where(where)
      .orderBy(desc(feedback.receivedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(feedback).where(where),
    db.execute(sql`
      select count(*) filter (where status in ('open', 'in-progress'))::int as open,
        count(*) filter (where status in ('open', 'in-progress') and due_at < ${now})::int as overdue,
        count(*) filter (where status = 'resolved')::int as resolved,
        count(*) filter (where kind = 'complaint' and status in ('open', 'in-progress'))::int as complaints
      from crm_feedback`),
  ]);
  return {
    total: Number(n),
    summary: rowsOf<{ open: number; overdue: number; resolved: number; complaints: number }>(summary)[0],
    items: rows.map((r) => toView({ ...r.row, ownerName: r.ownerName, leadName: r.leadName }, now)),
  };
}

export async function getFeedback(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "service.feedback");
  const [r] = await selectFeedback(db).where(eq(feedback.id, id));
  if (!r) throw notFound("feedback");
  return toView({ ...r.row, ownerName: r.ownerName, leadName: r.leadName }, new Date());
}

async function assertOwner(db: Queryable, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [user] = await db.select({ status: users.status }).from(users).where(eq(users.id, ownerId));
  if (user?.status !== "active") throw invalid({ ownerId: "invalid-value" });
}

export async function createFeedback(
  db: Db,
  ctx: RequestContext,
  input: {
    kind: FeedbackKind;
    category: string;
    channel: FeedbackChannel;
    leadId?: string | null;
    customerId?: string | null;
    contactName: string;
    subject: string;
    detail?: string | null;
    receivedAt?: string | null;
    ownerId?: string | null;
  },
) {
  requirePermission(ctx, "service.feedback");
  const now = new Date();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + 60_000)
    throw new DomainError({ code: "received-in-future", fields: { receivedAt: "received-in-future" } });
  const slaTable = await getSetting(db, "crm.feedback-sla-hours", chinaDayOf(receivedAt));
  const slaHours = slaTable[input.category];
  if (!slaHours) throw invalid({ category: "invalid-value" });
  await assertOwner(db, input.ownerId);
  if (input.leadId) {
    const [lead] = await db.select({ id: leads.id }).from(leads).where(eq(leads.id, input.leadId));
    if (!lead) throw invalid({ leadId: "invalid-value" });
  }
  return db.transaction(async (tx) => {
    // Reference numbers run per day (FB20261128-003); the lock keeps two intakes from taking one.
    await tx.execute(sql`select pg_advisory_xact_lock(73550201)`);
    const day = chinaDayOf(receivedAt).replaceAll("-", "");
    const [{ n }] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from crm_feedback where ref_no like ${`FB${day}-%`}`),
    );
    const [row] = await tx
      .insert(feedback)
      .values({
        refNo: `FB${day}-${String(n + 1).padStart(3, "0")}`,
        kind: input.kind,
        category: input.category,
        channel: input.channel,
        leadId: input.leadId ?? null,
        customerId: input.customerId ?? null,
        contactName: input.contactName,
        subject: input.subject,
        detail: input.detail ?? null,
        receivedAt,
        slaHours,
        dueAt: new Date(receivedAt.getTime() + slaHours * HOUR_MS),
        ownerId: input.ownerId ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "crm.feedback-created",
      entityType: "crm-feedback",
      entityId: row.id,
      after: { refNo: row.refNo, kind: row.kind, category: row.category, dueAt: row.dueAt },
    });
    return toView({ ...row, ownerName: null, leadName: null }, now);
  });
}

/** One step along FEEDBACK_NEXT; resolving needs the outcome, starting takes the case if unowned. */
export async function moveFeedback(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: Exclude<FeedbackStatus, "open">; outcome?: string | null },
) {
  requirePermission(ctx, "service.feedback");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(feedback).where(eq(feedback.id, id)).for("update");
    if (!row) throw notFound("feedback");
    if (!FEEDBACK_NEXT[row.status].includes(input.status))
      throw conflict("feedback-transition", { from: row.status, to: input.status });
    const outcome = input.outcome?.trim() || row.outcome;
    if (input.status === "resolved" && !outcome) throw invalid({ outcome: "required" });
    const now = new Date();
    const [updated] = await tx
      .update(feedback)
      .set({
        status: input.status,
        outcome,
        ownerId: row.ownerId ?? ctx.actor.userId,
        resolvedAt:
          input.status === "resolved" ? now : input.status === "in-progress" ? null : row.resolvedAt,
        closedAt: input.status === "closed" ? now : null,
        updatedAt: now,
      })
      .where(eq(feedback.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: `crm.feedback-${input.status}`,
      entityType: "crm-feedback",
      entityId: id,
      before: { status: row.status, outcome: row.outcome },
      after: { status: updated.status, outcome: updated.outcome },
    });
    return getFeedback(tx, ctx, id);
  });
}

export async function assignFeedback(db: Db, ctx: RequestContext, id: string, input: { ownerId: string }) {
  requirePermission(ctx, "service.feedback");
  await assertOwner(db, input.ownerId);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(feedback).where(eq(feedback.id, id)).for("update");
    if (!row) throw notFound("feedback");
    if (row.status === "closed") throw conflict("feedback-transition", { from: row.status, to: row.status });
    await tx
      .update(feedback)
      .set({ ownerId: input.ownerId, updatedAt: new Date() })
      .where(eq(feedback.id, id));
    await recordAudit(tx, ctx, {
      action: "crm.feedback-assigned",
      entityType: "crm-feedback",
      entityId: id,
      before: { ownerId: row.ownerId },
      after: { ownerId: input.ownerId },
    });
    return getFeedback(tx, ctx, id);
  });
}
