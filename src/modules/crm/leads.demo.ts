// The demo company's sales pipeline: four campaigns, ~300 leads over every stage and source spread
// over the telemarketers and customer managers with their timelines and the calls that moved them,
// plus the leads that became the demo customers' applications and two pairs of 撞单 to merge
// (leads-demo-converted.ts). A seeded PRNG (leads-demo-pools.ts) makes every run identical. The
// standard call outcomes the calls use are seeded by calls.demo.ts.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db.ts";
import { createPiiCipher, maskIdNumber, maskPhone } from "../../platform/pii.ts";
import type { DemoSeeder, SeedEnv } from "../../platform/seed.ts";
import { STANDARD_OUTCOMES } from "./call-outcomes.service.ts";
import { calls, campaigns, type LeadEventKind, type LeadStage, leadEvents, leads } from "./crm.schema.ts";
import { idIndexOf, phoneIndexOf } from "./lead-duplicates.ts";
import { addConvertedLeads, addDuplicatePairs, type NewEvent, type NewLead } from "./leads-demo-converted.ts";
import {
  CITIES,
  chinaDay,
  DAY,
  GIVEN,
  INVALID,
  mulberry32,
  NOTES,
  OPEN_PLAN,
  PREFIXES,
  PURPOSES,
  pick,
  REFERRERS,
  residentId,
  SOURCES,
  SURNAMES,
  weighted,
  workingHours,
} from "./leads-demo-pools.ts";

async function userIdsByRole(db: Db, role: string): Promise<{ id: string; username: string }[]> {
  const result = await db.execute(sql`
    select u.id, u.username from users u join user_roles r on r.user_id = u.id
    where r.role_key = ${role} and u.status = 'active' order by u.username`);
  return (result as unknown as { rows: { id: string; username: string }[] }).rows;
}

type NewCall = typeof calls.$inferInsert;

