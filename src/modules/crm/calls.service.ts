// Calls logged from a lead's page (outcome, talk seconds, note, next step, next follow-up) and the
// call records list. A call's flags are fixed when it is written: connected from the outcome,
// effective against the threshold setting in force on the call's date (DOMAIN.md §6).
import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import { findOutcome } from "./call-outcomes.service.ts";
import type { ListCallsQuery, LogCallInput } from "./calls.contracts.ts";
import { callOutcomes, calls, leads } from "./crm.schema.ts";
import { chinaDate, judgeCall } from "./domain/call-rules.ts";
import { reachesIntent, stageAfterCall } from "./domain/lead-rules.ts";
import { addLeadEvents, hasIntentEvent, type LeadEventInput } from "./lead-events.ts";
import { type LeadView, leadView, loadVisibleLead } from "./lead-view.ts";

export type CallView = {
  id: string;
  leadId: string | null;
  leadName: string | null;
  agentId: string;
  agentName: string | null;
  direction: string;
  caller: string | null;
  callee: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  outcomeCode: string | null;
  outcomeZh: string | null;
  outcomeEn: string | null;
  vendorResult: string | null;
  connected: boolean;
  effective: boolean;
  intent: boolean;
  appointment: boolean;
  note: string | null;
  nextStep: string | null;
  recordingUrl: string | null;
  vendor: string | null;
  vendorCallId: string | null;
  importId: string | null;
};

/** The effective-call threshold in force on a date (China time), memoised per date for imports. */
export function thresholdReader(db: Queryable): (date: string) => Promise<number> {
  const cache = new Map<string, Promise<number>>();
  return (date) => {
    let value = cache.get(date);
    if (!value) {
      value = getSetting(db, "crm.effective-call-seconds", date);
      cache.set(date, value);
    }
    return value;
  };
}

const FUTURE_SLACK_MS = 5 * 60_000;

export async function logCall(
  db: Db,
  ctx: RequestContext,
  leadId: string,
  input: LogCallInput,
): Promise<{ call: CallView; lead: LeadView }> {
  requirePermission(ctx, "crm.calls");
  if (!ctx.actor.userId) throw invalid({ agentId: "required" });
  const startedAt = input.startedAt ? new Date(input.startedAt) : new Date();
  if (startedAt.getTime() > Date.now() + FUTURE_SLACK_MS) throw invalid({ startedAt: "call-in-future" });
  const callId = await db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, ctx, leadId, { lock: true });
    const outcome = await findOutcome(tx, input.outcomeCode);
    if (!outcome?.active) throw invalid({ outcomeCode: "unknown-outcome" });
    if (lead.doNotCall) throw conflict("lead-do-not-call");
    const threshold = await getSetting(tx, "crm.effective-call-seconds", chinaDate(startedAt));
    const judged = judgeCall({
      connected: outcome.connected,
      talkSeconds: input.talkSeconds,
      thresholdSeconds: threshold,
      outcomeAllowsEffective: outcome.effective,
    });
    const [call] = await tx
      .insert(calls)
      .values({
        leadId: lead.id,
        customerId: lead.customerId,
        agentId: ctx.actor.userId as string,
        direction: "outbound",
        calleeMasked: lead.phoneMasked,
        counterpartIndex: lead.phoneIndex,
        startedAt,
        talkSeconds: input.talkSeconds,
        outcomeCode: outcome.code,
        connected: judged.connected,
        effective: judged.effective,
        intent: outcome.intent,
        appointment: outcome.appointment,
        note: input.note ?? null,
        nextStep: input.nextStep ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: calls.id });

    const owner = lead.ownerId;
    const events: LeadEventInput[] = [];
    const patch: Partial<typeof leads.$inferInsert> = { updatedAt: new Date() };
    if (!lead.lastContactAt || lead.lastContactAt < startedAt) patch.lastContactAt = startedAt;
    const stage = stageAfterCall(lead.stage, outcome);
    if (stage !== lead.stage) {
      Object.assign(patch, { stage, stageChangedAt: new Date() });
      events.push({
        leadId,
        kind: "stage",
        fromValue: lead.stage,
        toValue: stage,
        ownerId: owner,
        note: outcome.nameZh,
      });
    }
    if (reachesIntent(stage) && !(await hasIntentEvent(tx, leadId)))
      events.push({ leadId, kind: "intent", toValue: stage, ownerId: owner });
    // An intent outcome without a level given gets B, the middle one, so the lead shows in A/B/C filters.
    const level = input.intentLevel ?? (outcome.intent && !lead.intentLevel ? "B" : undefined);
    if (level && level !== lead.intentLevel) {
      patch.intentLevel = level;
      events.push({
        leadId,
        kind: "intent-level",
        fromValue: lead.intentLevel,
        toValue: level,
        ownerId: owner,
      });
    }
    if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn !== lead.nextFollowUpOn) {
      patch.nextFollowUpOn = input.nextFollowUpOn;
      events.push({
        leadId,
        kind: "follow-up",
        fromValue: lead.nextFollowUpOn,
        toValue: input.nextFollowUpOn,
        ownerId: owner,
      });
    }
    if (outcome.doNotCall && !lead.doNotCall) {
      patch.doNotCall = true;
      events.push({
        leadId,
        kind: "do-not-call",
        fromValue: "false",
        toValue: "true",
        ownerId: owner,
        note: outcome.nameZh,
      });
    }
    await tx.update(leads).set(patch).where(eq(leads.id, leadId));
    await addLeadEvents(tx, ctx, events);
    await recordAudit(tx, ctx, {
      action: "call.logged",
      entityType: "lead",
      entityId: leadId,
      after: { callId: call.id, outcome: outcome.code, talkSeconds: input.talkSeconds, ...judged, stage },
    });
    return call.id;
  });
  const [call] = await selectCalls(db, eq(calls.id, callId));
  return { call, lead: await leadView(db, leadId) };
}

