// What the staff services share: loading a record for change, mirroring today's seat onto the user
// account (data scope follows users.manager_id), and the checks on references.
import { eq, sql } from "drizzle-orm";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { DomainError, invalid, notFound } from "../../platform/errors.ts";
import { placeUser } from "../identity/users.service.ts";
import { getSetting } from "../settings/settings.service.ts";
import { addDays } from "./domain/dates.ts";
import { POSITION_NAMES, type StaffPosition } from "./domain/positions.ts";
import type { StaffRow } from "./org.service.ts";
import { departments, staffMembers, staffProbations } from "./staff.schema.ts";

export async function loadStaffForUpdate(tx: Tx, id: string): Promise<StaffRow> {
  const [row] = await tx.select().from(staffMembers).where(eq(staffMembers.id, id)).for("update");
  if (!row) throw notFound("staff member");
  return row;
}

/**
 * "Today" for staff and payroll rules: the business date when the daily batch keeps one (STYLE.md:
 * a business date separate from the clock), else today in China.
 */
export async function businessToday(db: Queryable): Promise<string> {
  return (await getSetting(db, "business-date", "9999-12-31")) ?? todayInChina();
}

export const beforeJoin = (staff: StaffRow, field: string) =>
  new DomainError({
    code: "date-before-join",
    params: { joinedOn: staff.joinedOn },
    fields: { [field]: "invalid-date" },
  });

export async function nextEmployeeNo(tx: Queryable): Promise<string> {
  const result = await tx.execute(
    sql`select coalesce(max(substring(employee_no from 2)::int), 0) + 1 as n from staff_members where employee_no ~ '^E[0-9]+$'`,
  );
  const n = (result as unknown as { rows: { n: number }[] }).rows[0].n;
  return `E${String(n).padStart(4, "0")}`;
}

/** Mirrors a seat in force today onto the person's user account (no-op for future dates or no account). */
export async function mirrorSeat(
  tx: Tx,
  staff: StaffRow,
  seat: { managerId: string | null; departmentId: number | null; position: StaffPosition; validFrom: string },
) {
  if (!staff.userId || seat.validFrom > (await businessToday(tx))) return;
  let managerUserId: string | null = null;
  if (seat.managerId) {
    const [m] = await tx
      .select({ userId: staffMembers.userId })
      .from(staffMembers)
      .where(eq(staffMembers.id, seat.managerId));
    managerUserId = m?.userId ?? null;
  }
  await placeUser(tx, staff.userId, {
    managerUserId,
    departmentId: seat.departmentId,
    title: POSITION_NAMES[seat.position].zh,
  });
}

export async function assertDepartment(tx: Tx, departmentId: number | null | undefined): Promise<void> {
  if (departmentId == null) return;
  const [d] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!d) throw invalid({ departmentId: "invalid-value" });
}

/**
 * Someone entered after their probation would already have ended (HR recording an existing employee)
 * is formal: a probation is for the days still ahead, and a past one would only fail at the next close.
 */
export async function probationAlreadyOver(tx: Queryable, joinedOn: string): Promise<boolean> {
  const days = await getSetting(tx, "staff.probation-days", joinedOn);
  return addDays(joinedOn, days - 1) < (await businessToday(tx));
}

export async function startProbation(tx: Tx, staff: { id: string; joinedOn: string }): Promise<void> {
  const days = await getSetting(tx, "staff.probation-days", staff.joinedOn);
  await tx
    .insert(staffProbations)
    .values({ staffId: staff.id, startsOn: staff.joinedOn, endsOn: addDays(staff.joinedOn, days - 1) })
    .onConflictDoNothing();
}
