// Consents (DOMAIN.md §8): a credit-bureau query, sensitive-data processing or sharing with a third
// party needs the customer's recorded authorisation with its purpose. Revoking keeps the record.
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, invalid, notFound } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { loadVisibleCustomer } from "./customer-view.ts";
import { type ConsentKind, customerConsents } from "./customers.schema.ts";

export type ConsentView = {
  id: string;
  kind: ConsentKind;
  purpose: string;
  grantedAt: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
  active: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
};

export async function consentsOf(db: Queryable, customerId: string): Promise<ConsentView[]> {
  const rows = await db
    .select({ c: customerConsents, recordedByName: users.displayName })
    .from(customerConsents)
    .leftJoin(users, eq(users.id, customerConsents.recordedBy))
    .where(eq(customerConsents.customerId, customerId))
    .orderBy(desc(customerConsents.recordedAt));
  return rows.map(({ c, recordedByName }) => ({
    id: c.id,
    kind: c.kind,
    purpose: c.purpose,
    grantedAt: c.grantedAt.toISOString(),
    recordedBy: c.recordedBy,
    recordedByName,
    recordedAt: c.recordedAt.toISOString(),
    active: c.revokedAt === null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
  }));
}

export async function listConsents(db: Db, ctx: RequestContext, customerId: string): Promise<ConsentView[]> {
  requirePermission(ctx, "customers.read");
  await loadVisibleCustomer(db, ctx, customerId);
  return consentsOf(db, customerId);
}

/** Whether an unrevoked consent of this kind exists, e.g. before a credit-bureau query. */
export async function hasActiveConsent(
  db: Queryable,
  customerId: string,
  kind: ConsentKind,
): Promise<boolean> {
  const [row] = await db
    .select({ id: customerConsents.id })
    .from(customerConsents)
    .where(
      and(
        eq(customerConsents.customerId, customerId),
        eq(customerConsents.kind, kind),
        isNull(customerConsents.revokedAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function recordConsent(
  db: Db,
  ctx: RequestContext,
  customerId: string,
  input: { kind: ConsentKind; purpose: string; grantedAt?: string },
): Promise<ConsentView> {
  requirePermission(ctx, "customers.write");
  const now = new Date();
  const given =
    input.grantedAt && /^\d{4}-\d{2}-\d{2}$/.test(input.grantedAt)
      ? `${input.grantedAt}T00:00:00+08:00`
      : input.grantedAt;
  const grantedAt = given ? new Date(given) : now;
  // A minute of slack for clocks; a consent dated tomorrow is a typing mistake.
  if (grantedAt.getTime() > now.getTime() + 60_000) throw invalid({ grantedAt: "consent-in-future" });
  const id = await db.transaction(async (tx) => {
    await loadVisibleCustomer(tx, ctx, customerId);
    const [row] = await tx
      .insert(customerConsents)
      .values({
        customerId,
        kind: input.kind,
        purpose: input.purpose,
        grantedAt,
        recordedBy: ctx.actor.userId,
        recordedAt: now,
      })
      .returning({ id: customerConsents.id });
    await recordAudit(tx, ctx, {
      action: "customer.consent-recorded",
      entityType: "customer",
      entityId: customerId,
      after: {
        consentId: row.id,
        kind: input.kind,
        purpose: input.purpose,
        grantedAt: grantedAt.toISOString(),
      },
    });
    return row.id;
  });
  return consentById(db, customerId, id);
}

export async function revokeConsent(
  db: Db,
  ctx: RequestContext,
  input: { customerId: string; consentId: string; reason?: string | null },
): Promise<ConsentView> {
  requirePermission(ctx, "customers.write");
  await db.transaction(async (tx) => {
    await loadVisibleCustomer(tx, ctx, input.customerId);
    const [consent] = await tx
      .select()
      .from(customerConsents)
      .where(and(eq(customerConsents.id, input.consentId), eq(customerConsents.customerId, input.customerId)))
      .for("update");
    if (!consent) throw notFound("consent");
    if (consent.revokedAt) throw conflict("consent-already-revoked");
    const revokedAt = new Date();
    await tx
      .update(customerConsents)
      .set({ revokedAt, revokedBy: ctx.actor.userId, revokeReason: input.reason ?? null })
      .where(eq(customerConsents.id, input.consentId));
    await recordAudit(tx, ctx, {
      action: "customer.consent-revoked",
      entityType: "customer",
      entityId: input.customerId,
      before: { consentId: consent.id, kind: consent.kind, active: true },
      after: { consentId: consent.id, kind: consent.kind, active: false, reason: input.reason ?? null },
    });
  });
  return consentById(db, input.customerId, input.consentId);
}

async function consentById(db: Queryable, customerId: string, id: string): Promise<ConsentView> {
  const found = (await consentsOf(db, customerId)).find((c) => c.id === id);
  if (!found) throw notFound("consent");
  return found;
}
