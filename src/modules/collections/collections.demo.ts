// Demo collections: the two loan administrators as collectors (registered before the loan book is
// seeded, so the real close of business assigns and escalates its tasks as they open), then three
// weeks of work on every open task — calls answered and not, SMS, visits, family and employers asked
// only to pass on a message, a consent to evening calls — and promises kept, broken and pending,
// judged by the batch's own step after the kept ones were paid.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, systemContext } from "../../platform/auth/actor.ts";
import { DEFAULT_ROLES } from "../../platform/auth/permissions.ts";
import type { Db } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { createPiiCipher, maskPhone } from "../../platform/pii.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { users } from "../identity/identity.schema.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { postRepayment } from "../loans/repayments.service.ts";
import { closeCollections } from "./cob-step.ts";
import { collectionTasks } from "./collections.schema.ts";
import {
  type CollectionQueue,
  collectionActions,
  collectionCollectors,
  collectionConsents,
  collectionContacts,
  collectionPromises,
} from "./collections-work.schema.ts";
import { addDays } from "./domain/china-time.ts";
import { thirdPartyMessage } from "./domain/conduct.ts";
import {
  type ContactMethod,
  type ContactOutcome,
  type ContactPurpose,
  isUnanswered,
} from "./domain/contact-vocabulary.ts";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function loanAdmins(db: Db): Promise<{ id: string; username: string; name: string }[]> {
  return rowsOf<{ id: string; username: string; name: string }>(
    await db.execute(sql`
    select u.id, u.username, u.display_name as name from users u join user_roles r on r.user_id = u.id
    where r.role_key = 'loan-admin' order by (u.username = 'loan-admin') desc, u.username`),
  );
}

/** The demo loan-admin works the standard and senior queues; the second one also the legal queue. */
export const collectionsTeamDemoSeeder: DemoSeeder = {
  name: "collections-team",
  run: async (db) => {
    const [first, second] = await loanAdmins(db);
    if (!first) return;
    const rows: { userId: string; queues: CollectionQueue[] }[] = [
      { userId: first.id, queues: ["standard", "senior"] },
    ];
    if (second) rows.push({ userId: second.id, queues: ["standard", "senior", "legal"] });
    await db.insert(collectionCollectors).values(rows).onConflictDoNothing();
  },
};

type OpenTask = {
  id: string;
  loan_id: string;
  opened_on: string;
  assigned_to: string | null;
  queue: string;
  dpd: number;
  overdue: number;
  customer_name: string | null;
};

const CALL_OUTCOMES: [ContactOutcome, number][] = [
  ["no-answer", 34],
  ["answered", 22],
  ["busy", 10],
  ["switched-off", 6],
  ["refused", 6],
  ["paid-claimed", 3],
  ["message-left", 5],
  ["promise-to-pay", 14],
];

