// 撞单: is this phone or ID number already someone's lead or customer? Both are equality look-ups on
// the blind index (the same index kinds as customers', so one number matches across both). The answer
// names the other record's owner, so two people never work one customer without knowing it.
//
// Customers are read here directly (read-only, two indexed columns and the owner's name) because the
// check must see every owner's customers, beyond the caller's data scope, which the customers
// service's reads rightly do not allow.
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import { ID_INDEX, PHONE_INDEX } from "../customers/customer-input.ts";
import { customers } from "../customers/customers.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { leads } from "./crm.schema.ts";

export type DuplicateMatch = {
  kind: "lead" | "customer";
  id: string;
  name: string;
  matchedOn: ("phone" | "idNumber")[];
  ownerId: string | null;
  ownerName: string | null;
  /** The lead's stage; null for a customer. */
  stage: string | null;
  createdAt: string;
  /** Whether the caller may open it (set where the caller is known). */
  visible?: boolean;
};

export function phoneIndexOf(pii: PiiCipher, phone: string): string {
  return pii.blindIndex(PHONE_INDEX, phone);
}

export function idIndexOf(pii: PiiCipher, idNumber: string): string {
  return pii.blindIndex(ID_INDEX, idNumber);
}

/** Other leads (not merged away) and customers with this phone or ID index. */
export async function findDuplicates(
  db: Queryable,
  keys: { phoneIndex?: string | null; idNumberIndex?: string | null; excludeLeadIds?: string[] },
): Promise<DuplicateMatch[]> {
  const { phoneIndex, idNumberIndex } = keys;
  if (!phoneIndex && !idNumberIndex) return [];
  const matches: DuplicateMatch[] = [];
  const on = (phone: boolean, id: boolean) =>
    [phone ? "phone" : null, id ? "idNumber" : null].filter(Boolean) as DuplicateMatch["matchedOn"];

  const leadKeys: SQL[] = [];
  if (phoneIndex) leadKeys.push(eq(leads.phoneIndex, phoneIndex));
  if (idNumberIndex) leadKeys.push(eq(leads.idNumberIndex, idNumberIndex));
  const leadRows = await db
    .select({ lead: leads, ownerName: users.displayName })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .where(and(or(...leadKeys), isNull(leads.mergedInto)))
    .limit(20);
  for (const { lead, ownerName } of leadRows) {
    if (keys.excludeLeadIds?.includes(lead.id)) continue;
    matches.push({
      kind: "lead",
      id: lead.id,
      name: lead.name,
      matchedOn: on(
        lead.phoneIndex === phoneIndex,
        Boolean(idNumberIndex) && lead.idNumberIndex === idNumberIndex,
      ),
      ownerId: lead.ownerId,
      ownerName,
      stage: lead.stage,
      createdAt: lead.createdAt.toISOString(),
    });
  }

  const customerKeys: SQL[] = [];
  if (phoneIndex) customerKeys.push(eq(customers.phoneIndex, phoneIndex));
  if (idNumberIndex) customerKeys.push(eq(customers.idNumberIndex, idNumberIndex));
  const customerRows = await db
    .select({
      id: customers.id,
      name: customers.name,
      phoneIndex: customers.phoneIndex,
      idNumberIndex: customers.idNumberIndex,
      ownerId: customers.ownerId,
      ownerName: users.displayName,
      createdAt: customers.createdAt,
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(or(...customerKeys))
    .limit(20);
  for (const c of customerRows)
    matches.push({
      kind: "customer",
      id: c.id,
      name: c.name,
      matchedOn: on(c.phoneIndex === phoneIndex, Boolean(idNumberIndex) && c.idNumberIndex === idNumberIndex),
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      stage: null,
      createdAt: c.createdAt.toISOString(),
    });
  return matches;
}

/**
 * Duplicates for many numbers at once (imports): index value → the records holding it. One query per
 * 1,000 values on each of leads and customers, instead of one per row.
 */
export async function findDuplicatesBatch(
  db: Queryable,
  keys: { phoneIndexes: string[]; idNumberIndexes: string[] },
): Promise<Map<string, DuplicateMatch[]>> {
  const found = new Map<string, DuplicateMatch[]>();
  const add = (key: string, match: DuplicateMatch) => {
    const list = found.get(key) ?? [];
    if (!list.some((m) => m.kind === match.kind && m.id === match.id)) list.push(match);
    found.set(key, list);
  };
  const batches = <T>(values: readonly T[]) =>
    Array.from({ length: Math.ceil(values.length / 1000) }, (_, i) =>
      values.slice(i * 1000, i * 1000 + 1000),
    );
  for (const [field, values] of [
    ["phone", [...new Set(keys.phoneIndexes)]],
    ["idNumber", [...new Set(keys.idNumberIndexes)]],
  ] as const) {
    for (const batch of batches(values)) {
      const leadColumn = field === "phone" ? leads.phoneIndex : leads.idNumberIndex;
      const leadRows = await db
        .select({ lead: leads, ownerName: users.displayName })
        .from(leads)
        .leftJoin(users, eq(users.id, leads.ownerId))
        .where(and(inArray(leadColumn, batch), isNull(leads.mergedInto)));
      for (const { lead, ownerName } of leadRows)
        add((field === "phone" ? lead.phoneIndex : lead.idNumberIndex) as string, {
          kind: "lead",
          id: lead.id,
          name: lead.name,
          matchedOn: [field],
          ownerId: lead.ownerId,
          ownerName,
          stage: lead.stage,
          createdAt: lead.createdAt.toISOString(),
        });
      const customerColumn = field === "phone" ? customers.phoneIndex : customers.idNumberIndex;
      const customerRows = await db
        .select({
          id: customers.id,
          name: customers.name,
          key: customerColumn,
          ownerId: customers.ownerId,
          ownerName: users.displayName,
          createdAt: customers.createdAt,
        })
        .from(customers)
        .leftJoin(users, eq(users.id, customers.ownerId))
        .where(inArray(customerColumn, batch));
      for (const c of customerRows)
        add(c.key, {
          kind: "customer",
          id: c.id,
          name: c.name,
          matchedOn: [field],
          ownerId: c.ownerId,
          ownerName: c.ownerName,
          stage: null,
          createdAt: c.createdAt.toISOString(),
        });
    }
  }
  return found;
}

/** Marks the matches the caller may open: leads in their data scope. */
export function markVisible(matches: DuplicateMatch[], visibleIds: string[] | null): DuplicateMatch[] {
  return matches.map((m) => ({
    ...m,
    visible:
      m.kind === "lead" && (visibleIds === null || (m.ownerId !== null && visibleIds.includes(m.ownerId))),
  }));
}
