// The demo company's sales pipeline: the standard call outcomes (essential — tests log calls), four
// campaigns, ~300 leads over every stage and source spread over the telemarketers and customer
// managers with their timelines and the calls that moved them, including leads that became the demo
// customers' applications and two pairs of 撞单 to merge. A seeded PRNG makes every run identical.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db.ts";
import { createPiiCipher, maskIdNumber, maskPhone } from "../../platform/pii.ts";
import type { DemoSeeder, SeedEnv } from "../../platform/seed.ts";
import { residentIdCheckChar } from "../customers/domain/identifiers.ts";
import { STANDARD_OUTCOMES } from "./call-outcomes.service.ts";
import {
  callOutcomes,
  calls,
  campaigns,
  type LeadEventKind,
  type LeadSource,
  type LeadStage,
  leadEvents,
  leads,
} from "./crm.schema.ts";
import { idIndexOf, phoneIndexOf } from "./lead-duplicates.ts";

export const crmOutcomesDemoSeeder: DemoSeeder = {
  name: "crm-outcomes",
  essential: true,
  run: async (db) => {
    await db
      .insert(callOutcomes)
      .values(STANDARD_OUTCOMES.map((o) => ({ ...o, active: true })))
      .onConflictDoNothing();
  },
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const weighted = <T>(rng: Rng, options: readonly [T, number][]): T => {
  let x = rng() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
};

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜".split(
    "",
  );
const GIVEN = [
  "建华",
  "秀兰",
  "志强",
  "海燕",
  "国栋",
  "丽娟",
  "伟",
  "敏",
  "静",
  "磊",
  "军",
  "洋",
  "杰",
  "涛",
  "明",
  "霞",
  "刚",
  "晓东",
  "春梅",
  "玉兰",
  "振宇",
  "佳怡",
  "俊杰",
  "文斌",
  "红梅",
  "小龙",
];
const CITIES = ["杭州", "杭州", "杭州", "宁波", "温州", "绍兴", "金华", "嘉兴", "湖州", "合肥"];
const PURPOSES = [
  "店铺进货周转",
  "装修门面",
  "购置设备",
  "扩大经营",
  "支付货款",
  "车辆购置",
  "农资采购",
  "旺季备货",
];
const REFERRERS = ["老客户 陈立新", "老客户 吴秀珍", "合作商户 鑫达五金", "员工推荐 周杰", "老客户 赵国庆"];
const PREFIXES = [
  "138",
  "139",
  "137",
  "135",
  "136",
  "150",
  "151",
  "158",
  "159",
  "182",
  "187",
  "188",
  "130",
  "131",
  "155",
  "186",
  "133",
  "153",
  "189",
  "199",
];
const NOTES = [
  "经营早餐店三年,想扩店",
  "有固定门面,流水稳定",
  "朋友介绍,对利率比较关心",
  "需要先了解还款方式",
  "下午方便接电话",
  "做建材批发,旺季资金紧张",
  null,
  null,
  null,
];
const INVALID: [string, number][] = [
  ["wrong-number", 3],
  ["unreachable", 3],
  ["no-need", 5],
  ["not-qualified", 2],
  ["student", 1],
  ["do-not-call", 1],
];
const SOURCES: [LeadSource, number][] = [
  ["online", 30],
  ["telemarketing-list", 30],
  ["referral", 15],
  ["event", 10],
  ["partner", 10],
  ["walk-in", 5],
];
const OPEN_PLAN: [LeadStage, number][] = [
  ["new", 72],
  ["contacted", 72],
  ["intent", 50],
  ["appointment", 30],
  ["invalid", 38],
];

const DAY = 86_400_000;

/** The same China day at a time between 09:00 and 18:00, never later than now: people call in office hours. */
function workingHours(t: number, rng: () => number, now: number): number {
  const offset = 8 * 3600_000;
  const midnight = Math.floor((t + offset) / DAY) * DAY - offset;
  return Math.min(now - 60_000, midnight + Math.floor((9 + rng() * 9) * 3600_000));
}
const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

async function userIdsByRole(db: Db, role: string): Promise<{ id: string; username: string }[]> {
  const result = await db.execute(sql`
    select u.id, u.username from users u join user_roles r on r.user_id = u.id
    where r.role_key = ${role} and u.status = 'active' order by u.username`);
  return (result as unknown as { rows: { id: string; username: string }[] }).rows;
}

type NewLead = typeof leads.$inferInsert & { id: string };
type NewEvent = typeof leadEvents.$inferInsert;
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