export async function seedDemoCollections(db: Db, dataKey: Buffer): Promise<void> {
  const end = await getBusinessDate(db);
  const tasks = rowsOf<OpenTask>(
    await db.execute(sql`
    select c.id, c.loan_id, c.opened_on::text, c.assigned_to, c.queue, l.dpd, cu.name as customer_name,
      coalesce((select sum(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + i.penalty_accrued_fen
        - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen)
        from installments i where i.loan_id = c.loan_id and i.due_date < ${end}::date), 0)::bigint as overdue
    from collection_tasks c join loans l on l.id = c.loan_id left join customers cu on cu.id = l.customer_id
    where c.status = 'open' and l.status = 'active' order by l.loan_no`),
  );
  if (tasks.length === 0) return;
  const admins = await loanAdmins(db);
  const names = new Map(admins.map((a) => [a.id, a.name]));
  const pii = createPiiCipher(dataKey);
  const random = mulberry32(20261129);
  const pick = <T>(weighted: [T, number][]) => {
    let roll = random() * weighted.reduce((s, [, w]) => s + w, 0);
    for (const [value, weight] of weighted) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return weighted[weighted.length - 1][0];
  };
  const at = (day: string, from = 9, to = 20) => {
    const minutes = from * 60 + Math.floor(random() * (to - from) * 60);
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return new Date(`${day}T${hh}:${mm}:00+08:00`);
  };

  const actions: (typeof collectionActions.$inferInsert)[] = [];
  const promises: (typeof collectionPromises.$inferInsert)[] = [];
  const contacts: (typeof collectionContacts.$inferInsert)[] = [];
  const consents: (typeof collectionConsents.$inferInsert)[] = [];
  const keptLoans: { loanId: string; amount: number }[] = [];
  const latest = new Map<string, { at: Date; method: string; outcome: string; next: string }>();

  const log = (
    task: OpenTask,
    a: {
      day: string;
      when: Date;
      contactKey: string;
      party: string;
      method: ContactMethod;
      purpose: ContactPurpose;
      outcome: ContactOutcome;
      note: string | null;
      promiseId?: string;
      next?: string;
    },
  ) => {
    const id = randomUUID();
    actions.push({
      loanId: task.loan_id,
      id,
      taskId: task.id,
      contactKey: a.contactKey,
      party: a.party,
      method: a.method,
      purpose: a.purpose,
      outcome: a.outcome,
      unanswered: isUnanswered(a.outcome),
      note: a.note,
      occurredAt: a.when,
      contactDay: a.day,
      promiseId: a.promiseId ?? null,
      nextActionDate: a.next ?? null,
      actorId: task.assigned_to ?? admins[0]?.id ?? null,
    });
    const prev = latest.get(task.id);
    if (!prev || prev.at < a.when)
      latest.set(task.id, {
        at: a.when,
        method: a.method,
        outcome: a.outcome,
        next: a.next ?? addDays(a.day, 2),
      });
    return id;
  };

  for (const [n, task] of tasks.entries()) {
    // Dates as YYYY-MM-DD compare as text: the later of the task's opening and three weeks ago.
    const start = [task.opened_on, addDays(end, -20)].sort()[1];
    const owed = Math.max(Number(task.overdue), 10_000);
    const collector = names.get(task.assigned_to ?? "") ?? "业务管理员";
    let promised = false;
    for (let day = start; day <= end; day = addDays(day, 1 + Math.floor(random() * 3))) {
      const attempts = 1 + Math.floor(random() * 2);
      for (let i = 0; i < attempts; i++) {
        const outcome = promised
          ? pick(CALL_OUTCOMES.filter(([o]) => o !== "promise-to-pay"))
          : pick(CALL_OUTCOMES);
        if (outcome !== "promise-to-pay") {
          log(task, {
            day,
            when: at(day),
            contactKey: "borrower",
            party: "borrower",
            method: "call",
            purpose: task.dpd > 60 ? "demand" : "reminder",
            outcome,
            note:
              outcome === "answered"
                ? "已提醒逾期金额及罚息,客户表示会尽快筹款"
                : outcome === "refused"
                  ? "客户情绪激动,拒绝沟通还款安排"
                  : null,
          });
          continue;
        }
        // The promise's date decides its fate by the business date: past → kept (paid) or broken, ahead → pending.
        const promiseDate = addDays(day, 2 + Math.floor(random() * 6));
        const amount = Math.max(Math.round((owed * (0.2 + random() * 0.3)) / 10_000) * 10_000, 50_000);
        const promiseId = randomUUID();
        const actionId = log(task, {
          day,
          when: at(day),
          contactKey: "borrower",
          party: "borrower",
          method: "call",
          purpose: "negotiation",
          outcome: "promise-to-pay",
          note: `客户承诺 ${promiseDate} 前还款 ${formatAmount(amount)} 元`,
          promiseId,
          next: addDays(promiseDate, 1),
        });
        promises.push({
          loanId: task.loan_id,
          id: promiseId,
          taskId: task.id,
          actionId,
          amount,
          promisedDate: promiseDate,
          madeOn: day,
          createdBy: task.assigned_to,
        });
        promised = true;
        // Some pay by the business date (kept, even if a little late), the others do not (broken).
        if (promiseDate <= end && (promiseDate >= addDays(end, -1) || random() < 0.45))
          keptLoans.push({ loanId: task.loan_id, amount });
      }
      if (random() < 0.25)
        log(task, {
          day,
          when: at(day, 10, 18),
          contactKey: "borrower",
          party: "borrower",
          method: "sms",
          purpose: "reminder",
          outcome: "sent",
          note: "发送还款提醒短信",
        });
    }
    if (!promised && n % 3 === 2) {
      // A promise made yesterday for the coming days: still pending on the business date.
      const day = addDays(end, -1);
      const promiseDate = addDays(end, 2 + (n % 4));
      const amount = Math.max(Math.round((owed * 0.3) / 10_000) * 10_000, 50_000);
      const promiseId = randomUUID();
      const actionId = log(task, {
        day,
        when: at(day, 10, 17),
        contactKey: "borrower",
        party: "borrower",
        method: "call",
        purpose: "negotiation",
        outcome: "promise-to-pay",
        note: `客户承诺 ${promiseDate} 前还款 ${formatAmount(amount)} 元`,
        promiseId,
        next: addDays(promiseDate, 1),
      });
      promises.push({
        loanId: task.loan_id,
        id: promiseId,
        taskId: task.id,
        actionId,
        amount,
        promisedDate: promiseDate,
        madeOn: day,
        createdBy: task.assigned_to,
      });
    }
    if (task.dpd > 90 && n % 2 === 0)
      log(task, {
        day: addDays(end, -5),
        when: at(addDays(end, -5), 10, 16),
        contactKey: "borrower",
        party: "borrower",
        method: "visit",
        purpose: "demand",
        outcome: n % 4 === 0 ? "not-home" : "met",
        note: n % 4 === 0 ? "上门未见到本人,已留催告函" : "上门面谈,客户称生意周转困难",
      });
    if (n % 3 === 0) {
      // Family or employer: asked only to pass on a message (the settings' template), never told why.
      const id = randomUUID();
      const relation = n % 2 === 0 ? "spouse" : "employer";
      const phone = `139${String(10_000_000 + n * 7919).slice(0, 8)}`;
      contacts.push({
        loanId: task.loan_id,
        id,
        party: "third-party",
        relation,
        name: relation === "spouse" ? "配偶" : "单位前台",
        phoneEnc: pii.encrypt(phone),
        phoneMasked: maskPhone(phone),
        createdBy: task.assigned_to,
      });
      const day = addDays(end, -3);
      log(task, {
        day,
        when: at(day, 10, 17),
        contactKey: id,
        party: "third-party",
        method: "call",
        purpose: "message-relay",
        outcome: "message-left",
        note: thirdPartyMessage(
          "您好,我是{collector},有事需要联系{debtor}本人,麻烦您转告其方便时回电,谢谢。",
          {
            debtor: task.customer_name ?? "",
            collector,
          },
        ),
      });
    }
    if (n % 5 === 1) {
      // The borrower works late and asked, on a recorded call, to be called after 22:00.
      consents.push({
        loanId: task.loan_id,
        contactKey: "borrower",
        windowStart: "22:00",
        windowEnd: "23:00",
        validFrom: addDays(end, -10),
        validUntil: addDays(end, 60),
        evidence: `通话录音 ${addDays(end, -10)}:客户本人要求晚上 22:00–23:00 下班后联系`,
        recordedBy: task.assigned_to,
      });
      const day = addDays(end, -2);
      log(task, {
        day,
        when: new Date(`${day}T22:20:00+08:00`),
        contactKey: "borrower",
        party: "borrower",
        method: "call",
        purpose: "negotiation",
        outcome: "answered",
        note: "按客户同意的晚间时段联系,客户表示月底发薪后还款",
      });
    }
  }

  const system = systemContext("demo-seed");
  await db.transaction(async (tx) => {
    for (let i = 0; i < actions.length; i += 200)
      await tx.insert(collectionActions).values(actions.slice(i, i + 200));
    // Only the latest promise of a task stays in force; earlier ones gave way to it.
    const byTask = new Map<string, typeof promises>();
    for (const p of promises) byTask.set(p.taskId, [...(byTask.get(p.taskId) ?? []), p]);
    for (const list of byTask.values())
      list.forEach((p, i) => {
        if (i < list.length - 1) {
          p.status = "superseded";
          p.resolvedOn = list[i + 1].madeOn;
        }
      });
    if (promises.length) await tx.insert(collectionPromises).values(promises);
    if (contacts.length) await tx.insert(collectionContacts).values(contacts);
    if (consents.length) await tx.insert(collectionConsents).values(consents);
    for (const [taskId, last] of latest)
      await tx
        .update(collectionTasks)
        .set({
          lastActionAt: last.at,
          lastActionMethod: last.method,
          lastActionOutcome: last.outcome,
          nextActionDate: last.next,
        })
        .where(eq(collectionTasks.id, taskId));
    await recordAudit(tx, system, {
      action: "collection.demo-seeded",
      entityType: "system",
      after: { tasks: tasks.length, actions: actions.length, promises: promises.length },
    });
  });

  // Kept promises were paid on the business date, through the real repayment path.
  const finance = await financeContext(db);
  const pending = new Set(promises.filter((p) => p.status !== "superseded").map((p) => p.loanId));
  for (const [i, kept] of keptLoans.filter((k) => pending.has(k.loanId)).entries())
    await postRepayment(db, finance, kept.loanId, {
      amount: formatAmount(kept.amount),
      date: end,
      channel: i % 2 === 0 ? "wechat-pay" : "bank-transfer",
      reference: `PTP-${end.replaceAll("-", "")}-${i + 1}`,
    });
  // The batch's own step judges them; broken ones are dated the day after their grace ran out.
  await db.transaction(async (tx) => {
    await closeCollections(tx, { date: end, scope: { fromId: null, toId: null } });
    await tx.execute(sql`
      update collection_task_events e set business_date = least(p.promised_date + 1, ${end}::date)
      from collection_promises p
      where e.kind in ('promise-broken', 'priority-raised') and p.task_id = e.task_id and p.status = 'broken'`);
    await tx.execute(sql`
      update collection_promises set resolved_on = least(promised_date + 1, ${end}::date) where status = 'broken'`);
    // The batch wrote its history while the seed ran; date it to 23:30 (China) of its business date.
    await tx.execute(sql`
      update collection_task_events set at = (business_date + time '15:30') at time zone 'UTC'
      where actor_id is null`);
  });
}

async function financeContext(db: Db): Promise<RequestContext> {
  const [user] = await db.select().from(users).where(eq(users.username, "finance"));
  const role = DEFAULT_ROLES.finance;
  return {
    actor: {
      userId: user.id,
      username: "finance",
      displayName: user.displayName,
      roles: ["finance"],
      permissions: new Set(role.permissions),
      scope: role.scope,
    },
    requestId: "demo-seed",
    ip: null,
  };
}

export const collectionsDemoSeeder: DemoSeeder = {
  name: "collections",
  run: (db, env) => seedDemoCollections(db, env.dataKey),
};
