// Training (培训流程: 企业文化, 销售流程, 销售技巧, 产品介绍, 通关训练): sessions, attendance and exam
// scores. A passed 通关 exam may complete a probation, so recording one settles it in the same step.
import { and, asc, eq, gte, inArray, lte, type SQL } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError, invalid, notFound } from "../../platform/errors.ts";
import { settleProbation } from "./probation.service.ts";
import { staffMembers, trainingCourses, trainingResults, trainingSessions } from "./staff.schema.ts";
import { businessToday, loadStaffForUpdate } from "./staff-store.ts";

export async function listCourses(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "staff.read");
  return db.select().from(trainingCourses).orderBy(asc(trainingCourses.sortOrder));
}

export async function createSession(
  db: Db,
  ctx: RequestContext,
  input: {
    courseId: string;
    heldOn: string;
    trainer?: string | null;
    location?: string | null;
    note?: string | null;
  },
) {
  requirePermission(ctx, "staff.manage");
  return db.transaction(async (tx) => {
    const [course] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, input.courseId));
    if (!course?.active) throw invalid({ courseId: "invalid-value" });
    const [session] = await tx
      .insert(trainingSessions)
      .values({
        courseId: course.id,
        heldOn: input.heldOn,
        trainer: input.trainer ?? null,
        location: input.location ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "training.session-created",
      entityType: "training-session",
      entityId: session.id,
      after: { ...session, course: course.code },
    });
    return { ...session, course: course.code, courseName: course.nameZh };
  });
}

export async function listSessions(
  db: Queryable,
  ctx: RequestContext,
  query: { from?: string; to?: string; courseId?: string },
) {
  requirePermission(ctx, "staff.read");
  const conditions: SQL[] = [];
  if (query.from) conditions.push(gte(trainingSessions.heldOn, query.from));
  if (query.to) conditions.push(lte(trainingSessions.heldOn, query.to));
  if (query.courseId) conditions.push(eq(trainingSessions.courseId, query.courseId));
  const rows = await db
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(...conditions))
    .orderBy(asc(trainingSessions.heldOn), asc(trainingCourses.sortOrder));
  return {
    items: rows.map(({ session, course }) => ({
      ...session,
      course: course.code,
      courseName: course.nameZh,
    })),
  };
}

export async function getSession(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "staff.read");
  const [row] = await db
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingSessions.id, id));
  if (!row) throw notFound("training session");
  const results = await db
    .select({ result: trainingResults, name: staffMembers.name, employeeNo: staffMembers.employeeNo })
    .from(trainingResults)
    .innerJoin(staffMembers, eq(staffMembers.id, trainingResults.staffId))
    .where(eq(trainingResults.sessionId, id))
    .orderBy(asc(staffMembers.employeeNo));
  return {
    ...row.session,
    course: row.course.code,
    courseName: row.course.nameZh,
    isGate: row.course.isGate,
    passScore: row.course.passScore,
    results: results.map(({ result, name, employeeNo }) => ({ ...result, name, employeeNo })),
  };
}

export type ResultInput = { staffId: string; attended: boolean; score?: number | null };

/** Attendance and scores for a session; a second entry for the same person replaces the first. */
export async function recordResults(db: Db, ctx: RequestContext, sessionId: string, results: ResultInput[]) {
  requirePermission(ctx, "staff.manage");
  const [row] = await db
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingSessions.id, sessionId));
  if (!row) throw notFound("training session");
  const { course, session } = row;
  const fields: Record<string, string> = {};
  results.forEach((r, i) => {
    if (course.passScore !== null && r.attended && (r.score === undefined || r.score === null))
      fields[`results.${i}.score`] = "score-required";
  });
  if (Object.keys(fields).length) throw invalid(fields);
  const ids = [...new Set(results.map((r) => r.staffId))];
  if (ids.length !== results.length) throw invalid({ results: "invalid-value" });
  return db.transaction(async (tx) => {
    const people = await tx.select().from(staffMembers).where(inArray(staffMembers.id, ids));
    if (
      people.length !== ids.length ||
      people.some((p) => p.status === "candidate" || p.joinedOn > session.heldOn)
    )
      throw new DomainError({ code: "validation-failed", fields: { results: "invalid-value" } });
    const rows = results.map((r) => {
      const score = r.attended ? (r.score ?? null) : null;
      const passed = r.attended && (course.passScore === null || (score ?? 0) >= course.passScore);
      return {
        sessionId,
        staffId: r.staffId,
        attended: r.attended,
        score,
        passed,
        recordedBy: ctx.actor.userId,
      };
    });
    for (const r of rows)
      await tx
        .insert(trainingResults)
        .values(r)
        .onConflictDoUpdate({
          target: [trainingResults.sessionId, trainingResults.staffId],
          set: {
            attended: r.attended,
            score: r.score,
            passed: r.passed,
            recordedBy: r.recordedBy,
            recordedAt: new Date(),
          },
        });
    const outcomes: AuditEntry[] = [];
    if (course.isGate) {
      const today = await businessToday(tx);
      for (const id of ids) {
        const staff = await loadStaffForUpdate(tx, id);
        outcomes.push(...(await settleProbation(tx, ctx, { staff, today })));
      }
    }
    await recordAudit(tx, ctx, {
      action: "training.results-recorded",
      entityType: "training-session",
      entityId: sessionId,
      after: { course: course.code, results: rows.map(({ recordedBy: _r, ...rest }) => rest) },
    });
    for (const entry of outcomes) await recordAudit(tx, ctx, entry);
    return {
      sessionId,
      recorded: rows.length,
      probationOutcomes: outcomes
        .filter((o) => o.action.startsWith("probation."))
        .map((o) => ({ staffId: o.entityId, outcome: o.action })),
    };
  });
}
