// The demo leads that line up with the rest of the demo company: leads that became the demo
// customers' applications, and two pairs of 撞单 to merge.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db.ts";
import type { createPiiCipher } from "../../platform/pii.ts";
import type { LeadEventKind, LeadStage, leadEvents, leads } from "./crm.schema.ts";
import { chinaDay, DAY, pick, REFERRERS, type Rng, weighted } from "./leads-demo-pools.ts";

export type NewLead = typeof leads.$inferInsert & { id: string };
export type NewEvent = typeof leadEvents.$inferInsert;

export type EventFn = (
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
export async function addConvertedLeads(
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
export function addDuplicatePairs(
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