export async function seedDemoLeads(db: Db, env: SeedEnv): Promise<void> {
  const pii = createPiiCipher(env.dataKey);
  const rng = mulberry32(20_261_201);
  const now = Date.now();
  const telemarketers = await userIdsByRole(db, "telemarketer");
  const managers = await userIdsByRole(db, "customer-manager");
  if (telemarketers.length === 0 || managers.length === 0) return;
  // The demo `telemarketer` works more leads than the rest, so their pages are full.
  const own = telemarketers.find((t) => t.username === "telemarketer");
  const tmOwners = [...telemarketers, ...(own ? [own, own] : [])];

  const campaignRows = await db
    .insert(campaigns)
    .values([
      {
        name: "双十一线上推广",
        channel: "online",
        startsOn: chinaDay(now - 30 * DAY),
        endsOn: chinaDay(now - 16 * DAY),
        costFen: 4_800_000,
        notes: "抖音、微信朋友圈信息流",
      },
      {
        name: "社区金融知识讲座",
        channel: "community",
        startsOn: chinaDay(now - 55 * DAY),
        endsOn: chinaDay(now - 55 * DAY),
        costFen: 350_000,
        notes: "西湖区三个社区",
      },
      {
        name: "商会合作推广",
        channel: "partner",
        startsOn: chinaDay(now - 80 * DAY),
        endsOn: null,
        costFen: 1_200_000,
        notes: "杭州市个体劳动者协会",
      },
      {
        name: "门店开业活动",
        channel: "offline",
        startsOn: chinaDay(now - 10 * DAY),
        endsOn: chinaDay(now - 8 * DAY),
        costFen: 900_000,
        notes: null,
      },
    ])
    .returning({ id: campaigns.id });
  const campaignIds = campaignRows.map((c) => c.id);

  const newLeads: NewLead[] = [];
  const events: NewEvent[] = [];
  const leadCalls: NewCall[] = [];
  const usedPhones = new Set<string>();
  const phone = () => {
    for (;;) {
      const p = pick(rng, PREFIXES) + String(Math.floor(rng() * 1e8)).padStart(8, "0");
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };
  const event = (
    leadId: string,
    kind: LeadEventKind,
    at: number,
    ownerId: string | null,
    from?: string | null,
    to?: string | null,
    note?: string,
  ) =>
    events.push({
      leadId,
      kind,
      at: new Date(at),
      ownerId,
      actorId: ownerId,
      actorName: null,
      fromValue: from ?? null,
      toValue: to ?? null,
      note: note ?? null,
    });
  const call = (
    leadId: string,
    agentId: string,
    at: number,
    outcome: string,
    callee: string,
    note: string | null,
  ) => {
    const o = STANDARD_OUTCOMES.find((x) => x.code === outcome) ?? STANDARD_OUTCOMES[0];
    const talk = o.connected ? 40 + Math.floor(rng() * 360) : 0;
    leadCalls.push({
      leadId,
      agentId,
      direction: "outbound",
      calleeMasked: callee,
      startedAt: new Date(at),
      talkSeconds: talk,
      outcomeCode: o.code,
      connected: o.connected,
      effective: o.connected && o.effective && talk >= 30,
      intent: o.intent,
      appointment: o.appointment,
      note,
      nextStep: o.intent ? "发送产品资料,约时间面谈" : null,
      createdBy: agentId,
    });
  };

  for (const [stage, count] of OPEN_PLAN)
    for (let i = 0; i < count; i++) {
      const byManager = rng() < 0.3;
      const owner = byManager ? pick(rng, managers) : pick(rng, tmOwners);
      const source = byManager && rng() < 0.4 ? "walk-in" : weighted(rng, SOURCES);
      const id = randomUUID();
      const number = phone();
      const createdAt = workingHours(now - Math.floor((3 + rng() * 85) * DAY), rng, now);
      const withId = rng() < 0.35;
      const idNumber = withId ? residentId(rng) : null;
      const level =
        stage === "intent" || stage === "appointment"
          ? weighted(rng, [
              ["A", 2],
              ["B", 3],
              ["C", 2],
            ] as const)
          : null;
      const stageAt =
        stage === "new"
          ? createdAt
          : Math.max(
              createdAt + 3600_000,
              workingHours(createdAt + Math.floor(rng() * (now - createdAt) * 0.8), rng, now),
            );
      const open = stage !== "invalid";
      const followUp =
        open && stage !== "new"
          ? chinaDay(now + Math.floor(rng() * 11 - 3) * DAY)
          : stage === "new" && rng() < 0.3
            ? chinaDay(now)
            : null;
      const invalidReason = stage === "invalid" ? weighted(rng, INVALID) : null;
      newLeads.push({
        id,
        name: pick(rng, SURNAMES) + pick(rng, GIVEN),
        phoneEnc: pii.encrypt(number),
        phoneIndex: phoneIndexOf(pii, number),
        phoneMasked: maskPhone(number),
        idNumberEnc: idNumber ? pii.encrypt(idNumber) : null,
        idNumberIndex: idNumber ? idIndexOf(pii, idNumber) : null,
        idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
        source,
        referrer: source === "referral" ? pick(rng, REFERRERS) : null,
        campaignId: source === "event" ? pick(rng, campaignIds) : null,
        stage,
        invalidReason,
        intentLevel: level,
        ownerId: owner.id,
        wantedAmountFen: rng() < 0.7 ? (3 + Math.floor(rng() * 48)) * 1_000_000 : null,
        purpose: rng() < 0.6 ? pick(rng, PURPOSES) : null,
        city: pick(rng, CITIES),
        notes: pick(rng, NOTES),
        nextFollowUpOn: followUp,
        lastContactAt: stage === "new" ? null : new Date(stageAt),
        doNotCall: invalidReason === "do-not-call",
        stageChangedAt: new Date(stageAt),
        createdBy: owner.id,
        createdAt: new Date(createdAt),
        updatedAt: new Date(stageAt),
      });
      event(id, "created", createdAt, owner.id, null, source);
      if (stage === "new") continue;
      // The calls that moved the lead, then its stage events at the last call.
      const tries = 1 + Math.floor(rng() * 3);
      for (let k = 0; k < tries; k++)
        call(
          id,
          owner.id,
          Math.min(
            stageAt - 600_000,
            workingHours(createdAt + ((stageAt - createdAt) * k) / tries + 3600_000, rng, now),
          ),
          pick(rng, ["no-answer", "busy", "callback"]),
          maskPhone(number),
          null,
        );
      const finalOutcome =
        stage === "contacted"
          ? pick(rng, ["callback", "no-interest"])
          : stage === "intent"
            ? "intent"
            : stage === "appointment"
              ? "appointment"
              : invalidReason === "do-not-call"
                ? "do-not-call"
                : invalidReason === "wrong-number"
                  ? "empty-number"
                  : "no-interest";
      call(
        id,
        owner.id,
        stageAt,
        finalOutcome,
        maskPhone(number),
        stage === "intent" ? "客户有资金需求,已介绍产品" : null,
      );
      const path: LeadStage[] =
        stage === "appointment"
          ? ["contacted", "intent", "appointment"]
          : stage === "intent"
            ? ["contacted", "intent"]
            : stage === "invalid"
              ? ["contacted", "invalid"]
              : ["contacted"];
      let from: LeadStage = "new";
      for (const [n, to] of path.entries()) {
        const at = stageAt - (path.length - 1 - n) * 60_000;
        event(
          id,
          "stage",
          at,
          owner.id,
          from,
          to,
          to === "invalid" && invalidReason ? invalidReason : undefined,
        );
        if (to === "intent") event(id, "intent", at, owner.id, null, to);
        from = to;
      }
      if (level) event(id, "intent-level", stageAt, owner.id, null, level);
    }

  await addConvertedLeads(db, rng, { newLeads, event, now });
  addDuplicatePairs(pii, rng, { newLeads, event, managers, telemarketers, now });

  for (let i = 0; i < newLeads.length; i += 200) await db.insert(leads).values(newLeads.slice(i, i + 200));
  for (let i = 0; i < events.length; i += 500) await db.insert(leadEvents).values(events.slice(i, i + 500));
  for (let i = 0; i < leadCalls.length; i += 500) await db.insert(calls).values(leadCalls.slice(i, i + 500));
}

export const crmLeadsDemoSeeder: DemoSeeder = { name: "crm-leads", run: seedDemoLeads };
