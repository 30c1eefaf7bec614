// Marketing campaigns (活动): what a 活动 lead came from, with its cost, so the funnel report can put
// cost against leads, applications and disbursements. Everyone working leads reads them; people
// who assign leads (crm.manage) keep them.
import { asc, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, invalid, notFound } from "../../platform/errors.ts";
import { formatAmount, parseAmount } from "../../platform/money.ts";
import { campaigns } from "./crm.schema.ts";
import type { CampaignInput, CampaignPatch } from "./leads.contracts.ts";

type CampaignRow = typeof campaigns.$inferSelect;

export type CampaignView = {
  id: string;
  name: string;
  channel: string;
  startsOn: string;
  endsOn: string | null;
  cost: string;
  notes: string | null;
  leads: number;
  createdAt: string;
};

function toView(row: CampaignRow, leadCount: number): CampaignView {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    cost: formatAmount(Number(row.costFen)),
    notes: row.notes,
    leads: leadCount,
    createdAt: row.createdAt.toISOString(),
  };
}

// Spelled out in SQL: inside the subquery an unqualified "id" would be the lead's own.
const leadCount = sql<number>`(select count(*)::int from crm_leads l where l.campaign_id = crm_campaigns.id and l.merged_into is null)`;

export async function listCampaigns(db: Queryable, ctx: RequestContext): Promise<CampaignView[]> {
  requirePermission(ctx, "crm.leads");
  const rows = await db
    .select({ row: campaigns, leads: leadCount })
    .from(campaigns)
    .orderBy(desc(campaigns.startsOn), asc(campaigns.name));
  return rows.map((r) => toView(r.row, Number(r.leads)));
}

/** A 活动 lead's campaign must exist; 400 naming the field otherwise. */
export async function assertCampaign(db: Queryable, id: string, field = "campaignId"): Promise<void> {
  const [row] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw invalid({ [field]: "unknown-campaign" });
}

/** Campaign ids by exact name, for imports that name the campaign in a column. */
export async function campaignIdsByName(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns);
  return new Map(rows.map((r) => [r.name.trim(), r.id]));
}

function checkDates(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) throw invalid({ endsOn: "end-before-start" });
}

export async function createCampaign(
  db: Db,
  ctx: RequestContext,
  input: CampaignInput,
): Promise<CampaignView> {
  requirePermission(ctx, "crm.manage");
  checkDates(input.startsOn, input.endsOn);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        name: input.name,
        channel: input.channel,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        costFen: parseAmount(input.cost) ?? 0,
        notes: input.notes ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const view = toView(row, 0);
    await recordAudit(tx, ctx, {
      action: "campaign.created",
      entityType: "campaign",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

export async function updateCampaign(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: CampaignPatch,
): Promise<CampaignView> {
  requirePermission(ctx, "crm.manage");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!before) throw notFound("campaign");
    const startsOn = input.startsOn ?? before.startsOn;
    const endsOn = input.endsOn === undefined ? before.endsOn : input.endsOn;
    checkDates(startsOn, endsOn);
    const [row] = await tx
      .update(campaigns)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.channel !== undefined ? { channel: input.channel } : {}),
        startsOn,
        endsOn,
        ...(input.cost !== undefined ? { costFen: parseAmount(input.cost) ?? 0 } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updatedAt: new Date(),
      })
      .where(eq(campaigns.id, id))
      .returning();
    const [{ n }] = await tx.select({ n: leadCount }).from(campaigns).where(eq(campaigns.id, id));
    const view = toView(row, Number(n));
    await recordAudit(tx, ctx, {
      action: "campaign.updated",
      entityType: "campaign",
      entityId: id,
      before: toView(before, 0),
      after: view,
    });
    return view;
  });
}

/** Only a campaign no lead points at may be deleted; otherwise end it (ends_on). */
export async function deleteCampaign(db: Db, ctx: RequestContext, id: string): Promise<void> {
  requirePermission(ctx, "crm.manage");
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
    if (!row) throw notFound("campaign");
    const result = await tx.execute(sql`select count(*)::int as n from crm_leads where campaign_id = ${id}`);
    const used = (result as unknown as { rows: { n: number }[] }).rows[0].n;
    if (used > 0) throw conflict("campaign-in-use", { count: used });
    await tx.delete(campaigns).where(eq(campaigns.id, id));
    await recordAudit(tx, ctx, {
      action: "campaign.deleted",
      entityType: "campaign",
      entityId: id,
      before: toView(row, 0),
    });
  });
}
