// Customer files: register, edit, search and read, within the actor's data scope. Personal data is
// sealed at rest and masked in every answer and audit record.
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { auditHistory, recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import type { Warning } from "../../platform/warnings.ts";
import { users } from "../identity/identity.schema.ts";
import { consentsOf } from "./consents.service.ts";
import { classify, ID_INDEX, incomeFen, PHONE_INDEX, sealIdentifiers } from "./customer-input.ts";
import {
  auditSnapshot,
  type CustomerView,
  changedFields,
  customerView,
  loadVisibleCustomer,
  selectCustomers,
  toCustomerView,
} from "./customer-view.ts";
import type { CreateCustomerInput, ListCustomersQuery, UpdateCustomerInput } from "./customers.contracts.ts";
import { customers } from "./customers.schema.ts";
import { documentsOf } from "./documents.service.ts";
import { normalizeMobile } from "./domain/identifiers.ts";

export type CustomerDeps = { db: Db; pii: PiiCipher };

async function assertOwner(tx: Queryable, ctx: RequestContext, ownerId: string): Promise<void> {
  const [owner] = await tx
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(eq(users.id, ownerId));
  if (owner?.status !== "active" || !canSeeOwner(await visibleUserIds(tx, ctx.actor), ownerId))
    throw invalid({ ownerId: "invalid-owner" });
}

// Checked before writing so the 409 names the field; the unique indexes catch a concurrent twin.
async function assertNoDuplicate(
  tx: Queryable,
  candidate: { type: string; idNumberIndex?: string; creditCode?: string | null },
  selfId?: string,
): Promise<void> {
  if (candidate.type === "individual" && candidate.idNumberIndex) {
    const [twin] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.type, "individual"), eq(customers.idNumberIndex, candidate.idNumberIndex)));
    if (twin && twin.id !== selfId) throw duplicate("idNumber");
  }
  if (candidate.creditCode) {
    const [twin] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.creditCode, candidate.creditCode));
    if (twin && twin.id !== selfId) throw duplicate("creditCode");
  }
}

function duplicate(field: "idNumber" | "creditCode"): DomainError {
  const code = field === "idNumber" ? "duplicate-id-number" : "duplicate-credit-code";
  return new DomainError({ code, status: 409, fields: { [field]: code } });
}

function uniqueViolation(error: unknown): DomainError | null {
  type PgError = { code?: string; constraint?: string; message?: string; cause?: PgError };
  const e = error as PgError;
  const cause = e?.cause ?? e;
  if (cause?.code !== "23505") return null;
  const text = `${cause.constraint ?? ""} ${cause.message ?? ""}`;
  return duplicate(text.includes("credit_code") ? "creditCode" : "idNumber");
}

