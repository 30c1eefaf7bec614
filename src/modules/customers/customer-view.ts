// How a customer file is shown: personal data masked, money as decimal strings. Loading a customer
// applies the actor's data scope; one outside it is "not found", so ids cannot be probed.
import { eq, type SQL } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { users } from "../identity/identity.schema.ts";
import { customers } from "./customers.schema.ts";
import { ageOn } from "./domain/identifiers.ts";

export type CustomerRow = typeof customers.$inferSelect;

export type CustomerView = {
  id: string;
  type: CustomerRow["type"];
  name: string;
  businessKind: CustomerRow["businessKind"];
  legalRepresentative: string | null;
  segment: CustomerRow["segment"];
  idNumber: string;
  phone: string;
  creditCode: string | null;
  bankCard: string | null;
  bankName: string | null;
  age: number;
  gender: CustomerRow["gender"];
  address: string | null;
  occupation: string | null;
  employer: string | null;
  monthlyIncome: string | null;
  businessYears: number | null;
  notes: string | null;
  ownerId: string;
  ownerName: string | null;
  blacklisted: boolean;
  blacklistReason: string | null;
  blacklistedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toCustomerView(row: CustomerRow, ownerName: string | null): CustomerView {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    businessKind: row.businessKind,
    legalRepresentative: row.legalRepresentative,
    segment: row.segment,
    idNumber: row.idNumberMasked,
    phone: row.phoneMasked,
    creditCode: row.creditCode,
    bankCard: row.bankCardMasked,
    bankName: row.bankName,
    age: ageOn(row.birthDate, todayInChina()),
    gender: row.gender,
    address: row.address,
    occupation: row.occupation,
    employer: row.employer,
    monthlyIncome: row.monthlyIncome === null ? null : formatAmount(row.monthlyIncome),
    businessYears: row.businessYears,
    notes: row.notes,
    ownerId: row.ownerId,
    ownerName,
    blacklisted: row.blacklisted,
    blacklistReason: row.blacklistReason,
    blacklistedAt: row.blacklistedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// What the audit trail keeps of a customer: the masked view without derived or bookkeeping fields.
const NOT_AUDITED = new Set(["id", "ownerName", "age", "createdAt", "updatedAt"]);

export function auditSnapshot(view: CustomerView): Record<string, unknown> {
  return Object.fromEntries(Object.entries(view).filter(([k]) => !NOT_AUDITED.has(k)));
}

/** The fields that differ, as before/after halves, so a timeline entry says what changed. */
export function changedFields(
  before: CustomerView,
  after: CustomerView,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const a = auditSnapshot(before);
  const b = auditSnapshot(after);
  const keys = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, a[k]])),
    after: Object.fromEntries(keys.map((k) => [k, b[k]])),
  };
}

export function selectCustomers(db: Queryable, where: SQL | undefined) {
  return db
    .select({ row: customers, ownerName: users.displayName })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(where);
}

/** The customer if the actor's scope covers its owner; otherwise 404, exactly as if it did not exist. */
export async function loadVisibleCustomer(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CustomerRow> {
  const query = db.select().from(customers).where(eq(customers.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("customer");
  if (!canSeeOwner(await visibleUserIds(db, ctx.actor), row.ownerId)) throw notFound("customer");
  return row;
}

export async function customerView(db: Queryable, id: string): Promise<CustomerView> {
  const [found] = await selectCustomers(db, eq(customers.id, id));
  if (!found) throw notFound("customer");
  return toCustomerView(found.row, found.ownerName);
}
