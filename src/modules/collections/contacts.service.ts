// The people a collector may reach on a loan besides the borrower, and the debtor's recorded consent
// to be contacted in the quiet hours. Phones are sealed at rest and shown masked.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { maskPhone, type PiiCipher } from "../../platform/pii.ts";
import { loadVisibleTask } from "./access.ts";
import { borrowerOf } from "./actions.service.ts";
import { collectionConsents, collectionContacts } from "./collections-work.schema.ts";
import { resolveContact } from "./contact-rules.ts";
import type { ContactRelation } from "./domain/contact-vocabulary.ts";
import { LIABLE_PARTIES } from "./domain/contact-vocabulary.ts";

export async function addContact(
  deps: { db: Db; pii: PiiCipher },
  ctx: RequestContext,
  taskId: string,
  input: {
    party: "guarantor" | "co-borrower" | "third-party";
    relation: ContactRelation;
    name: string;
    phone?: string;
    address?: string;
  },
) {
  requirePermission(ctx, "collections.work");
  return deps.db.transaction(async (tx) => {
    const task = await loadVisibleTask(tx, ctx, taskId, { lock: true });
    const phone = input.phone?.replace(/[\s-]/g, "");
    const id = randomUUID();
    await tx.insert(collectionContacts).values({
      loanId: task.loanId,
      id,
      party: input.party,
      relation: input.relation,
      name: input.name,
      phoneEnc: phone ? deps.pii.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      address: input.address ?? null,
      createdBy: ctx.actor.userId,
    });
    const view = {
      id,
      party: input.party,
      relation: input.relation,
      name: input.name,
      phone: phone ? maskPhone(phone) : null,
      address: input.address ?? null,
      active: true,
    };
    await recordAudit(tx, ctx, {
      action: "collection.contact-added",
      entityType: "collection-task",
      entityId: task.id,
      after: { ...view, loanId: task.loanId },
    });
    return view;
  });
}

export async function recordConsent(
  db: Db,
  ctx: RequestContext,
  taskId: string,
  input: {
    contactId: string;
    windowStart: string;
    windowEnd: string;
    validFrom: string;
    validUntil?: string;
    evidence: string;
  },
) {
  requirePermission(ctx, "collections.work");
  if (input.windowStart === input.windowEnd) throw invalid({ windowEnd: "invalid-value" });
  if (input.validUntil && input.validUntil < input.validFrom) throw invalid({ validUntil: "invalid-value" });
  return db.transaction(async (tx) => {
    const task = await loadVisibleTask(tx, ctx, taskId, { lock: true });
    const borrower = await borrowerOf(tx, task.loanId);
    const contact = await resolveContact(tx, task, input.contactId, borrower.name);
    // Only someone who owes can waive the quiet hours for themselves.
    if (!LIABLE_PARTIES.includes(contact.party))
      throw new DomainError({
        code: "collections-consent-party",
        status: 400,
        fields: { contactId: "collections-consent-party" },
      });
    const id = randomUUID();
    const row = {
      loanId: task.loanId,
      id,
      contactKey: contact.key,
      windowStart: input.windowStart,
      windowEnd: input.windowEnd,
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
      evidence: input.evidence,
      recordedBy: ctx.actor.userId,
    };
    await tx.insert(collectionConsents).values(row);
    const view = { ...row, contactId: contact.key, active: true };
    await recordAudit(tx, ctx, {
      action: "collection.consent-recorded",
      entityType: "collection-task",
      entityId: task.id,
      after: view,
    });
    return view;
  });
}

export async function revokeConsent(
  db: Db,
  ctx: RequestContext,
  taskId: string,
  consentId: string,
  input: { reason: string },
) {
  requirePermission(ctx, "collections.work");
  return db.transaction(async (tx) => {
    const task = await loadVisibleTask(tx, ctx, taskId, { lock: true });
    const where = and(eq(collectionConsents.loanId, task.loanId), eq(collectionConsents.id, consentId));
    const [consent] = await tx.select().from(collectionConsents).where(where).for("update");
    if (!consent) throw new DomainError({ code: "not-found", status: 404, params: { entity: "consent" } });
    if (consent.revokedAt) throw conflict("collections-consent-revoked");
    const revokedAt = new Date();
    await tx
      .update(collectionConsents)
      .set({ revokedAt, revokedBy: ctx.actor.userId, revokeReason: input.reason })
      .where(where);
    await recordAudit(tx, ctx, {
      action: "collection.consent-revoked",
      entityType: "collection-task",
      entityId: task.id,
      before: { consentId, active: true },
      after: { consentId, active: false, reason: input.reason },
    });
    return { id: consentId, active: false, revokedAt: revokedAt.toISOString(), revokeReason: input.reason };
  });
}
