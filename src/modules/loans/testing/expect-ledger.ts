// Assertions the servicing tests share: after every money-moving step the books must still agree.
import { expect } from "vitest";
import type { Db } from "../../../platform/db.ts";
import { count, ledgerIsConsistent } from "./loan-factory.ts";

/** Trial balance balances and the loan sub-ledger equals the general ledger. */
export async function expectLedgerConsistent(db: Db): Promise<void> {
  const check = await ledgerIsConsistent(db);
  expect(check.ok, JSON.stringify(check.detail)).toBe(true);
}

/** Row counts of the named tables, to show a refused request wrote nothing: { label: table }. */
export async function rowCounts<K extends string>(
  db: Db,
  tables: Record<K, string>,
): Promise<Record<K, number>> {
  const out = {} as Record<K, number>;
  for (const [label, table] of Object.entries(tables) as [K, string][]) out[label] = await count(db, table);
  return out;
}
