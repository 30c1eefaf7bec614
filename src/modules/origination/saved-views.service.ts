// Saved (and shared) filter views for list pages: a person keeps "my overdue committee cases" one click away.
import { and, asc, eq, or } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { savedViews } from "./origination.schema.ts";

export async function listSavedViews(db: Db, ctx: RequestContext, page: string) {
  const rows = await db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.page, page),
        or(eq(savedViews.ownerId, ctx.actor.userId as string), eq(savedViews.shared, 1)),
      ),
    )
    .orderBy(asc(savedViews.name));
  return rows.map((r) => ({
    id: r.id,
    page: r.page,
    name: r.name,
    filters: r.filters,
    shared: r.shared === 1,
    mine: r.ownerId === ctx.actor.userId,
  }));
}

export async function saveView(
  db: Db,
  ctx: RequestContext,
  input: { page: string; name: string; filters: Record<string, unknown>; shared: boolean },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedViews)
      .values({
        ownerId: ctx.actor.userId as string,
        page: input.page,
        name: input.name,
        filters: input.filters,
        shared: input.shared ? 1 : 0,
      })
      .returning({ id: savedViews.id });
    await recordAudit(tx, ctx, {
      action: "saved-view.created",
      entityType: "saved-view",
      entityId: String(row.id),
      after: input,
    });
    return { id: row.id };
  });
}

export async function deleteView(db: Db, ctx: RequestContext, id: number) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(savedViews)
      .where(and(eq(savedViews.id, id), eq(savedViews.ownerId, ctx.actor.userId as string)));
    if (!row) throw notFound("view");
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    await recordAudit(tx, ctx, {
      action: "saved-view.deleted",
      entityType: "saved-view",
      entityId: String(id),
      before: row,
    });
  });
}
