// Transfers, promotions, rank changes and leaving. A change closes the open seat the day before it
// takes effect and opens the next, so the history answers "who sat where" for any date.
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { closeAccountOfLeaver } from "../identity/leavers.service.ts";
import { getSetting } from "../settings/settings.service.ts";
import { addDays } from "./domain/dates.ts";
import type { LeaveReason, StaffPosition } from "./domain/positions.ts";
import { RANK_KEYS, type RankKey } from "./domain/ranks.ts";
import { type AssignmentRow, assertManagerFor, latestSeat, type StaffRow } from "./org.service.ts";
import { staffAssignments, staffMembers, staffProbations, staffRankHistory } from "./staff.schema.ts";
import {
  assertDepartment,
  beforeJoin,
  businessToday,
  loadStaffForUpdate,
  mirrorSeat,
} from "./staff-store.ts";

type SeatChange = {
  effectiveFrom: string;
  departmentId?: number | null;
  team?: string | null;
  managerId?: string | null;
  position?: StaffPosition;
  note?: string | null;
};

/** Closes the open seat the day before `effectiveFrom` and opens the changed one. */
async function moveSeat(
  tx: Tx,
  ctx: RequestContext,
  options: { staff: StaffRow; change: SeatChange; reason: "transfer" | "promotion" },
) {
  const { staff, change } = options;
  if (staff.status === "left") throw conflict("staff-has-left", { name: staff.name });
  if (staff.status === "candidate") throw conflict("staff-is-candidate");
  if (change.effectiveFrom < staff.joinedOn) throw beforeJoin(staff, "effectiveFrom");
  const open = (await latestSeat(tx, staff.id)) as AssignmentRow;
  if (change.effectiveFrom <= open.validFrom)
    throw conflict("assignment-date-order", { from: open.validFrom });
  await assertDepartment(tx, change.departmentId);
  const next = {
    staffId: staff.id,
    departmentId: change.departmentId === undefined ? open.departmentId : change.departmentId,
    team: change.team === undefined ? open.team : change.team,
    managerId: change.managerId === undefined ? open.managerId : change.managerId,
    position: change.position ?? open.position,
    validFrom: change.effectiveFrom,
    reason: options.reason,
    note: change.note ?? null,
    createdBy: ctx.actor.userId,
  };
  if (change.managerId !== undefined)
    await assertManagerFor(tx, { staffId: staff.id, managerId: next.managerId, from: next.validFrom });
  await tx
    .update(staffAssignments)
    .set({ validTo: addDays(change.effectiveFrom, -1) })
    .where(eq(staffAssignments.id, open.id));
  await tx.insert(staffAssignments).values(next);
  if (next.position !== staff.position)
    await tx
      .update(staffMembers)
      .set({ position: next.position, updatedAt: new Date() })
      .where(eq(staffMembers.id, staff.id));
  await mirrorSeat(tx, staff, next);
  return { before: open, after: next };
}

export async function transferStaff(db: Db, ctx: RequestContext, id: string, change: SeatChange) {
  requirePermission(ctx, "staff.manage");
  if (change.departmentId === undefined && change.team === undefined && change.managerId === undefined)
    throw invalid({ managerId: "required" }, "nothing-to-change");
  return db.transaction(async (tx) => {
    const staff = await loadStaffForUpdate(tx, id);
    const moved = await moveSeat(tx, ctx, { staff, change, reason: "transfer" });
    await recordAudit(tx, ctx, { action: "staff.transferred", entityType: "staff", entityId: id, ...moved });
    return moved.after;
  });
}

export async function promoteStaff(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: SeatChange & { rank?: string },
) {
  requirePermission(ctx, "staff.manage");
  if (input.position === undefined && input.rank === undefined)
    throw invalid({ position: "required" }, "nothing-to-change");
  return db.transaction(async (tx) => {
    const staff = await loadStaffForUpdate(tx, id);
    let moved: Awaited<ReturnType<typeof moveSeat>> | null = null;
    if (input.position !== undefined || input.departmentId !== undefined || input.managerId !== undefined)
      moved = await moveSeat(tx, ctx, { staff, change: input, reason: "promotion" });
    const position = input.position ?? staff.position;
    const ranked = (await getSetting(tx, "ranks.positions", input.effectiveFrom)).includes(position);
    if (input.rank !== undefined && !ranked) throw invalid({ rank: "rank-not-on-ladder" });
    // Someone moving onto the ladder without a rank starts on its first step.
    const rank = input.rank ?? (ranked && staff.rank === null ? RANK_KEYS[0] : undefined);
    if (rank !== undefined && rank !== staff.rank) {
      if (staff.status === "left") throw conflict("staff-has-left", { name: staff.name });
      await setRank(tx, ctx, {
        staff,
        rank: rank as RankKey,
        effectiveFrom: input.effectiveFrom,
        reason: "manual",
        note: input.note ?? null,
      });
    }
    await recordAudit(tx, ctx, {
      action: "staff.promoted",
      entityType: "staff",
      entityId: id,
      before: { position: staff.position, rank: staff.rank, seat: moved?.before },
      after: { position, rank: rank ?? staff.rank, seat: moved?.after },
    });
    return { id, position, rank: rank ?? staff.rank };
  });
}

