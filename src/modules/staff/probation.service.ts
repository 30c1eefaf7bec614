// The onboarding probation (DOMAIN.md §6): the leader decides, 通关 is passed or not, and the outcome
// follows at once — formal when both hold, left with the reason when the leader refuses or the days
// run out (the close below, which HR runs or the daily routine calls).
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError } from "../../platform/errors.ts";
import { evaluateProbation, type ProbationState } from "./domain/probation.ts";
import { managerLinksOn, type StaffRow, visibleStaffIds } from "./org.service.ts";
import {
  staffMembers,
  staffProbations,
  trainingCourses,
  trainingResults,
  trainingSessions,
} from "./staff.schema.ts";
import { endEmployment } from "./staff-changes.service.ts";
import { businessToday, loadStaffForUpdate } from "./staff-store.ts";

type ProbationRow = typeof staffProbations.$inferSelect;

/** The earlier of two ISO dates (they order as text). */
const earlier = (a: string, b: string) => [a, b].sort()[0];

async function gatePassedOn(db: Queryable, staffId: string): Promise<string[]> {
  const rows = await db
    .select({ heldOn: trainingSessions.heldOn })
    .from(trainingResults)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingResults.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingResults.staffId, staffId),
        eq(trainingCourses.isGate, true),
        eq(trainingResults.passed, true),
      ),
    );
  return rows.map((r) => r.heldOn);
}

async function stateOf(db: Queryable, row: ProbationRow, today: string): Promise<ProbationState> {
  if (row.outcome === "passed") return { state: "passed", on: row.outcomeOn as string };
  if (row.outcome === "failed") return { state: "failed", reason: (row.outcomeReason ?? "expired") as never };
  return evaluateProbation(
    {
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      gatePassedOn: await gatePassedOn(db, row.staffId),
      leaderDecision: row.leaderDecision,
    },
    today,
  );
}

export async function probationView(db: Queryable, row: ProbationRow, today: string) {
  return {
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    leaderDecision: row.leaderDecision,
    leaderName: row.leaderName,
    leaderComment: row.leaderComment,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    outcomeOn: row.outcomeOn,
    ...(await stateOf(db, row, today)),
  };
}

/**
 * Applies the outcome a probation has reached on `today`: formal, or left with the reason (which
 * also ends the trainee's sign-in). Returns the audit entries to write (the caller writes audit
 * records last): none while it is still open.
 */
export async function settleProbation(
  tx: Tx,
  ctx: RequestContext,
  options: { staff: StaffRow; today: string },
): Promise<AuditEntry[]> {
  const { staff, today } = options;
  const [row] = await tx
    .select()
    .from(staffProbations)
    .where(eq(staffProbations.staffId, staff.id))
    .for("update");
  if (!row || row.outcome !== null || staff.status !== "probation") return [];
  const state = await stateOf(tx, row, today);
  if (state.state === "open") return [];
  if (state.state === "passed") {
    await tx
      .update(staffMembers)
      .set({ status: "formal", updatedAt: new Date() })
      .where(eq(staffMembers.id, staff.id));
    await tx
      .update(staffProbations)
      .set({ outcome: "passed", outcomeOn: state.on })
      .where(eq(staffProbations.staffId, staff.id));
    return [{ action: "probation.passed", entityType: "staff", entityId: staff.id, after: { on: state.on } }];
  }
  // Failed: the last day worked is the day of the refusal, or the last probation day.
  const leftOn = state.reason === "leader-rejected" ? earlier(today, row.endsOn) : row.endsOn;
  const { audits } = await endEmployment(tx, ctx, {
    staff,
    leftOn,
    reason: "probation-failed",
    note: state.reason,
  });
  await tx
    .update(staffProbations)
    .set({ outcome: "failed", outcomeReason: state.reason, outcomeOn: leftOn })
    .where(eq(staffProbations.staffId, staff.id));
  return [
    {
      action: "probation.failed",
      entityType: "staff",
      entityId: staff.id,
      after: { reason: state.reason, leftOn },
    },
    ...audits,
  ];
}

async function staffIdOfUser(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(eq(staffMembers.userId, userId));
  return row?.id ?? null;
}

