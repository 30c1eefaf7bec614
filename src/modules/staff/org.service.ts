// The org as it stood on a date: who held which seat and reported to whom. The checks every change
// of a reporting line passes (no loop, a manager who is there) and the org chart read from it.
import { and, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { buildTree, cycleIfManaged, descendantsOf, type ManagerLinks } from "./domain/org.ts";
import { POSITION_NAMES } from "./domain/positions.ts";
import { isRankKey, rankOf } from "./domain/ranks.ts";
import { departments, staffAssignments, staffMembers, staffRankHistory } from "./staff.schema.ts";

export type AssignmentRow = typeof staffAssignments.$inferSelect;
export type StaffRow = typeof staffMembers.$inferSelect;

const inForce = (date: string) =>
  and(
    lte(staffAssignments.validFrom, date),
    or(isNull(staffAssignments.validTo), gte(staffAssignments.validTo, date)),
  );

/** Every assignment in force on `date`, for people who were employed that day. */
export async function seatsOn(db: Queryable, date: string) {
  return db
    .select({ staff: staffMembers, seat: staffAssignments, departmentName: departments.nameZh })
    .from(staffAssignments)
    .innerJoin(staffMembers, eq(staffMembers.id, staffAssignments.staffId))
    .leftJoin(departments, eq(departments.id, staffAssignments.departmentId))
    .where(
      and(
        inForce(date),
        sql`${staffMembers.status} <> 'candidate'`,
        lte(staffMembers.joinedOn, date),
        or(isNull(staffMembers.leftOn), gte(staffMembers.leftOn, date)),
      ),
    )
    .orderBy(departments.sortOrder, staffMembers.employeeNo);
}

/** Each person's rank on `date` from the rank history (the latest change effective by then). */
export async function ranksOn(db: Queryable, date: string): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([staffRankHistory.staffId], {
      staffId: staffRankHistory.staffId,
      rank: staffRankHistory.rank,
    })
    .from(staffRankHistory)
    .where(lte(staffRankHistory.effectiveFrom, date))
    .orderBy(
      staffRankHistory.staffId,
      desc(staffRankHistory.effectiveFrom),
      desc(staffRankHistory.createdAt),
    );
  return new Map(rows.map((r) => [r.staffId, r.rank]));
}

export async function managerLinksOn(db: Queryable, date: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ staffId: staffAssignments.staffId, managerId: staffAssignments.managerId })
    .from(staffAssignments)
    .where(inForce(date));
  return new Map(rows.map((r) => [r.staffId, r.managerId]));
}

/** The latest assignment of a person (the open one, or the one closed when they left). */
export async function latestSeat(db: Queryable, staffId: string): Promise<AssignmentRow | null> {
  const [row] = await db
    .select()
    .from(staffAssignments)
    .where(eq(staffAssignments.staffId, staffId))
    .orderBy(sql`${staffAssignments.validFrom} desc`)
    .limit(1);
  return row ?? null;
}

