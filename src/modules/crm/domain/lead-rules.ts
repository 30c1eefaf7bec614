// The rules of a lead's life, as data and pure functions: where it came from and what that source
// needs, the stages it moves through, and what a call's outcome does to it. No I/O.
import type { IntentLevel, LeadSource, LeadStage } from "../crm.schema.ts";

export const LEAD_SOURCES = [
  "online",
  "partner",
  "referral",
  "event",
  "telemarketing-list",
  "walk-in",
] as const satisfies readonly LeadSource[];

export const SOURCE_NAMES: Record<LeadSource, { zh: string; en: string }> = {
  online: { zh: "网络", en: "Online" },
  partner: { zh: "合作推广", en: "Partner" },
  referral: { zh: "转介绍", en: "Referral" },
  event: { zh: "活动", en: "Event" },
  "telemarketing-list": { zh: "电销名单", en: "Telemarketing list" },
  "walk-in": { zh: "到店", en: "Walk-in" },
};

export const LEAD_STAGES = [
  "new",
  "contacted",
  "intent",
  "appointment",
  "applied",
  "disbursed",
  "invalid",
] as const satisfies readonly LeadStage[];

/** Stages a person still works; "open leads" for capacity are the leads in these. */
export const OPEN_STAGES = [
  "new",
  "contacted",
  "intent",
  "appointment",
] as const satisfies readonly LeadStage[];
export const INTENT_LEVELS = ["A", "B", "C"] as const satisfies readonly IntentLevel[];

/** Why a lead is 无效: a reason code, so the floor can count them. */
export const INVALID_REASONS = [
  "wrong-number",
  "unreachable",
  "no-need",
  "not-qualified",
  "student",
  "duplicate",
  "do-not-call",
  "other",
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

const ORDER: Record<LeadStage, number> = {
  new: 0,
  contacted: 1,
  intent: 2,
  appointment: 3,
  applied: 4,
  disbursed: 5,
  invalid: -1,
};

export function isOpenStage(stage: LeadStage): boolean {
  return (OPEN_STAGES as readonly string[]).includes(stage);
}

/** 转介绍 names its referrer, 活动 its campaign; field → message code for what is missing. */
export function sourceRequirements(input: {
  source: LeadSource;
  referrer?: string | null;
  campaignId?: string | null;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.source === "referral" && !input.referrer?.trim()) errors.referrer = "referrer-required";
  if (input.source === "event" && !input.campaignId) errors.campaignId = "campaign-required";
  return errors;
}

export type StageMove = { ok: true } | { ok: false; code: "stage-unchanged" | "stage-move-not-allowed" };

/**
 * Moves a person may make by hand (the kanban): freely among the open stages, to 无效 from any open
 * stage, back from 无效 to an open stage, and 已申请 → 已放款. 已申请 itself is reached only by
 * converting the lead (which creates the application).
 */
export function checkStageMove(from: LeadStage, to: LeadStage): StageMove {
  if (from === to) return { ok: false, code: "stage-unchanged" };
  if (isOpenStage(from) && (isOpenStage(to) || to === "invalid")) return { ok: true };
  if (from === "invalid" && isOpenStage(to)) return { ok: true };
  if (from === "applied" && to === "disbursed") return { ok: true };
  return { ok: false, code: "stage-move-not-allowed" };
}

export type CallFlags = { connected: boolean; intent: boolean; appointment: boolean };

/**
 * Where a call leaves an open lead: a connected call makes a new lead contacted, an intent outcome
 * makes it an intent customer, an appointment outcome an appointment. Calls never move a lead back.
 */
export function stageAfterCall(current: LeadStage, flags: CallFlags): LeadStage {
  if (!isOpenStage(current)) return current;
  const target: LeadStage = flags.appointment
    ? "appointment"
    : flags.intent
      ? "intent"
      : flags.connected
        ? "contacted"
        : current;
  return ORDER[target] > ORDER[current] ? target : current;
}

/** Intent (有意向) or further along: the lead counts as an intent customer from then on. */
export function reachesIntent(stage: LeadStage): boolean {
  return stage === "intent" || stage === "appointment";
}