/** The leader (or anyone above them) approves or refuses; the outcome follows at once. */
export async function decideProbation(
  db: Db,
  ctx: RequestContext,
  staffId: string,
  input: { decision: "approve" | "reject"; comment?: string | null },
) {
  requirePermission(ctx, "probation.approve");
  const today = await businessToday(db);
  return db.transaction(async (tx) => {
    const staff = await loadStaffForUpdate(tx, staffId);
    const [row] = await tx.select().from(staffProbations).where(eq(staffProbations.staffId, staffId));
    if (!row || row.outcome !== null || staff.status !== "probation")
      throw conflict("not-on-probation", { name: staff.name });
    const leaderId = await staffIdOfUser(tx, ctx.actor.userId);
    const links = await managerLinksOn(tx, earlier(today, row.endsOn));
    const chain: string[] = [];
    for (let at = links.get(staffId) ?? null; at !== null && !chain.includes(at); at = links.get(at) ?? null)
      chain.push(at);
    if (leaderId === null || !chain.includes(leaderId))
      throw new DomainError({ code: "not-the-leader", status: 403 });
    if (row.leaderDecision !== null) throw conflict("probation-decided");
    if (today > row.endsOn) throw conflict("probation-ended", { endsOn: row.endsOn });
    const decision = input.decision === "approve" ? "approved" : "rejected";
    await tx
      .update(staffProbations)
      .set({
        leaderDecision: decision,
        leaderId: ctx.actor.userId,
        leaderName: ctx.actor.displayName,
        leaderComment: input.comment ?? null,
        decidedAt: new Date(),
      })
      .where(eq(staffProbations.staffId, staffId));
    const outcomes = await settleProbation(tx, ctx, { staff, today });
    await recordAudit(tx, ctx, {
      action: "probation.decided",
      entityType: "staff",
      entityId: staffId,
      after: { decision, comment: input.comment ?? null },
    });
    for (const entry of outcomes) await recordAudit(tx, ctx, entry);
    const [after] = await tx.select().from(staffProbations).where(eq(staffProbations.staffId, staffId));
    return probationView(tx, after, today);
  });
}

/** Probations still open (or all with `all`), in the caller's scope, with what each still needs. */
export async function probationBoard(db: Queryable, ctx: RequestContext, options: { all: boolean }) {
  requirePermission(ctx, "staff.read");
  const today = await businessToday(db);
  const visible = await visibleStaffIds(db, ctx, today);
  const rows = await db
    .select({ probation: staffProbations, staff: staffMembers })
    .from(staffProbations)
    .innerJoin(staffMembers, eq(staffMembers.id, staffProbations.staffId))
    .where(options.all ? undefined : isNull(staffProbations.outcome))
    .orderBy(asc(staffProbations.endsOn), asc(staffMembers.employeeNo));
  const shown = rows.filter((r) => visible === null || visible.has(r.staff.id));
  const links = await managerLinksOn(db, today);
  const names = new Map(
    (await db.select({ id: staffMembers.id, name: staffMembers.name }).from(staffMembers)).map((r) => [
      r.id,
      r.name,
    ]),
  );
  const items = await Promise.all(
    shown.map(async ({ probation, staff }) => {
      const leader = links.get(staff.id) ?? null;
      return {
        staffId: staff.id,
        employeeNo: staff.employeeNo,
        name: staff.name,
        position: staff.position,
        status: staff.status,
        ...(await probationView(db, probation, today)),
        leaderId: leader,
        leaderName: leader ? (names.get(leader) ?? null) : null,
        decidedByName: probation.leaderName,
      };
    }),
  );
  return { today, items };
}

/** The open probations whose last day is before `date`. */
async function probationsDue(tx: Tx, date: string): Promise<string[]> {
  const due = await tx
    .select({ staffId: staffProbations.staffId })
    .from(staffProbations)
    .where(and(isNull(staffProbations.outcome), lt(staffProbations.endsOn, date)));
  return due.map((r) => r.staffId);
}

const closedView = (entries: AuditEntry[]) =>
  entries
    .filter((e) => e.action.startsWith("probation."))
    .map((e) => ({ staffId: e.entityId, outcome: e.action, detail: e.after }));

/** Fails every open probation whose last day is before `date` (HR's daily close of onboarding). */
export async function closeProbations(db: Db, ctx: RequestContext, options: { date?: string }) {
  requirePermission(ctx, "staff.manage");
  const date = options.date ?? (await businessToday(db));
  return db.transaction(async (tx) => {
    const entries: AuditEntry[] = [];
    for (const staffId of await probationsDue(tx, date)) {
      const staff = await loadStaffForUpdate(tx, staffId);
      entries.push(...(await settleProbation(tx, ctx, { staff, today: date })));
    }
    for (const entry of entries) await recordAudit(tx, ctx, entry);
    return { date, closed: closedView(entries) };
  });
}

/**
 * The same close, run by the close of business for each date it closes, inside its transaction.
 * Each probation settles under its own savepoint: one that cannot end (say, the trainee has come
 * to lead someone) is left open for HR instead of stopping the day's close for every loan.
 */
export async function failExpiredProbations(
  tx: Tx,
  ctx: RequestContext,
  date: string,
): Promise<{ entries: AuditEntry[]; skipped: { staffId: string; error: string }[] }> {
  const entries: AuditEntry[] = [];
  const skipped: { staffId: string; error: string }[] = [];
  for (const staffId of await probationsDue(tx, date)) {
    try {
      const settled = await tx.transaction(async (sp) =>
        settleProbation(sp, ctx, { staff: await loadStaffForUpdate(sp, staffId), today: date }),
      );
      entries.push(...settled);
    } catch (error) {
      skipped.push({ staffId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { entries, skipped };
}
