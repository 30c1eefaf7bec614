// Who works a lead. The sales people are the users whose roles carry crm.leads; a group is the
// direct reports of a tele-leader or team manager. New leads without an owner go round-robin within
// a group (domain/lead-assignment.ts), skipping people who are away — account disabled, left the
// company (staff record), or marked away until a date here — and people at their cap of open leads.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { getSetting } from "../settings/settings.service.ts";
import { leadAgents, leadEvents, leads } from "./crm.schema.ts";
import { type AgentSlot, assignRoundRobin } from "./domain/lead-assignment.ts";
import { OPEN_STAGES } from "./domain/lead-rules.ts";
import { loadVisibleLead } from "./lead-view.ts";

export type AgentInfo = {
  userId: string;
  username: string;
  displayName: string;
  managerId: string | null;
  managerName: string | null;
  openLeads: number;
  capacity: number;
  personalCap: number | null;
  away: boolean;
  awayReason: "disabled" | "left" | "away" | null;
  awayUntil: string | null;
  awayNote: string | null;
  lastAssignedAt: string | null;
};

type AgentRow = {
  id: string;
  username: string;
  display_name: string;
  manager_id: string | null;
  manager_name: string | null;
  status: string;
  staff_status: string | null;
  away_until: string | null;
  away_note: string | null;
  max_open_leads: number | null;
  last_assigned_at: string | Date | null;
  open_leads: number;
};

const openStages = sql.join(
  OPEN_STAGES.map((s) => sql`${s}`),
  sql`, `,
);

// Users, their staff record and availability are read together in one statement: the assignment
// needs all of them at once, for a handful of people.
async function agentRows(db: Queryable, filter: ReturnType<typeof sql>): Promise<AgentRow[]> {
  const result = await db.execute(sql`
    select u.id, u.username, u.display_name, u.manager_id, m.display_name as manager_name, u.status,
      s.status as staff_status, to_char(a.away_until, 'YYYY-MM-DD') as away_until, a.away_note,
      a.max_open_leads, a.last_assigned_at,
      (select count(*)::int from crm_leads l
        where l.owner_id = u.id and l.merged_into is null and l.stage in (${openStages})) as open_leads
    from users u
    left join users m on m.id = u.manager_id
    left join staff_members s on s.user_id = u.id
    left join crm_lead_agents a on a.user_id = u.id
    where exists (select 1 from user_roles ur join roles r on r.key = ur.role_key
                  where ur.user_id = u.id and r.permissions @> '["crm.leads"]'::jsonb)
      and ${filter}
    order by m.display_name nulls first, u.display_name`);
  return (result as unknown as { rows: AgentRow[] }).rows;
}

function toAgent(row: AgentRow, defaultCap: number, today: string): AgentInfo {
  const awayReason =
    row.status !== "active"
      ? "disabled"
      : row.staff_status === "left"
        ? "left"
        : row.away_until && row.away_until >= today
          ? "away"
          : null;
  const last = row.last_assigned_at ? new Date(row.last_assigned_at) : null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    managerId: row.manager_id,
    managerName: row.manager_name,
    openLeads: Number(row.open_leads),
    capacity: row.max_open_leads ?? defaultCap,
    personalCap: row.max_open_leads,
    away: awayReason !== null,
    awayReason,
    awayUntil: row.away_until,
    awayNote: row.away_note,
    lastAssignedAt: last?.toISOString() ?? null,
  };
}