function residentId(rng: Rng): string {
  const region = pick(rng, ["330106", "330102", "330105", "330108", "330110", "330203", "330302", "330602"]);
  const birth = `${1965 + Math.floor(rng() * 35)}${String(1 + Math.floor(rng() * 12)).padStart(2, "0")}${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
  const body = `${region}${birth}${String(Math.floor(rng() * 1000)).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}

type EventFn = (
  leadId: string,
  kind: LeadEventKind,
  at: number,
  ownerId: string | null,
  from?: string | null,
  to?: string | null,
  note?: string,
) => void;

// Leads that became the demo customers' applications: the same sealed numbers as the customer file
// (so the 撞单 check finds both), owned by the customer's manager, at 已申请 or 已放款; for a business the
// lead is its legal representative. Demo data only reads the other modules' tables here, to line the
// pipeline up with what they seeded.
async function addConvertedLeads(
  db: Db,
  rng: Rng,
  ctx: { newLeads: NewLead[]; event: EventFn; now: number },
) {
  // Open applications become 已申请 leads; customers with a loan paid out, 已放款 ones.
  const result = await db.execute(sql`
    with applied as (
      select distinct on (c.id) c.id, coalesce(c.legal_representative, c.name) as name, c.phone_enc, c.phone_index,
        c.phone_masked, c.id_number_enc, c.id_number_index, c.id_number_masked, c.owner_id,
        a.id as application_id, a.app_no, a.status, a.amount_fen, a.purpose, a.created_at
      from customers c join applications a on a.customer_id = c.id
      where c.segment <> 'student' and not c.blacklisted and a.status not in ('rejected', 'withdrawn', 'expired')
      order by c.id, a.created_at desc limit 20),
    paid as (
      select distinct on (c.id) c.id, coalesce(c.legal_representative, c.name) as name, c.phone_enc, c.phone_index,
        c.phone_masked, c.id_number_enc, c.id_number_index, c.id_number_masked, c.owner_id,
        l.application_id, coalesce(a.app_no, l.loan_no) as app_no, 'disbursed' as status, l.principal_fen as amount_fen,
        coalesce(a.purpose, '经营周转') as purpose, (l.start_date - 5)::timestamptz as created_at
      from customers c join loans l on l.customer_id = c.id left join applications a on a.id = l.application_id
      where c.segment <> 'student' and not c.blacklisted and c.id not in (select id from applied)
        and l.start_date >= current_date - 180
      order by c.id, l.start_date desc limit 16)
    select * from applied union all select * from paid`);
  type Row = {
    id: string;
    name: string;
    phone_enc: string;
    phone_index: string;
    phone_masked: string;
    id_number_enc: string;
    id_number_index: string;
    id_number_masked: string;
    owner_id: string;
    application_id: string;
    app_no: string;
    status: string;
    amount_fen: string;
    purpose: string;
    created_at: string | Date;
  };
  for (const c of (result as unknown as { rows: Row[] }).rows) {
    const appliedAt = new Date(c.created_at).getTime();
    const createdAt = appliedAt - Math.floor((5 + rng() * 20) * DAY);
    const stage: LeadStage = c.status === "disbursed" ? "disbursed" : "applied";
    const id = randomUUID();
    const source = weighted(rng, [
      ["referral", 3],
      ["walk-in", 3],
      ["online", 2],
      ["partner", 1],
    ] as const);
    ctx.newLeads.push({
      id,
      name: c.name,
      phoneEnc: c.phone_enc,
      phoneIndex: c.phone_index,
      phoneMasked: c.phone_masked,
      idNumberEnc: c.id_number_enc,
      idNumberIndex: c.id_number_index,
      idNumberMasked: c.id_number_masked,
      source,
      referrer: source === "referral" ? pick(rng, REFERRERS) : null,
      stage,
      intentLevel: "A",
      ownerId: c.owner_id,
      wantedAmountFen: Number(c.amount_fen),
      purpose: c.purpose,
      city: "杭州",
      customerId: c.id,
      applicationId: c.application_id,
      lastContactAt: new Date(appliedAt),
      stageChangedAt: new Date(appliedAt),
      createdBy: c.owner_id,
      createdAt: new Date(createdAt),
      updatedAt: new Date(appliedAt),
    });
    ctx.event(id, "created", createdAt, c.owner_id, null, source);
    ctx.event(id, "stage", createdAt + DAY, c.owner_id, "new", "contacted");
    ctx.event(id, "stage", createdAt + 2 * DAY, c.owner_id, "contacted", "intent");
    ctx.event(id, "intent", createdAt + 2 * DAY, c.owner_id, null, "intent");
    ctx.event(id, "converted", appliedAt, c.owner_id, null, c.app_no);
    ctx.event(id, "stage", appliedAt, c.owner_id, "intent", "applied");
    if (stage === "disbursed")
      ctx.event(id, "stage", Math.min(ctx.now, appliedAt + 5 * DAY), c.owner_id, "applied", "disbursed");
  }
}

// Two people working one customer without knowing (撞单): recent leads repeating the number of an
// older lead under another owner, so the detail page warns and the merge can be shown.
function addDuplicatePairs(
  pii: ReturnType<typeof createPiiCipher>,
  rng: Rng,
  ctx: {
    newLeads: NewLead[];
    event: EventFn;
    managers: { id: string }[];
    telemarketers: { id: string; username: string }[];
    now: number;
  },
) {
  const own = ctx.telemarketers.find((t) => t.username === "telemarketer") ?? ctx.telemarketers[0];
  const originals = ctx.newLeads.filter((l) => l.stage === "contacted" && l.ownerId !== own.id).slice(0, 2);
  for (const [i, original] of originals.entries()) {
    const id = randomUUID();
    const owner = i === 0 ? own : pick(rng, ctx.managers);
    const createdAt = ctx.now - (i + 1) * 3600_000;
    ctx.newLeads.push({
      ...original,
      id,
      phoneEnc: pii.encrypt(pii.decrypt(original.phoneEnc)),
      idNumberEnc: null,
      idNumberIndex: null,
      idNumberMasked: null,
      source: "online",
      referrer: null,
      campaignId: null,
      stage: "new",
      invalidReason: null,
      intentLevel: null,
      ownerId: owner.id,
      nextFollowUpOn: chinaDay(ctx.now),
      lastContactAt: null,
      stageChangedAt: new Date(createdAt),
      createdBy: owner.id,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
    });
    ctx.event(id, "created", createdAt, owner.id, null, "online", "撞单示例");
  }
}

export const crmLeadsDemoSeeder: DemoSeeder = { name: "crm-leads", run: seedDemoLeads };