function selectCalls(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      call: calls,
      leadName: leads.name,
      agentName: users.displayName,
      outcomeZh: callOutcomes.nameZh,
      outcomeEn: callOutcomes.nameEn,
    })
    .from(calls)
    .leftJoin(leads, eq(leads.id, calls.leadId))
    .leftJoin(users, eq(users.id, calls.agentId))
    .leftJoin(callOutcomes, eq(callOutcomes.code, calls.outcomeCode))
    .where(where)
    .then((rows) =>
      rows.map(({ call: c, ...names }) => ({
        id: c.id,
        leadId: c.leadId,
        leadName: names.leadName,
        agentId: c.agentId,
        agentName: names.agentName,
        direction: c.direction,
        caller: c.callerMasked,
        callee: c.calleeMasked,
        startedAt: c.startedAt.toISOString(),
        answeredAt: c.answeredAt?.toISOString() ?? null,
        endedAt: c.endedAt?.toISOString() ?? null,
        talkSeconds: c.talkSeconds,
        outcomeCode: c.outcomeCode,
        outcomeZh: names.outcomeZh,
        outcomeEn: names.outcomeEn,
        vendorResult: c.vendorResult,
        connected: c.connected,
        effective: c.effective,
        intent: c.intent,
        appointment: c.appointment,
        note: c.note,
        nextStep: c.nextStep,
        recordingUrl: c.recordingUrl,
        vendor: c.vendor,
        vendorCallId: c.vendorCallId,
        importId: c.importId,
      })),
    );
}

/** Midnight China time of a date, as an instant. */
const chinaMidnight = (date: string, plusDays = 0) =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000);

export type CallList = {
  items: CallView[];
  total: number;
  summary: { calls: number; connected: number; effective: number; talkSeconds: number };
};

export async function listCalls(
  db: Queryable,
  ctx: RequestContext,
  query: ListCallsQuery,
): Promise<CallList> {
  requirePermission(ctx, "crm.calls");
  const visible = await visibleUserIds(db, ctx.actor);
  const conditions: (SQL | undefined)[] = [];
  if (visible !== null)
    conditions.push(
      inArray(calls.agentId, visible.length ? visible : ["00000000-0000-0000-0000-000000000000"]),
    );
  if (query.agentId) conditions.push(eq(calls.agentId, query.agentId));
  if (query.leadId) conditions.push(eq(calls.leadId, query.leadId));
  if (query.importId) conditions.push(eq(calls.importId, query.importId));
  if (query.from) conditions.push(gte(calls.startedAt, chinaMidnight(query.from)));
  if (query.to) conditions.push(lt(calls.startedAt, chinaMidnight(query.to, 1)));
  if (query.outcome) conditions.push(eq(calls.outcomeCode, query.outcome));
  if (query.connected !== undefined) conditions.push(eq(calls.connected, query.connected));
  if (query.effective !== undefined) conditions.push(eq(calls.effective, query.effective));
  if (query.origin)
    conditions.push(query.origin === "import" ? isNotNull(calls.importId) : isNull(calls.importId));
  const where = and(...conditions);
  const [totals] = await db
    .select({
      calls: count(),
      connected: sql<number>`count(*) filter (where ${calls.connected})::int`,
      effective: sql<number>`count(*) filter (where ${calls.effective})::int`,
      talkSeconds: sql<number>`coalesce(sum(${calls.talkSeconds}), 0)::bigint`,
    })
    .from(calls)
    .where(where);
  const ids = await db
    .select({ id: calls.id })
    .from(calls)
    .where(where)
    .orderBy(desc(calls.startedAt), desc(calls.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items = ids.length
    ? (
        await selectCalls(
          db,
          inArray(
            calls.id,
            ids.map((r) => r.id),
          ),
        )
      ).sort((a, b) =>
        a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1,
      )
    : [];
  return {
    items,
    total: totals.calls,
    summary: {
      calls: totals.calls,
      connected: Number(totals.connected),
      effective: Number(totals.effective),
      talkSeconds: Number(totals.talkSeconds),
    },
  };
}
