// Writing a lead's timeline. Every change to a lead adds a row here in the same transaction; the
// "intent" row is written only the first time a lead becomes an intent customer (the KPI counts it).
import { and, eq } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { type LeadEventKind, leadEvents } from "./crm.schema.ts";

export type LeadEventInput = {
  leadId: string;
  kind: LeadEventKind;
  fromValue?: string | null;
  toValue?: string | null;
  /** Who the event counts for: the lead's owner at the time. */
  ownerId: string | null;
  note?: string | null;
  at?: Date;
};

export async function addLeadEvents(tx: Tx, ctx: RequestContext, events: LeadEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(leadEvents).values(
    events.map((e) => ({
      leadId: e.leadId,
      kind: e.kind,
      fromValue: e.fromValue ?? null,
      toValue: e.toValue ?? null,
      ownerId: e.ownerId,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      note: e.note ?? null,
      ...(e.at ? { at: e.at } : {}),
    })),
  );
}

export async function hasIntentEvent(db: Queryable, leadId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: leadEvents.id })
    .from(leadEvents)
    .where(and(eq(leadEvents.leadId, leadId), eq(leadEvents.kind, "intent")))
    .limit(1);
  return Boolean(row);
}