/** A rank change with its history row; the caller writes the audit record. */
export async function setRank(
  tx: Tx,
  ctx: RequestContext,
  change: {
    staff: StaffRow;
    rank: RankKey;
    effectiveFrom: string;
    reason: "review" | "manual";
    proposalId?: string;
    note: string | null;
  },
): Promise<void> {
  await tx.insert(staffRankHistory).values({
    staffId: change.staff.id,
    rank: change.rank,
    previousRank: change.staff.rank,
    effectiveFrom: change.effectiveFrom,
    reason: change.reason,
    proposalId: change.proposalId ?? null,
    note: change.note,
    createdBy: ctx.actor.userId,
    createdByName: ctx.actor.displayName,
  });
  await tx
    .update(staffMembers)
    .set({ rank: change.rank, updatedAt: new Date() })
    .where(eq(staffMembers.id, change.staff.id));
}

/**
 * Leaving closes the seat on the last day; someone with people reporting to them hands them over
 * first. A last day already reached also ends the person's sign-in (a later one: the close of
 * business after it does). Returns the audit entries for the caller to write last.
 */
export async function endEmployment(
  tx: Tx,
  _ctx: RequestContext,
  options: { staff: StaffRow; leftOn: string; reason: LeaveReason | string; note?: string | null },
): Promise<{ after: StaffRow; audits: AuditEntry[] }> {
  const { staff, leftOn } = options;
  if (staff.status === "left") throw conflict("staff-has-left", { name: staff.name });
  if (leftOn < staff.joinedOn) throw beforeJoin(staff, "leftOn");
  const open = (await latestSeat(tx, staff.id)) as AssignmentRow;
  if (leftOn < open.validFrom) throw conflict("assignment-date-order", { from: open.validFrom });
  const reports = await tx
    .select({ name: staffMembers.name })
    .from(staffAssignments)
    .innerJoin(staffMembers, eq(staffMembers.id, staffAssignments.staffId))
    .where(
      and(
        eq(staffAssignments.managerId, staff.id),
        // Anyone still reporting after the last day, including seats already planned to end later.
        or(isNull(staffAssignments.validTo), gt(staffAssignments.validTo, leftOn)),
        sql`${staffMembers.status} <> 'left'`,
      ),
    );
  if (reports.length > 0) throw conflict("has-reports", { name: staff.name, count: reports.length });
  await tx.update(staffAssignments).set({ validTo: leftOn }).where(eq(staffAssignments.id, open.id));
  const [after] = await tx
    .update(staffMembers)
    .set({
      status: "left",
      leftOn,
      leaveReason: options.reason,
      leaveNote: options.note ?? null,
      updatedAt: new Date(),
    })
    .where(eq(staffMembers.id, staff.id))
    .returning();
  const audits: AuditEntry[] = [];
  if (staff.userId && leftOn <= (await businessToday(tx))) {
    const closed = await closeAccountOfLeaver(tx, { userId: staff.userId, leftOn, staffId: staff.id });
    if (closed) audits.push(closed);
  }
  return { after, audits };
}

export async function leaveStaff(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { leftOn: string; reason: LeaveReason; note?: string | null },
) {
  requirePermission(ctx, "staff.manage");
  return db.transaction(async (tx) => {
    const staff = await loadStaffForUpdate(tx, id);
    const { after, audits } = await endEmployment(tx, ctx, { staff, ...input });
    // Leaving during the probation ends it too.
    await tx
      .update(staffProbations)
      .set({ outcome: "failed", outcomeReason: input.reason, outcomeOn: input.leftOn })
      .where(and(eq(staffProbations.staffId, id), isNull(staffProbations.outcome)));
    await recordAudit(tx, ctx, {
      action: "staff.left",
      entityType: "staff",
      entityId: id,
      before: staff,
      after,
    });
    for (const entry of audits) await recordAudit(tx, ctx, entry);
    return after;
  });
}