async function scopeFilter(db: Queryable, ctx: RequestContext) {
  const visible = await visibleUserIds(db, ctx.actor);
  if (visible === null) return sql`true`;
  if (visible.length === 0) return sql`false`;
  return sql`u.id in (${sql.join(
    visible.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** The sales people in the caller's scope with their load and availability (owner pickers, the rules page). */
export async function listAgents(db: Queryable, ctx: RequestContext): Promise<AgentInfo[]> {
  requirePermission(ctx, "crm.leads");
  const today = todayInChina();
  const cap = await getSetting(db, "crm.max-open-leads", today);
  return (await agentRows(db, await scopeFilter(db, ctx))).map((r) => toAgent(r, cap, today));
}

/** A named owner must be an active sales person in the caller's scope. */
export async function assertAssignable(
  db: Queryable,
  ctx: RequestContext,
  ownerId: string,
  field = "ownerId",
) {
  const [row] = await agentRows(db, sql`u.id = ${ownerId}::uuid`);
  if (row?.status !== "active" || !canSeeOwner(await visibleUserIds(db, ctx.actor), ownerId))
    throw invalid({ [field]: "invalid-owner" });
}

/** Owners for `count` new leads round-robin in a group, remembering who was given one when. */
export async function pickOwners(
  tx: Tx,
  ctx: RequestContext,
  options: { count: number; groupLeaderId: string },
): Promise<string[]> {
  const leaderId = options.groupLeaderId;
  if (!canSeeOwner(await visibleUserIds(tx, ctx.actor), leaderId))
    throw invalid({ groupLeaderId: "invalid-owner" });
  // One assignment per group at a time, so two imports cannot both fill the last free places.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crm-assign:${leaderId}`}))`);
  const today = todayInChina();
  const cap = await getSetting(tx, "crm.max-open-leads", today);
  const members = (await agentRows(tx, sql`u.manager_id = ${leaderId}::uuid`)).map((r) =>
    toAgent(r, cap, today),
  );
  if (members.length === 0) throw conflict("assignment-group-empty");
  const slots: AgentSlot[] = members.map((m) => ({
    userId: m.userId,
    sortKey: m.displayName,
    openLeads: m.openLeads,
    capacity: m.capacity,
    away: m.away,
    lastAssignedAt: m.lastAssignedAt ? Date.parse(m.lastAssignedAt) : null,
  }));
  const result = assignRoundRobin(slots, options.count, Date.now());
  if (!result) throw conflict("assignment-no-capacity", { count: options.count });
  const used = result.slots.filter((s, i) => s.lastAssignedAt !== slots[i].lastAssignedAt);
  for (const slot of used) {
    const at = new Date(slot.lastAssignedAt as number);
    await tx
      .insert(leadAgents)
      .values({ userId: slot.userId, lastAssignedAt: at })
      .onConflictDoUpdate({ target: leadAgents.userId, set: { lastAssignedAt: at } });
  }
  return result.ownerIds;
}

/**
 * Owners for new leads: the named owner; else, for someone who assigns leads (crm.manage), round-robin
 * in the named group or their own; else the caller works the lead themselves.
 */
export async function resolveOwners(
  tx: Tx,
  ctx: RequestContext,
  options: { count: number; ownerId?: string; groupLeaderId?: string },
): Promise<string[]> {
  if (options.ownerId) {
    await assertAssignable(tx, ctx, options.ownerId);
    return Array.from({ length: options.count }, () => options.ownerId as string);
  }
  if (options.groupLeaderId && !can(ctx.actor, "crm.manage")) throw invalid({ groupLeaderId: "forbidden" });
  if (can(ctx.actor, "crm.manage") && (options.groupLeaderId || ctx.actor.userId))
    return pickOwners(tx, ctx, {
      count: options.count,
      groupLeaderId: options.groupLeaderId ?? (ctx.actor.userId as string),
    });
  if (!ctx.actor.userId) throw invalid({ ownerId: "required" });
  return Array.from({ length: options.count }, () => ctx.actor.userId as string);
}

/** Manual reassignment (bulk): to one person, or spread round-robin over a group. */
export async function reassignLeads(
  db: Db,
  ctx: RequestContext,
  input: { leadIds: string[]; ownerId?: string; groupLeaderId?: string; note?: string | null },
): Promise<{ reassigned: number }> {
  requirePermission(ctx, "crm.manage");
  const ids = [...new Set(input.leadIds)];
  return db.transaction(async (tx) => {
    const rows = [];
    for (const id of ids) rows.push(await loadVisibleLead(tx, ctx, id, { lock: true }));
    if (input.ownerId) await assertAssignable(tx, ctx, input.ownerId);
    const owners = input.ownerId
      ? ids.map(() => input.ownerId as string)
      : await pickOwners(tx, ctx, { count: ids.length, groupLeaderId: input.groupLeaderId as string });
    const changes: { leadId: string; from: string | null; to: string }[] = [];
    for (const [i, lead] of rows.entries()) {
      if (lead.ownerId === owners[i]) continue;
      changes.push({ leadId: lead.id, from: lead.ownerId, to: owners[i] });
      await tx.update(leads).set({ ownerId: owners[i], updatedAt: new Date() }).where(eq(leads.id, lead.id));
    }
    if (changes.length)
      await tx.insert(leadEvents).values(
        changes.map((c) => ({
          leadId: c.leadId,
          kind: "assigned" as const,
          fromValue: c.from,
          toValue: c.to,
          ownerId: c.to,
          actorId: ctx.actor.userId,
          actorName: ctx.actor.displayName,
          note: input.note ?? null,
        })),
      );
    await recordAudit(tx, ctx, {
      action: "lead.reassigned",
      entityType: "lead",
      entityId: ids.length === 1 ? ids[0] : null,
      after: { changes, note: input.note ?? null },
    });
    return { reassigned: changes.length };
  });
}

/** Away-until and a personal cap for one sales person in the caller's scope. */
export async function updateAgent(
  db: Db,
  ctx: RequestContext,
  userId: string,
  input: { awayUntil?: string | null; awayNote?: string | null; maxOpenLeads?: number | null },
): Promise<AgentInfo> {
  requirePermission(ctx, "crm.manage");
  await db.transaction(async (tx) => {
    const [row] = await agentRows(tx, sql`u.id = ${userId}::uuid`);
    if (!row || !canSeeOwner(await visibleUserIds(tx, ctx.actor), userId)) throw notFound("user");
    const [before] = await tx.select().from(leadAgents).where(eq(leadAgents.userId, userId));
    const patch = {
      ...(input.awayUntil !== undefined ? { awayUntil: input.awayUntil } : {}),
      ...(input.awayNote !== undefined ? { awayNote: input.awayNote } : {}),
      ...(input.maxOpenLeads !== undefined ? { maxOpenLeads: input.maxOpenLeads } : {}),
      updatedBy: ctx.actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(leadAgents)
      .values({ userId, ...patch })
      .onConflictDoUpdate({ target: leadAgents.userId, set: patch });
    await recordAudit(tx, ctx, {
      action: "lead-agent.updated",
      entityType: "user",
      entityId: userId,
      before: before
        ? { awayUntil: before.awayUntil, awayNote: before.awayNote, maxOpenLeads: before.maxOpenLeads }
        : null,
      after: input,
    });
  });
  const agents = await listAgents(db, ctx);
  const agent = agents.find((a) => a.userId === userId);
  if (!agent) throw new DomainError({ code: "not-found", status: 404, params: { entity: "user" } });
  return agent;
}
