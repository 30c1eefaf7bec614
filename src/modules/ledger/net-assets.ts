// Net assets (净资产) = equity plus profit to date = credits minus debits over equity, income and
// expense accounts. DOMAIN.md §8 limits one borrower's balance to a share of it.
import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import { journalLines, ledgerAccounts } from "./ledger.schema.ts";

export async function netAssets(db: Queryable): Promise<number> {
  const [row] = await db
    .select({ net: sql<string>`coalesce(sum(${journalLines.credit} - ${journalLines.debit}), 0)::text` })
    .from(journalLines)
    .where(
      inArray(
        journalLines.accountCode,
        db
          .select({ code: ledgerAccounts.code })
          .from(ledgerAccounts)
          .where(inArray(ledgerAccounts.type, ["equity", "income", "expense"])),
      ),
    );
  return Number(row.net);
}
