// Hiring and onboarding (DOMAIN.md §6): a record, its first seat, its first rank and, for probation
// positions, the probation — one transaction with its audit record.
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import type { RecruitmentChannel, StaffPosition } from "./domain/positions.ts";
import { RANK_KEYS } from "./domain/ranks.ts";
import { type AssignmentRow, assertManagerFor, latestSeat, type StaffRow } from "./org.service.ts";
import { staffAssignments, staffMembers, staffRankHistory } from "./staff.schema.ts";
import {
  assertDepartment,
  loadStaffForUpdate,
  mirrorSeat,
  nextEmployeeNo,
  probationAlreadyOver,
  startProbation,
} from "./staff-store.ts";

export type CreateStaffInput = {
  userId?: string | null;
  name?: string;
  employeeNo?: string;
  position: StaffPosition;
  rank?: string;
  candidate: boolean;
  joinedOn: string;
  departmentId?: number | null;
  team?: string | null;
  managerId?: string | null;
  recruitmentChannel?: RecruitmentChannel | null;
  note?: string | null;
};

export async function createStaff(db: Db, ctx: RequestContext, input: CreateStaffInput) {
  requirePermission(ctx, "staff.manage");
  return db.transaction(async (tx) => {
    let name = input.name?.trim();
    if (input.userId) {
      const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
      if (!user) throw invalid({ userId: "invalid-value" });
      const [taken] = await tx
        .select({ id: staffMembers.id })
        .from(staffMembers)
        .where(eq(staffMembers.userId, user.id));
      if (taken) throw conflict("user-already-staff");
      name = name ?? user.displayName;
    }
    if (!name) throw invalid({ name: "required" });
    const employeeNo = input.employeeNo ?? (await nextEmployeeNo(tx));
    const [numberTaken] = await tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(eq(staffMembers.employeeNo, employeeNo));
    if (numberTaken)
      throw new DomainError({
        code: "employee-no-taken",
        status: 409,
        fields: { employeeNo: "employee-no-taken" },
      });
    await assertDepartment(tx, input.departmentId);
    const ranked = (await getSetting(tx, "ranks.positions", input.joinedOn)).includes(input.position);
    if (input.rank && !ranked) throw invalid({ rank: "rank-not-on-ladder" });
    const onProbation =
      (await getSetting(tx, "staff.probation-positions", input.joinedOn)).includes(input.position) &&
      !(await probationAlreadyOver(tx, input.joinedOn));
    const status = input.candidate ? "candidate" : onProbation ? "probation" : "formal";
    const rank = ranked ? (input.rank ?? RANK_KEYS[0]) : null;
    const [staff] = await tx
      .insert(staffMembers)
      .values({
        userId: input.userId ?? null,
        employeeNo,
        name,
        position: input.position,
        rank,
        status,
        joinedOn: input.joinedOn,
        recruitmentChannel: input.recruitmentChannel ?? null,
      })
      .returning();
    const seat = {
      staffId: staff.id,
      departmentId: input.departmentId ?? null,
      team: input.team ?? null,
      managerId: input.managerId ?? null,
      position: input.position,
      validFrom: input.joinedOn,
      reason: "hire" as const,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    };
    await assertManagerFor(tx, { staffId: staff.id, managerId: seat.managerId, from: seat.validFrom });
    await tx.insert(staffAssignments).values(seat);
    if (status !== "candidate") await joined(tx, ctx, { staff, rank, onProbation });
    await mirrorSeat(tx, staff, seat);
    await recordAudit(tx, ctx, {
      action: "staff.hired",
      entityType: "staff",
      entityId: staff.id,
      after: { ...staff, seat },
    });
    return staff;
  });
}

/** What starting work brings: the first rank and, for probation positions, the probation. */
async function joined(
  tx: Tx,
  ctx: RequestContext,
  options: { staff: StaffRow; rank: string | null; onProbation: boolean },
) {
  const { staff, rank, onProbation } = options;
  if (rank)
    await tx.insert(staffRankHistory).values({
      staffId: staff.id,
      rank,
      effectiveFrom: staff.joinedOn,
      reason: "hire",
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
    });
  if (onProbation) await startProbation(tx, staff);
}

export async function onboardStaff(db: Db, ctx: RequestContext, id: string, input: { joinedOn?: string }) {
  requirePermission(ctx, "staff.manage");
  return db.transaction(async (tx) => {
    const before = await loadStaffForUpdate(tx, id);
    if (before.status !== "candidate") throw conflict("staff-not-candidate");
    const joinedOn = input.joinedOn ?? before.joinedOn;
    const onProbation =
      (await getSetting(tx, "staff.probation-positions", joinedOn)).includes(before.position) &&
      !(await probationAlreadyOver(tx, joinedOn));
    const [staff] = await tx
      .update(staffMembers)
      .set({ status: onProbation ? "probation" : "formal", joinedOn, updatedAt: new Date() })
      .where(eq(staffMembers.id, id))
      .returning();
    // A candidate has exactly one (planned) seat: it starts on the real first day.
    await tx.update(staffAssignments).set({ validFrom: joinedOn }).where(eq(staffAssignments.staffId, id));
    await joined(tx, ctx, { staff, rank: staff.rank, onProbation });
    const seat = (await latestSeat(tx, id)) as AssignmentRow;
    await mirrorSeat(tx, staff, seat);
    await recordAudit(tx, ctx, {
      action: "staff.onboarded",
      entityType: "staff",
      entityId: id,
      before,
      after: staff,
    });
    return staff;
  });
}
