// Collections over HTTP: who sees which tasks, the conduct rules enforced on a fixed clock (quiet
// hours, attempt limit, third parties), promises' validation, contacts and consents, manual
// assignment, the loan page's history, and the audit rows every change leaves.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { runCob } from "../loans/cob/cob-runner.ts";
import { count, fundCompany, newLoan, setBusinessDate, userId } from "../loans/testing/loan-factory.ts";

let t: TestApp;
let risk: TestClient;
let admin1: TestClient;
let admin2: TestClient;
let ids: { admin1: string; admin2: string; customerManager: string };
let mine: { id: string; loanId: string };
let theirs: { id: string; loanId: string };

// China is UTC+8: 02:00Z is 10:00 in Beijing, 15:00Z is 23:00.
const clock = (utc: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(utc));
};
const audits = (action: string) => count(t.handle.db, "audit_log", `action = '${action}'`);
const call = (extra: Record<string, unknown> = {}) => ({
  contactId: "borrower",
  method: "call",
  purpose: "reminder",
  outcome: "answered",
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  risk = await t.as("risk");
  admin1 = await t.as("loan-admin");
  const [second] = (
    (await t.handle.db.execute(
      sql`select u.username, u.id from users u join user_roles r on r.user_id = u.id
          where r.role_key = 'loan-admin' and u.username <> 'loan-admin'`,
    )) as unknown as { rows: { username: string; id: string }[] }
  ).rows;
  admin2 = await t.as(second.username);
  ids = {
    admin1: await userId(t.handle.db, "loan-admin"),
    admin2: second.id,
    customerManager: await userId(t.handle.db, "customer-manager"),
  };
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-03-01");
  for (const id of [ids.admin1, ids.admin2])
    await risk.patch(`/api/v1/collections/collectors/${id}`, {
      queues: ["standard"],
      capacity: null,
      active: true,
    });
  for (let i = 0; i < 3; i++) await newLoan(t.handle.db, { startDate: "2026-01-15" });
  await runCob(t.handle.db, systemContext(), { to: "2026-03-10", mode: "jump" });
  const list = (await admin1.get("/api/v1/collections/tasks?assignee=me")).json();
  mine = list.items[0];
  theirs = (await admin2.get("/api/v1/collections/tasks?assignee=me")).json().items[0];
}, 120_000);
afterAll(async () => t.close());
afterEach(() => vi.useRealTimers());

describe("who sees which tasks", () => {
  it("a collector sees their own tasks and the pool, never a colleague's", async () => {
    const list = (await admin1.get("/api/v1/collections/tasks")).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(mine.id);
    expect(list.items.every((x: { assignedTo: string | null }) => x.assignedTo === ids.admin1)).toBe(true);
    expect((await admin1.get(`/api/v1/collections/tasks/${theirs.id}`)).statusCode).toBe(404);
    expect((await admin1.post(`/api/v1/collections/tasks/${theirs.id}/actions`, call())).statusCode).toBe(
      404,
    );
  });

  it("leads, the GM and compliance see every task; sales and telemarketing none", async () => {
    for (const who of ["risk", "gm", "compliance"]) {
      const list = (await (await t.as(who)).get("/api/v1/collections/tasks")).json();
      expect(list.total, who).toBe(3);
    }
    for (const who of ["customer-manager", "telemarketer"])
      expect((await (await t.as(who)).get("/api/v1/collections/tasks")).statusCode, who).toBe(403);
  });

  it("shows the queue's columns: masked borrower, amount overdue, bucket, assignee", async () => {
    const item = (await risk.get("/api/v1/collections/tasks?sort=amountOverdue&order=desc")).json().items[0];
    expect(item).toMatchObject({
      bucket: "M1",
      dpd: 23,
      queue: "standard",
      priority: "normal",
      status: "open",
      lastAction: null,
      promise: null,
    });
    expect(Number(item.amountOverdue)).toBeGreaterThan(0);
    expect(item.assignee.name).toBeTruthy();
  });
});

