// What origination needs to know about a borrower's existing book with us.
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../platform/db.ts";
import { loans } from "./loans.schema.ts";

export async function customerExposure(
  db: Queryable,
  customerId: string,
): Promise<{ overdueLoans: number; outstandingPrincipal: number; activeLoans: number }> {
  const [row] = await db
    .select({
      active: sql<number>`count(*)::int`,
      outstanding: sql<string>`coalesce(sum(${loans.principalOutstanding}), 0)::text`,
    })
    .from(loans)
    .where(and(eq(loans.customerId, customerId), eq(loans.status, "active")));
  const [overdue] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loans)
    // A written-off loan keeps its DPD: the borrower is still in default with us.
    .where(
      and(
        eq(loans.customerId, customerId),
        inArray(loans.status, ["active", "written-off"]),
        gt(loans.dpd, 0),
      ),
    );
  return { activeLoans: row.active, outstandingPrincipal: Number(row.outstanding), overdueLoans: overdue.n };
}
