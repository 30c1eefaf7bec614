// Reading staff records within the caller's scope: HR, the GM and compliance see everyone, a sales
// director the sales org, a team manager or group leader their own team (DOMAIN.md §1).
import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { auditHistory } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import {
  CHANNEL_NAMES,
  POSITION_NAMES,
  type RecruitmentChannel,
  type StaffStatus,
} from "./domain/positions.ts";
import { isRankKey, rankOf } from "./domain/ranks.ts";
import { visibleStaffIds } from "./org.service.ts";
import { probationView } from "./probation.service.ts";
import {
  departments,
  rankProposals,
  staffAssignments,
  staffMembers,
  staffProbations,
  staffRankHistory,
  trainingCourses,
  trainingResults,
  trainingSessions,
} from "./staff.schema.ts";
import { businessToday } from "./staff-store.ts";

const manager = aliasedTable(staffMembers, "manager");

const rankName = (rank: string | null) => (rank && isRankKey(rank) ? rankOf(rank).zh : null);

// The latest seat of each person: the open one, or the one closed when they left.
const latestSeatJoin = sql`${staffAssignments.id} = (select a2.id from staff_assignments a2 where a2.staff_id = ${staffMembers.id} order by a2.valid_from desc limit 1)`;

function baseQuery(db: Queryable) {
  return db
    .select({
      staff: staffMembers,
      seat: staffAssignments,
      departmentName: departments.nameZh,
      managerName: manager.name,
    })
    .from(staffMembers)
    .leftJoin(staffAssignments, latestSeatJoin)
    .leftJoin(departments, eq(departments.id, staffAssignments.departmentId))
    .leftJoin(manager, eq(manager.id, staffAssignments.managerId));
}

type Row = {
  staff: typeof staffMembers.$inferSelect;
  seat: typeof staffAssignments.$inferSelect | null;
  departmentName: string | null;
  managerName: string | null;
};

function toView({ staff, seat, departmentName, managerName }: Row) {
  return {
    id: staff.id,
    employeeNo: staff.employeeNo,
    name: staff.name,
    userId: staff.userId,
    position: staff.position,
    positionName: POSITION_NAMES[staff.position]?.zh ?? staff.position,
    rank: staff.rank,
    rankName: rankName(staff.rank),
    status: staff.status,
    joinedOn: staff.joinedOn,
    leftOn: staff.leftOn,
    leaveReason: staff.leaveReason,
    recruitmentChannel: staff.recruitmentChannel,
    recruitmentChannelName: staff.recruitmentChannel
      ? (CHANNEL_NAMES[staff.recruitmentChannel as RecruitmentChannel]?.zh ?? null)
      : null,
    departmentId: seat?.departmentId ?? null,
    departmentName,
    team: seat?.team ?? null,
    managerId: seat?.managerId ?? null,
    managerName,
  };
}

async function scopeCondition(db: Queryable, ctx: RequestContext): Promise<SQL | undefined> {
  const visible = await visibleStaffIds(db, ctx, await businessToday(db));
  if (visible === null) return undefined;
  return visible.size ? inArray(staffMembers.id, [...visible]) : sql`false`;
}

export async function listStaff(
  db: Queryable,
  ctx: RequestContext,
  query: {
    search?: string;
    status?: StaffStatus;
    position?: string;
    departmentId?: number;
    team?: string;
    rank?: string;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(ctx, "staff.read");
  const conditions: (SQL | undefined)[] = [await scopeCondition(db, ctx)];
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(staffMembers.name, like), ilike(staffMembers.employeeNo, like)));
  }
  if (query.status) conditions.push(eq(staffMembers.status, query.status));
  if (query.position) conditions.push(eq(staffMembers.position, query.position as never));
  // A department includes its sub-departments (营销部 → its five teams).
  if (query.departmentId)
    conditions.push(
      sql`${staffAssignments.departmentId} in (select id from departments where id = ${query.departmentId} or parent_id = ${query.departmentId})`,
    );
  if (query.team) conditions.push(eq(staffAssignments.team, query.team));
  if (query.rank) conditions.push(eq(staffMembers.rank, query.rank));
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: count() })
    .from(staffMembers)
    .leftJoin(staffAssignments, latestSeatJoin)
    .where(where);
  const rows = await baseQuery(db)
    .where(where)
    .orderBy(asc(staffMembers.employeeNo))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { total, items: rows.map(toView) };
}

/** One record in scope (out of scope looks missing), with its seat, rank and training history. */
export async function getStaff(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "staff.read");
  const scope = await scopeCondition(db, ctx);
  const [row] = await baseQuery(db).where(and(eq(staffMembers.id, id), scope));
  if (!row) throw notFound("staff member");
  const [seats, ranks, training, probation, proposals, timeline] = await Promise.all([
    db
      .select({ seat: staffAssignments, departmentName: departments.nameZh, managerName: manager.name })
      .from(staffAssignments)
      .leftJoin(departments, eq(departments.id, staffAssignments.departmentId))
      .leftJoin(manager, eq(manager.id, staffAssignments.managerId))
      .where(eq(staffAssignments.staffId, id))
      .orderBy(desc(staffAssignments.validFrom)),
    db
      .select()
      .from(staffRankHistory)
      .where(eq(staffRankHistory.staffId, id))
      .orderBy(desc(staffRankHistory.effectiveFrom), desc(staffRankHistory.createdAt)),
    db
      .select({ result: trainingResults, session: trainingSessions, course: trainingCourses })
      .from(trainingResults)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingResults.sessionId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
      .where(eq(trainingResults.staffId, id))
      .orderBy(asc(trainingSessions.heldOn)),
    db.select().from(staffProbations).where(eq(staffProbations.staffId, id)),
    db
      .select()
      .from(rankProposals)
      .where(eq(rankProposals.staffId, id))
      .orderBy(desc(rankProposals.effectiveFrom)),
    auditHistory(db, { entityType: "staff", entityId: id, limit: 50 }),
  ]);
  return {
    ...toView(row),
    assignments: seats.map(({ seat, departmentName, managerName }) => ({
      id: seat.id,
      validFrom: seat.validFrom,
      validTo: seat.validTo,
      position: seat.position,
      positionName: POSITION_NAMES[seat.position]?.zh ?? seat.position,
      departmentId: seat.departmentId,
      departmentName,
      team: seat.team,
      managerId: seat.managerId,
      managerName,
      reason: seat.reason,
      note: seat.note,
    })),
    rankHistory: ranks.map((r) => ({
      rank: r.rank,
      rankName: rankName(r.rank),
      previousRank: r.previousRank,
      effectiveFrom: r.effectiveFrom,
      reason: r.reason,
      note: r.note,
      by: r.createdByName,
    })),
    training: training.map(({ result, session, course }) => ({
      sessionId: session.id,
      course: course.code,
      courseName: course.nameZh,
      heldOn: session.heldOn,
      attended: result.attended,
      score: result.score,
      passed: result.passed,
    })),
    probation: probation[0] ? await probationView(db, probation[0], await businessToday(db)) : null,
    rankReviews: proposals.map((p) => ({
      reviewId: p.reviewId,
      fromRank: p.fromRank,
      toRank: p.toRank,
      direction: p.direction,
      reason: p.reason,
      performance: formatAmount(p.performance),
      target: formatAmount(p.target),
      status: p.status,
      effectiveFrom: p.effectiveFrom,
    })),
    timeline,
  };
}