export async function createCustomer(
  deps: CustomerDeps,
  ctx: RequestContext,
  input: CreateCustomerInput,
): Promise<{ customer: CustomerView; warnings: Warning[] }> {
  requirePermission(ctx, "customers.write");
  const errors: Record<string, string> = {};
  const sealed = sealIdentifiers(deps.pii, input, { today: todayInChina(), errors });
  const kind = classify({ ...input, creditCode: sealed.values.creditCode ?? null }, errors);
  const ownerId = input.ownerId ?? ctx.actor.userId;
  if (!ownerId) errors.ownerId = "required";
  if (Object.keys(errors).length) throw invalid(errors);
  try {
    const id = await deps.db.transaction(async (tx) => {
      await assertOwner(tx, ctx, ownerId as string);
      await assertNoDuplicate(tx, { type: input.type, ...sealed.values });
      const values = {
        ...sealed.values,
        type: input.type,
        name: input.name,
        ...kind,
        bankName: input.bankName ?? null,
        address: input.address ?? null,
        occupation: input.occupation ?? null,
        employer: input.employer ?? null,
        monthlyIncome: incomeFen(input.monthlyIncome) ?? null,
        businessYears: input.businessYears ?? null,
        notes: input.notes ?? null,
        ownerId: ownerId as string,
        createdBy: ctx.actor.userId,
      } as typeof customers.$inferInsert;
      const [row] = await tx.insert(customers).values(values).returning({ id: customers.id });
      const after = await customerView(tx, row.id);
      await recordAudit(tx, ctx, {
        action: "customer.created",
        entityType: "customer",
        entityId: row.id,
        after: auditSnapshot(after),
      });
      return row.id;
    });
    return { customer: await customerView(deps.db, id), warnings: sealed.warnings };
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

export async function updateCustomer(
  deps: CustomerDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateCustomerInput,
): Promise<{ customer: CustomerView; warnings: Warning[] }> {
  requirePermission(ctx, "customers.write");
  try {
    const warnings = await deps.db.transaction(async (tx) => {
      const current = await loadVisibleCustomer(tx, ctx, id, { lock: true });
      const before = await customerView(tx, id);
      const errors: Record<string, string> = {};
      const sealed = sealIdentifiers(deps.pii, input, { today: todayInChina(), errors });
      const creditCode =
        input.creditCode === undefined ? current.creditCode : (sealed.values.creditCode ?? null);
      const kind = classify(
        {
          type: current.type,
          businessKind: input.businessKind === undefined ? current.businessKind : input.businessKind,
          // A business's segment follows its kind; an individual's is kept unless given.
          segment: input.segment ?? (current.type === "individual" ? current.segment : undefined),
          creditCode,
          legalRepresentative:
            input.legalRepresentative === undefined ? current.legalRepresentative : input.legalRepresentative,
        },
        errors,
      );
      if (Object.keys(errors).length) throw invalid(errors);
      if (input.ownerId && input.ownerId !== current.ownerId) await assertOwner(tx, ctx, input.ownerId);
      await assertNoDuplicate(
        tx,
        {
          type: current.type,
          idNumberIndex: sealed.values.idNumberIndex,
          creditCode: sealed.values.creditCode,
        },
        id,
      );
      const patch: Partial<typeof customers.$inferInsert> = {
        ...sealed.values,
        ...kind,
        updatedAt: new Date(),
      };
      for (const key of [
        "name",
        "bankName",
        "address",
        "occupation",
        "employer",
        "businessYears",
        "notes",
        "ownerId",
      ] as const)
        if (input[key] !== undefined) Object.assign(patch, { [key]: input[key] });
      if (input.monthlyIncome !== undefined) patch.monthlyIncome = incomeFen(input.monthlyIncome);
      await tx.update(customers).set(patch).where(eq(customers.id, id));
      const after = await customerView(tx, id);
      const diff = changedFields(before, after);
      await recordAudit(tx, ctx, {
        action: "customer.updated",
        entityType: "customer",
        entityId: id,
        ...diff,
      });
      return sealed.warnings;
    });
    return { customer: await customerView(deps.db, id), warnings };
  } catch (error) {
    throw uniqueViolation(error) ?? error;
  }
}

export async function listCustomers(
  deps: CustomerDeps,
  ctx: RequestContext,
  query: ListCustomersQuery,
): Promise<{ items: CustomerView[]; total: number }> {
  requirePermission(ctx, "customers.read");
  const { db, pii } = deps;
  const conditions: SQL[] = [];
  const visible = await visibleUserIds(db, ctx.actor);
  if (visible !== null)
    conditions.push(
      inArray(customers.ownerId, visible.length ? visible : ["00000000-0000-0000-0000-000000000000"]),
    );
  if (query.q) conditions.push(searchCondition(pii, query.q));
  if (query.type) conditions.push(eq(customers.type, query.type));
  if (query.segment) conditions.push(eq(customers.segment, query.segment));
  if (query.blacklisted !== undefined) conditions.push(eq(customers.blacklisted, query.blacklisted));
  if (query.ownerId) conditions.push(eq(customers.ownerId, query.ownerId));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(customers).where(where);
  const rows = await selectCustomers(db, where)
    .orderBy(desc(customers.createdAt), asc(customers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total, items: rows.map((r) => toCustomerView(r.row, r.ownerName)) };
}

// One search box: a mobile number or an ID number matches exactly through its blind index, a credit
// code exactly, anything else is a name prefix.
function searchCondition(pii: PiiCipher, q: string): SQL {
  const phone = normalizeMobile(q);
  if (phone) return eq(customers.phoneIndex, pii.blindIndex(PHONE_INDEX, phone));
  const upper = q.toUpperCase();
  if (/^\d{17}[\dX]$/.test(upper)) return eq(customers.idNumberIndex, pii.blindIndex(ID_INDEX, upper));
  if (/^[0-9A-Z]{18}$/.test(upper)) return eq(customers.creditCode, upper);
  return ilike(customers.name, `${q.replace(/[%_\\]/g, "\\$&")}%`);
}

export async function getCustomerDetail(db: Db, ctx: RequestContext, id: string) {
  requirePermission(ctx, "customers.read");
  await loadVisibleCustomer(db, ctx, id);
  const [customer, consents, documents, timeline] = await Promise.all([
    customerView(db, id),
    consentsOf(db, id),
    documentsOf(db, id),
    auditHistory(db, { entityType: "customer", entityId: id, limit: 100 }),
  ]);
  return { ...customer, consents, documents, timeline };
}

/** What origination needs to qualify an applicant; other modules read customers through this. */
export async function getCustomerFacts(db: Queryable | Tx, ctx: RequestContext, id: string) {
  requirePermission(ctx, "customers.read");
  const row = await loadVisibleCustomer(db, ctx, id);
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    segment: row.segment,
    birthDate: row.birthDate,
    blacklisted: row.blacklisted,
    ownerId: row.ownerId,
    monthlyIncome: row.monthlyIncome,
    businessYears: row.businessYears,
  };
}
