// Settings change by maker–checker: one person proposes (settings.manage), another approves
// (settings.approve) — never the same person. Approval writes the effective-dated row and the audit.
import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { isRealDate } from "../../platform/http/schemas.ts";
import { settingProposals, settings } from "./settings.schema.ts";
import {
  getSetting,
  insertSettingRow,
  isSettingKey,
  SETTING_DEFAULTS,
  type SettingKey,
} from "./settings.service.ts";

// Moved only by the daily batch, never by hand.
const NOT_PROPOSABLE: ReadonlySet<string> = new Set(["business-date"]);

export async function listSettings(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "settings.read");
  const today = todayInChina();
  const history = await db.select().from(settings).orderBy(desc(settings.effectiveFrom), desc(settings.id));
  const items = await Promise.all(
    (Object.keys(SETTING_DEFAULTS) as SettingKey[]).map(async (key) => ({
      key,
      nameZh: SETTING_DEFAULTS[key].zh,
      nameEn: SETTING_DEFAULTS[key].en,
      value: await getSetting(db, key, today),
      defaultValue: SETTING_DEFAULTS[key].default,
      editable: !NOT_PROPOSABLE.has(key),
      history: history
        .filter((h) => h.key === key)
        .slice(0, 20)
        .map((h) => ({
          value: h.value,
          effectiveFrom: h.effectiveFrom,
          note: h.note,
          createdAt: h.createdAt.toISOString(),
        })),
    })),
  );
  const proposals = await db.select().from(settingProposals).orderBy(desc(settingProposals.id)).limit(100);
  return { items, proposals: proposals.map(proposalView) };
}

function proposalView(p: typeof settingProposals.$inferSelect) {
  return { ...p, proposedAt: p.proposedAt.toISOString(), decidedAt: p.decidedAt?.toISOString() ?? null };
}

export async function proposeSetting(
  db: Db,
  ctx: RequestContext,
  input: { key: string; value: unknown; effectiveFrom: string; note?: string | null },
) {
  requirePermission(ctx, "settings.manage");
  if (!isSettingKey(input.key) || NOT_PROPOSABLE.has(input.key)) throw invalid({ key: "invalid-value" });
  if (!isRealDate(input.effectiveFrom)) throw invalid({ effectiveFrom: "invalid-date" });
  // A change takes effect today at the earliest: history is never rewritten.
  if (input.effectiveFrom < todayInChina()) throw invalid({ effectiveFrom: "date-in-past" });
  const parsed = (SETTING_DEFAULTS[input.key].schema as z.ZodType).safeParse(input.value);
  if (!parsed.success) throw invalid({ value: "invalid-value" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(settingProposals)
      .values({
        key: input.key,
        value: parsed.data as object,
        effectiveFrom: input.effectiveFrom,
        note: input.note ?? null,
        proposedBy: ctx.actor.userId as string,
        proposedByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "setting.proposed",
      entityType: "setting",
      entityId: input.key,
      after: { proposalId: row.id, value: parsed.data, effectiveFrom: input.effectiveFrom },
    });
    return proposalView(row);
  });
}

export async function decideProposal(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: { decision: "approve" | "reject"; note?: string | null },
) {
  requirePermission(ctx, "settings.approve");
  return db.transaction(async (tx) => {
    const [proposal] = await tx
      .select()
      .from(settingProposals)
      .where(eq(settingProposals.id, id))
      .for("update");
    if (!proposal) throw notFound("proposal");
    if (proposal.status !== "pending") throw conflict("proposal-decided");
    if (proposal.proposedBy === ctx.actor.userId)
      throw new DomainError({ code: "maker-checker", status: 409 });
    const status = input.decision === "approve" ? "approved" : "rejected";
    const [updated] = await tx
      .update(settingProposals)
      .set({
        status,
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.displayName,
        decidedAt: new Date(),
        decisionNote: input.note ?? null,
      })
      .where(eq(settingProposals.id, id))
      .returning();
    if (status === "approved") {
      const before = await getSetting(tx, proposal.key as SettingKey, proposal.effectiveFrom);
      await insertSettingRow(tx, {
        key: proposal.key as SettingKey,
        value: proposal.value,
        effectiveFrom: proposal.effectiveFrom,
        note: proposal.note,
        createdBy: proposal.proposedBy,
      });
      await recordAudit(tx, ctx, {
        action: "setting.changed",
        entityType: "setting",
        entityId: proposal.key,
        before: { value: before },
        after: {
          value: proposal.value,
          effectiveFrom: proposal.effectiveFrom,
          proposalId: id,
          proposedBy: proposal.proposedByName,
        },
      });
    } else {
      await recordAudit(tx, ctx, {
        action: "setting.proposal-rejected",
        entityType: "setting",
        entityId: proposal.key,
        after: { proposalId: id, note: input.note ?? null },
      });
    }
    return proposalView(updated);
  });
}
