// A loan's collection file as the task page and the loan page show it: contacts, consents, every
// attempt, promises and the task history, newest first, with people's names resolved.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { users } from "../identity/identity.schema.ts";
import { collectionTasks } from "./collections.schema.ts";
import {
  collectionActions,
  collectionConsents,
  collectionContacts,
  collectionPromises,
  collectionTaskEvents,
} from "./collections-work.schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function namesOf(db: Queryable, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  // Event details hold people (assigned from/to) but also queues and priorities under the same keys.
  const unique = [...new Set(ids.filter((id): id is string => typeof id === "string" && UUID.test(id)))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Everything collected on one loan, optionally narrowed to one task's attempts, promises and history. */
export async function collectionFile(db: Queryable, loanId: string, taskId?: string) {
  const byTask = (column: PgColumn) => (taskId ? eq(column, taskId) : undefined);
  const [tasks, contacts, consents, actions, promises, events] = await Promise.all([
    db
      .select()
      .from(collectionTasks)
      .where(eq(collectionTasks.loanId, loanId))
      .orderBy(desc(collectionTasks.openedOn)),
    db
      .select()
      .from(collectionContacts)
      .where(eq(collectionContacts.loanId, loanId))
      .orderBy(collectionContacts.createdAt),
    db
      .select()
      .from(collectionConsents)
      .where(eq(collectionConsents.loanId, loanId))
      .orderBy(desc(collectionConsents.recordedAt)),
    db
      .select()
      .from(collectionActions)
      .where(and(eq(collectionActions.loanId, loanId), byTask(collectionActions.taskId)))
      .orderBy(desc(collectionActions.occurredAt), desc(collectionActions.createdAt)),
    db
      .select()
      .from(collectionPromises)
      .where(and(eq(collectionPromises.loanId, loanId), byTask(collectionPromises.taskId)))
      .orderBy(desc(collectionPromises.createdAt)),
    db
      .select()
      .from(collectionTaskEvents)
      .where(and(eq(collectionTaskEvents.loanId, loanId), byTask(collectionTaskEvents.taskId)))
      .orderBy(desc(collectionTaskEvents.at)),
  ]);
  const names = await namesOf(db, [
    ...tasks.map((t) => t.assignedTo),
    ...actions.map((a) => a.actorId),
    ...promises.map((p) => p.createdBy),
    ...consents.flatMap((c) => [c.recordedBy, c.revokedBy]),
    ...events.flatMap((e) => [
      e.actorId,
      e.detail.to as string,
      e.detail.from as string,
      e.detail.released as string,
    ]),
  ]);
  const contactName = new Map(contacts.map((c) => [c.id, c.name]));
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  return {
    tasks: tasks.map((t) => ({
      id: t.id,
      status: t.status,
      bucket: t.bucket,
      queue: t.queue,
      priority: t.priority,
      openedOn: t.openedOn,
      resolvedOn: t.resolvedOn,
      assignee: person(t.assignedTo),
      brokenPromises: t.brokenPromises,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      party: c.party,
      relation: c.relation,
      name: c.name,
      phone: c.phoneMasked,
      address: c.address,
      active: c.active,
      createdAt: c.createdAt.toISOString(),
    })),
    consents: consents.map((c) => ({
      id: c.id,
      contactId: c.contactKey,
      contactName: c.contactKey === "borrower" ? null : (contactName.get(c.contactKey) ?? null),
      windowStart: c.windowStart,
      windowEnd: c.windowEnd,
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      evidence: c.evidence,
      active: c.revokedAt === null,
      recordedBy: person(c.recordedBy),
      recordedAt: c.recordedAt.toISOString(),
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokeReason: c.revokeReason,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      taskId: a.taskId,
      contactId: a.contactKey,
      contactName: a.contactKey === "borrower" ? null : (contactName.get(a.contactKey) ?? null),
      party: a.party,
      method: a.method,
      purpose: a.purpose,
      outcome: a.outcome,
      unanswered: a.unanswered,
      note: a.note,
      occurredAt: a.occurredAt.toISOString(),
      promiseId: a.promiseId,
      nextActionDate: a.nextActionDate,
      actor: person(a.actorId),
    })),
    promises: promises.map((p) => ({
      id: p.id,
      taskId: p.taskId,
      actionId: p.actionId,
      amount: formatAmount(p.amount),
      promisedDate: p.promisedDate,
      madeOn: p.madeOn,
      status: p.status,
      paid: formatAmount(p.paid),
      resolvedOn: p.resolvedOn,
      createdBy: person(p.createdBy),
    })),
    events: events.map((e) => ({
      id: e.id,
      taskId: e.taskId,
      kind: e.kind,
      businessDate: e.businessDate,
      at: e.at.toISOString(),
      actor: person(e.actorId),
      detail: {
        ...e.detail,
        ...(typeof e.detail.amount === "number" ? { amount: formatAmount(e.detail.amount) } : {}),
        ...(typeof e.detail.paid === "number" ? { paid: formatAmount(e.detail.paid) } : {}),
        ...(typeof e.detail.to === "string" && names.has(e.detail.to)
          ? { toName: names.get(e.detail.to) }
          : {}),
        ...(typeof e.detail.from === "string" && names.has(e.detail.from)
          ? { fromName: names.get(e.detail.from) }
          : {}),
        ...(typeof e.detail.released === "string"
          ? { releasedName: names.get(e.detail.released) ?? null }
          : {}),
      },
    })),
  };
}
