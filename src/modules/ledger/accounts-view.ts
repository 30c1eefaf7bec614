import { sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";

/** Every account with its balance on its normal side. */
export async function accountsWithBalances(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "ledger.read");
  const result = await db.execute(sql`
    select a.code, a.name_zh, a.name_en, a.type, a.normal_side,
      coalesce(sum(l.debit_fen - l.credit_fen), 0)::text as net
    from ledger_accounts a left join journal_lines l on l.account_code = a.code
    group by a.code order by min(a.sort_order)`);
  const rows = (
    result as unknown as {
      rows: {
        code: string;
        name_zh: string;
        name_en: string;
        type: string;
        normal_side: string;
        net: string;
      }[];
    }
  ).rows;
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name_zh,
      nameEn: r.name_en,
      type: r.type,
      normalSide: r.normal_side,
      balance: formatAmount((r.normal_side === "credit" ? -1 : 1) * Number(r.net)),
    })),
  };
}
