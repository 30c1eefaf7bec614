// Call outcomes are configuration: each has flags deciding what a call with it counts as (connected,
// may be effective, intent, appointment, do-not-call). An outcome in use is retired (active = false),
// never deleted, so old calls keep their meaning.
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import type { OutcomeInput, OutcomePatch } from "./calls.contracts.ts";
import { callOutcomes } from "./crm.schema.ts";

export type OutcomeView = Omit<typeof callOutcomes.$inferSelect, "updatedAt">;

const toView = ({ updatedAt: _u, ...rest }: typeof callOutcomes.$inferSelect): OutcomeView => rest;

type Flags = Pick<OutcomeView, "connected" | "effective" | "intent" | "appointment" | "doNotCall">;
const flags = (connected: boolean, effective: boolean, more: Partial<Flags> = {}): Flags => ({
  connected,
  effective,
  intent: false,
  appointment: false,
  doNotCall: false,
  ...more,
});

/** The usual outcomes of a Chinese telemarketing floor, loaded by the demo and on request. */
export const STANDARD_OUTCOMES: Omit<OutcomeView, "active">[] = [
  { code: "no-answer", nameZh: "未接通", nameEn: "No answer", sortOrder: 10, ...flags(false, false) },
  { code: "busy", nameZh: "占线/忙", nameEn: "Busy", sortOrder: 20, ...flags(false, false) },
  { code: "rejected", nameZh: "拒接", nameEn: "Rejected", sortOrder: 30, ...flags(false, false) },
  {
    code: "empty-number",
    nameZh: "空号/停机",
    nameEn: "Number not in service",
    sortOrder: 40,
    ...flags(false, false),
  },
  {
    code: "no-interest",
    nameZh: "已接通-无意向",
    nameEn: "Connected, no interest",
    sortOrder: 50,
    ...flags(true, true),
  },
  { code: "callback", nameZh: "回访/再联系", nameEn: "Call back later", sortOrder: 60, ...flags(true, true) },
  {
    code: "intent",
    nameZh: "有意向",
    nameEn: "Interested",
    sortOrder: 70,
    ...flags(true, true, { intent: true }),
  },
  {
    code: "appointment",
    nameZh: "约见成功",
    nameEn: "Appointment made",
    sortOrder: 80,
    ...flags(true, true, { intent: true, appointment: true }),
  },
  { code: "wrong-person", nameZh: "非本人", nameEn: "Wrong person", sortOrder: 90, ...flags(true, false) },
  {
    code: "do-not-call",
    nameZh: "要求勿扰",
    nameEn: "Do not call",
    sortOrder: 100,
    ...flags(true, false, { doNotCall: true }),
  },
];

export async function listOutcomes(db: Queryable, ctx: RequestContext): Promise<OutcomeView[]> {
  requirePermission(ctx, "crm.calls");
  const rows = await db
    .select()
    .from(callOutcomes)
    .orderBy(asc(callOutcomes.sortOrder), asc(callOutcomes.code));
  return rows.map(toView);
}

export async function findOutcome(db: Queryable, code: string): Promise<OutcomeView | null> {
  const [row] = await db.select().from(callOutcomes).where(eq(callOutcomes.code, code));
  return row ? toView(row) : null;
}

export async function createOutcome(db: Db, ctx: RequestContext, input: OutcomeInput): Promise<OutcomeView> {
  requirePermission(ctx, "crm.manage");
  return db.transaction(async (tx) => {
    if (await findOutcome(tx, input.code)) throw conflict("outcome-exists", { code: input.code });
    const [row] = await tx.insert(callOutcomes).values(input).returning();
    await recordAudit(tx, ctx, {
      action: "call-outcome.created",
      entityType: "call-outcome",
      entityId: input.code,
      after: input,
    });
    return toView(row);
  });
}

export async function updateOutcome(
  db: Db,
  ctx: RequestContext,
  code: string,
  input: OutcomePatch,
): Promise<OutcomeView> {
  requirePermission(ctx, "crm.manage");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(callOutcomes).where(eq(callOutcomes.code, code)).for("update");
    if (!before) throw notFound("outcome");
    const [row] = await tx
      .update(callOutcomes)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(callOutcomes.code, code))
      .returning();
    await recordAudit(tx, ctx, {
      action: "call-outcome.updated",
      entityType: "call-outcome",
      entityId: code,
      before: toView(before),
      after: toView(row),
    });
    return toView(row);
  });
}

/** Adds the standard outcomes that are missing (by code); existing ones are left as configured. */
export async function loadStandardOutcomes(db: Db, ctx: RequestContext): Promise<{ added: number }> {
  requirePermission(ctx, "crm.manage");
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(callOutcomes)
      .values(STANDARD_OUTCOMES.map((o) => ({ ...o, active: true })))
      .onConflictDoNothing()
      .returning({ code: callOutcomes.code });
    await recordAudit(tx, ctx, {
      action: "call-outcome.standard-loaded",
      entityType: "call-outcome",
      after: { added: added.map((a) => a.code) },
    });
    return { added: added.length };
  });
}
