// Test fixtures for payroll and the rank review: loans written straight into the loans table (only
// the columns performance reads matter here) and demo people looked up by username.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { parseAmount } from "../../../platform/money.ts";
import { users } from "../../identity/identity.schema.ts";
import { loans } from "../../loans/loans.schema.ts";
import { staffMembers } from "../../staff/staff.schema.ts";

export type TestLoan = { officerId: string; principal: string; termMonths: number; on: string };

let seq = 0;

export async function insertLoans(db: Db, rows: TestLoan[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(loans).values(
    rows.map((r) => {
      const principal = parseAmount(r.principal) as number;
      seq += 1;
      return {
        loanNo: `T${Date.now().toString(36)}${String(seq).padStart(5, "0")}`,
        customerId: randomUUID(),
        officerId: r.officerId,
        principal,
        annualRate: "0.18",
        penaltyRate: "0.27",
        method: "equal-installment",
        termMonths: r.termMonths,
        startDate: r.on,
        maturityDate:
          sql`(${r.on}::date + make_interval(months => ${r.termMonths}))::date` as unknown as string,
        apr: "18.00",
        principalOutstanding: principal,
        disbursementChannel: "bank-transfer",
      };
    }),
  );
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** The demo sales team as staff rows: director, team managers and customer managers, with user ids. */
export async function salesTeam(db: Db) {
  const rows = await db
    .select({
      id: staffMembers.id,
      userId: staffMembers.userId,
      name: staffMembers.name,
      position: staffMembers.position,
    })
    .from(staffMembers)
    .where(sql`${staffMembers.position} in ('sales-director', 'team-manager', 'customer-manager')`)
    .orderBy(staffMembers.employeeNo);
  return rows as { id: string; userId: string; name: string; position: string }[];
}