describe("conduct rules on a fixed clock", () => {
  it("refuses a call at 23:00 China time and writes nothing; the check explains why", async () => {
    clock("2026-03-11T15:00:00Z");
    const before = await count(t.handle.db, "audit_log");
    const res = await admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, call());
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "collections-quiet-hours" });
    expect(res.json().error.message).toContain("23:00 falls in the quiet hours 22:00–08:00");
    expect(await count(t.handle.db, "collection_actions")).toBe(0);
    expect(await count(t.handle.db, "audit_log")).toBe(before);
    const zh = await admin1.request({
      method: "GET",
      url: `/api/v1/collections/tasks/${mine.id}/contact-check?contactId=borrower&method=call`,
      headers: { "accept-language": "zh-CN" },
    });
    expect(zh.json()).toMatchObject({ allowed: false, chinaTime: "23:00" });
    expect(zh.json().refusals[0].message).toContain("禁止联系时段");
  });

  it("refuses an attempt logged as having happened at 23:00 yesterday", async () => {
    clock("2026-03-12T03:00:00Z");
    const res = await admin1.post(
      `/api/v1/collections/tasks/${mine.id}/actions`,
      call({ occurredAt: "2026-03-11T23:00:00+08:00" }),
    );
    expect(res.json().error.code).toBe("collections-quiet-hours");
  });

  it("allows it inside a window the borrower consented to, with the consent audited", async () => {
    clock("2026-03-11T14:00:00Z");
    const consent = await admin1.post(`/api/v1/collections/tasks/${mine.id}/consents`, {
      contactId: "borrower",
      windowStart: "22:00",
      windowEnd: "23:30",
      validFrom: "2026-03-11",
      evidence: "通话录音 2026-03-11 10:05,借款人要求晚间下班后联系",
    });
    expect(consent.statusCode, consent.body).toBe(201);
    clock("2026-03-11T15:00:00Z");
    expect((await admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, call())).statusCode).toBe(201);
    // Revoked, the quiet hours apply again.
    const revoke = await admin1.post(
      `/api/v1/collections/tasks/${mine.id}/consents/${consent.json().id}/revoke`,
      { reason: "借款人撤回" },
    );
    expect(revoke.statusCode).toBe(200);
    expect((await admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, call())).statusCode).toBe(422);
    expect(await audits("collection.consent-recorded")).toBe(1);
    expect(await audits("collection.consent-revoked")).toBe(1);
  });

  it("allows six unanswered calls a day on one number and refuses the seventh; SMS and tomorrow stay open", async () => {
    clock("2026-03-12T02:00:00Z");
    for (let i = 0; i < 6; i++) {
      const res = await admin1.post(
        `/api/v1/collections/tasks/${mine.id}/actions`,
        call({ outcome: "no-answer" }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const seventh = await admin1.post(
      `/api/v1/collections/tasks/${mine.id}/actions`,
      call({ outcome: "no-answer" }),
    );
    expect(seventh.statusCode).toBe(422);
    expect(seventh.json().error).toMatchObject({ code: "collections-attempt-limit" });
    expect(seventh.json().error.message).toContain("daily limit of 6");
    const sms = call({ method: "sms", outcome: "sent" });
    expect((await admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, sms)).statusCode).toBe(201);
    clock("2026-03-13T01:00:00Z");
    expect((await admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, call())).statusCode).toBe(201);
  });

  it("never lets a third party hear of the debt", async () => {
    clock("2026-03-13T02:00:00Z");
    const added = await admin1.post(`/api/v1/collections/tasks/${mine.id}/contacts`, {
      party: "third-party",
      relation: "employer",
      name: "某某餐饮公司 前台",
      phone: "0571-88886666",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().phone).toBe("057*****6666");
    const contactId = added.json().id;
    const attempt = (extra: Record<string, unknown>) =>
      admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, {
        contactId,
        method: "call",
        purpose: "message-relay",
        outcome: "message-left",
        ...extra,
      });
    const refused = [
      [{ purpose: "demand" }, "collections-third-party-purpose"],
      [{ note: "告知其员工欠款未还" }, "collections-third-party-disclosure"],
      [
        { outcome: "promise-to-pay", promiseAmount: "100", promiseDate: "2026-03-20" },
        "collections-third-party-promise",
      ],
      [{ method: "letter", outcome: "sent" }, "collections-third-party-method"],
    ] as const;
    for (const [extra, code] of refused) expect((await attempt(extra)).json().error?.code, code).toBe(code);
    const ok = await attempt({});
    expect(ok.statusCode).toBe(201);
    // Without a note of their own the record holds the only words allowed: the settings' message.
    expect(ok.json().note).toContain("转告");
    expect(ok.json().note).not.toMatch(/欠|逾期|还款/);
  });

  it("validates the time, the outcome and the promise", async () => {
    clock("2026-03-13T03:00:00Z");
    const post = (extra: Record<string, unknown>) =>
      admin1.post(`/api/v1/collections/tasks/${mine.id}/actions`, call(extra));
    const cases = [
      [{ occurredAt: "2026-03-11T10:00:00+08:00" }, "collections-too-old"],
      [{ occurredAt: "2026-03-14T10:00:00+08:00" }, "collections-future-time"],
      [{ method: "sms", outcome: "answered" }, "collections-outcome-method"],
      [{ outcome: "promise-to-pay" }, "collections-promise-required"],
      [{ promiseAmount: "10.00", promiseDate: "2026-03-15" }, "collections-promise-unexpected"],
      [
        { outcome: "promise-to-pay", promiseAmount: "10.00", promiseDate: "2026-06-01" },
        "collections-promise-date-range",
      ],
      [
        { outcome: "promise-to-pay", promiseAmount: "9999999.00", promiseDate: "2026-03-15" },
        "collections-promise-too-large",
      ],
      [{ nextActionDate: "2026-03-01" }, "collections-next-action-date"],
    ] as const;
    for (const [extra, code] of cases) {
      const res = await post(extra);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
  });

  it("records a promise, sets the next action after its date, and audits the attempt", async () => {
    clock("2026-03-13T03:00:00Z");
    const before = await audits("collection.action-logged");
    const res = await admin1.post(
      `/api/v1/collections/tasks/${mine.id}/actions`,
      call({
        purpose: "negotiation",
        outcome: "promise-to-pay",
        promiseAmount: "500",
        promiseDate: "2026-03-18",
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      promise: { amount: "500.00", date: "2026-03-18" },
      nextActionDate: "2026-03-19",
    });
    expect(await audits("collection.action-logged")).toBe(before + 1);
    const [row] = (
      (await t.handle.db.execute(
        sql`select entity_id, after->>'outcome' as outcome from audit_log where action = 'collection.action-logged' order by id desc limit 1`,
      )) as unknown as { rows: { entity_id: string; outcome: string }[] }
    ).rows;
    expect(row).toEqual({ entity_id: mine.id, outcome: "promise-to-pay" });
    const item = (await admin1.get(`/api/v1/collections/tasks?promise=pending`)).json().items;
    expect(item).toMatchObject([{ id: mine.id, promise: { status: "pending", amount: "500.00" } }]);
  });

  it("shows the task file: arrears, attempts newest first, promises, consents, contacts and the rules", async () => {
    const detail = (await admin1.get(`/api/v1/collections/tasks/${mine.id}`)).json();
    expect(detail.arrears.installments.length).toBeGreaterThan(0);
    expect(detail.actions[0]).toMatchObject({ outcome: "promise-to-pay", actor: { id: ids.admin1 } });
    expect(detail.actions.filter((a: { unanswered: boolean }) => a.unanswered)).toHaveLength(6);
    expect(detail.promises).toHaveLength(1);
    expect(detail.consents[0]).toMatchObject({ active: false, windowStart: "22:00" });
    expect(detail.contacts[0]).toMatchObject({ party: "third-party", relation: "employer" });
    expect(detail.rules).toMatchObject({
      quietHours: { start: "22:00", end: "08:00" },
      maxUnansweredPerDay: 6,
    });
    expect(detail.can).toEqual({ work: true, manage: false });
  });
});

describe("manual assignment by a lead", () => {
  it("moves a task to a colleague, who now sees it while the first collector does not", async () => {
    const res = await risk.post("/api/v1/collections/assignments", {
      taskIds: [mine.id],
      assigneeId: ids.admin2,
      note: "休假交接",
    });
    expect(res.json()).toEqual({ changed: 1, taskIds: [mine.id] });
    expect((await admin1.get(`/api/v1/collections/tasks/${mine.id}`)).statusCode).toBe(404);
    expect((await admin2.get(`/api/v1/collections/tasks/${mine.id}`)).statusCode).toBe(200);
    expect(await audits("collection.task-assigned")).toBe(1);
    const history = (await admin2.get(`/api/v1/collections/tasks/${mine.id}`)).json().events;
    expect(history[0]).toMatchObject({ kind: "assigned", detail: { rule: "manual", note: "休假交接" } });
  });

  it("refuses someone who is not a collector, and collectors may not assign", async () => {
    const res = await risk.post("/api/v1/collections/assignments", {
      taskIds: [mine.id],
      assigneeId: ids.customerManager,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("collections-not-collector");
    const self = await admin1.post("/api/v1/collections/assignments", {
      taskIds: [mine.id],
      assigneeId: ids.admin1,
    });
    expect(self.statusCode).toBe(403);
  });

  it("returns a task to the pool, where every collector sees it", async () => {
    await risk.post("/api/v1/collections/assignments", { taskIds: [mine.id], assigneeId: null });
    const list = (await admin1.get("/api/v1/collections/tasks?assignee=unassigned")).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
  });

  it("lists collectors with their load, and switching one off releases their tasks", async () => {
    const before = (await risk.get("/api/v1/collections/collectors")).json();
    const a2 = before.items.find((c: { userId: string }) => c.userId === ids.admin2);
    expect(a2).toMatchObject({ collector: { queues: ["standard"], active: true }, capacity: 150 });
    expect(a2.openTasks).toBeGreaterThanOrEqual(1);
    const off = await risk.patch(`/api/v1/collections/collectors/${ids.admin2}`, {
      queues: ["standard"],
      capacity: null,
      active: false,
    });
    expect(off.json()).toMatchObject({ active: false, released: a2.openTasks });
    expect(await count(t.handle.db, "collection_tasks", `assigned_to = '${ids.admin2}'`)).toBe(0);
    expect(await audits("collection.collector-updated")).toBeGreaterThanOrEqual(3);
    const notWorker = await risk.patch(`/api/v1/collections/collectors/${ids.customerManager}`, {
      queues: ["standard"],
      capacity: null,
      active: true,
    });
    expect(notWorker.json().error.code).toBe("collections-user-not-worker");
  });
});

describe("the loan page and the summary", () => {
  it("shows a loan's collection history to anyone who may read the loan", async () => {
    const finance = await t.as("finance");
    const history = (await finance.get(`/api/v1/loans/${mine.loanId}/collection-history`)).json();
    expect(history.tasks).toHaveLength(1);
    expect(history.actions.length).toBeGreaterThanOrEqual(10);
    expect(history.promises[0]).toMatchObject({ status: "pending", amount: "500.00" });
    expect(history.contacts).toBeUndefined();
  });

  it("sums tasks by bucket and a collector's day", async () => {
    const summary = (await risk.get("/api/v1/collections/summary?day=2026-03-12")).json();
    expect(summary.buckets).toMatchObject([{ bucket: "M1", tasks: 3 }]);
    const a1 = summary.collectors.find((c: { userId: string }) => c.userId === ids.admin1);
    expect(a1).toMatchObject({ actions: 7, unanswered: 6, calls: 6 });
    // A collector sees only their own row.
    const own = (await admin1.get("/api/v1/collections/summary?day=2026-03-12")).json();
    expect(own.collectors.map((c: { userId: string }) => c.userId)).toEqual([ids.admin1]);
  });
});