async function namesOf(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: staffMembers.id, name: staffMembers.name })
    .from(staffMembers)
    .where(inArray(staffMembers.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A manager must be someone employed and not leaving, and the new line must not loop, on the date it
 * takes effect nor on any later date a change is already recorded for.
 */
export async function assertManagerFor(
  db: Queryable,
  change: { staffId: string; managerId: string | null; from: string },
): Promise<void> {
  if (change.managerId === null) return;
  const [manager] = await db.select().from(staffMembers).where(eq(staffMembers.id, change.managerId));
  if (!manager) throw invalid({ managerId: "invalid-value" });
  if (
    manager.status === "candidate" ||
    manager.status === "left" ||
    manager.leftOn !== null ||
    manager.joinedOn > change.from
  )
    throw new DomainError({
      code: "manager-not-active",
      status: 409,
      params: { name: manager.name, date: change.from },
    });
  const later = await db
    .selectDistinct({ d: staffAssignments.validFrom })
    .from(staffAssignments)
    .where(gt(staffAssignments.validFrom, change.from));
  for (const date of [change.from, ...later.map((r) => r.d)]) {
    const links: ManagerLinks = await managerLinksOn(db, date);
    const loop = cycleIfManaged(links, { staffId: change.staffId, managerId: change.managerId });
    if (loop === null) continue;
    const names = await namesOf(db, [...new Set(loop)]);
    throw new DomainError({
      code: "manager-cycle",
      status: 409,
      params: { chain: loop.map((id) => names.get(id) ?? id).join(" → ") },
    });
  }
}

/**
 * The staff records the actor may see, or null for all: the people of their user scope (scope.ts)
 * and, for a team or org scope, everyone below their own seat today — including new hires who have
 * no user account yet.
 */
export async function visibleStaffIds(
  db: Queryable,
  ctx: RequestContext,
  today: string,
): Promise<Set<string> | null> {
  const users = await visibleUserIds(db, ctx.actor);
  if (users === null) return null;
  const rows = users.length
    ? await db.select({ id: staffMembers.id }).from(staffMembers).where(inArray(staffMembers.userId, users))
    : [];
  const ids = new Set(rows.map((r) => r.id));
  if (ctx.actor.scope === "own" || !ctx.actor.userId) return ids;
  const [self] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(eq(staffMembers.userId, ctx.actor.userId));
  if (self) for (const id of descendantsOf(await managerLinksOn(db, today), self.id)) ids.add(id);
  return ids;
}

export type OrgNode = {
  id: string;
  managerId: string | null;
  employeeNo: string;
  name: string;
  position: string;
  positionName: string;
  rank: string | null;
  rankName: string | null;
  status: string;
  departmentId: number | null;
  departmentName: string | null;
  team: string | null;
};

/** The org chart on `date` as a tree; a team manager sees their own team (scope), others the whole. */
export async function orgChart(db: Queryable, ctx: RequestContext, date: string) {
  requirePermission(ctx, "staff.read");
  const visible = await visibleStaffIds(db, ctx, date);
  const [seats, ranks] = await Promise.all([seatsOn(db, date), ranksOn(db, date)]);
  const shown = seats.filter((s) => visible === null || visible.has(s.staff.id));
  const nodes: OrgNode[] = shown.map(({ staff, seat, departmentName }) => {
    const rank = ranks.get(staff.id) ?? null;
    return {
      id: staff.id,
      managerId: seat.managerId,
      employeeNo: staff.employeeNo,
      name: staff.name,
      position: seat.position,
      positionName: POSITION_NAMES[seat.position].zh,
      rank,
      rankName: rank && isRankKey(rank) ? rankOf(rank).zh : null,
      status: staff.status,
      departmentId: seat.departmentId,
      departmentName,
      team: seat.team,
    };
  });
  return { date, headcount: nodes.length, roots: buildTree(nodes) };
}

export type MonthSeat = {
  staffId: string;
  userId: string | null;
  employeeNo: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
  position: string;
  managerId: string | null;
  departmentName: string | null;
};

/**
 * Everyone employed on at least one day of [first, last], each in the seat they held at `last` — or
 * on their last day, for someone who left within the range. What payroll reads "as at month end".
 */
export async function seatsForPeriod(
  db: Queryable,
  range: { first: string; last: string },
): Promise<MonthSeat[]> {
  const result = await db.execute(sql`
    select s.id as staff_id, s.user_id::text as user_id, s.employee_no, s.name, s.joined_on::text as joined_on,
      s.left_on::text as left_on, a.position, a.manager_id::text as manager_id, d.name_zh as department_name
    from staff_members s
    join staff_assignments a on a.staff_id = s.id
      and a.valid_from <= least(${range.last}::date, coalesce(s.left_on, ${range.last}::date))
      and (a.valid_to is null or a.valid_to >= least(${range.last}::date, coalesce(s.left_on, ${range.last}::date)))
    left join departments d on d.id = a.department_id
    where s.status <> 'candidate' and s.joined_on <= ${range.last}::date
      and (s.left_on is null or s.left_on >= ${range.first}::date)
    order by s.employee_no`);
  type Row = {
    staff_id: string;
    user_id: string | null;
    employee_no: string;
    name: string;
    joined_on: string;
    left_on: string | null;
    position: string;
    manager_id: string | null;
    department_name: string | null;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    staffId: r.staff_id,
    userId: r.user_id,
    employeeNo: r.employee_no,
    name: r.name,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    position: r.position,
    managerId: r.manager_id,
    departmentName: r.department_name,
  }));
}
