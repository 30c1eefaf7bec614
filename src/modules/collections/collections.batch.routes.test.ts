// The collections step of the close of business: round-robin assignment within capacity, escalation
// by DPD and by broken promises, and promises judged kept or broken from the loan's payments.
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { runCob } from "../loans/cob/cob-runner.ts";
import { count, fundCompany, newLoan, setBusinessDate, userId } from "../loans/testing/loan-factory.ts";
import { setSetting } from "../settings/settings.service.ts";

let t: TestApp;
let risk: TestClient;
let finance: TestClient;
let admin1: TestClient;
let ids: { admin1: string; admin2: string };
const loanIds: Record<string, string> = {};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const taskOf = async (loanId: string) =>
  (
    await rows<{
      id: string;
      queue: string;
      assigned_to: string | null;
      priority: string;
      broken_promises: number;
    }>(
      sql`select id, queue, assigned_to, priority, broken_promises from collection_tasks where loan_id = ${loanId} and status = 'open'`,
    )
  )[0];

beforeAll(async () => {
  t = await createTestApp();
  risk = await t.as("risk");
  finance = await t.as("finance");
  admin1 = await t.as("loan-admin");
  const [second] = await rows<{ username: string; id: string }>(
    sql`select u.username, u.id from users u join user_roles r on r.user_id = u.id
        where r.role_key = 'loan-admin' and u.username <> 'loan-admin'`,
  );
  ids = { admin1: await userId(t.handle.db, "loan-admin"), admin2: second.id };
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-15");
  for (const [key, body] of [
    [ids.admin1, { queues: ["standard"], capacity: null, active: true }],
    [ids.admin2, { queues: ["standard", "senior"], capacity: null, active: true }],
  ] as const) {
    const res = await risk.patch(`/api/v1/collections/collectors/${key}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  // Four loans a month behind on 2026-03-10 (M1), one 80 days (M3), one 221 days (M7).
  for (const name of ["a", "b", "c", "d"])
    loanIds[name] = (
      await newLoan(t.handle.db, { startDate: "2026-01-15", principal: fen(1_200_000) })
    ).loanId;
  loanIds.senior = (await newLoan(t.handle.db, { startDate: "2025-11-20" })).loanId;
  loanIds.legal = (await newLoan(t.handle.db, { startDate: "2025-07-01" })).loanId;
  await runCob(t.handle.db, systemContext(), { to: "2026-03-10", mode: "jump" });
}, 120_000);
afterAll(async () => t.close());
afterEach(() => vi.useRealTimers());

describe("assignment when the batch opens tasks", () => {
  it("deals the standard queue round-robin between its two collectors", async () => {
    const standard = await Promise.all(["a", "b", "c", "d"].map((k) => taskOf(loanIds[k])));
    expect(standard.every((x) => x.queue === "standard")).toBe(true);
    const per = (id: string) => standard.filter((x) => x.assigned_to === id).length;
    expect([per(ids.admin1), per(ids.admin2)]).toEqual([2, 2]);
    const events = await rows<{ kind: string; rule: string }>(
      sql`select kind, detail->>'rule' as rule from collection_task_events where kind = 'assigned'`,
    );
    expect(events.length).toBe(5);
    expect(new Set(events.map((e) => e.rule))).toEqual(new Set(["round-robin"]));
  });

  it("escalates by DPD: M3 to the senior queue and its collector, 180+ to legal, left in the pool without a legal collector", async () => {
    expect(await taskOf(loanIds.senior)).toMatchObject({ queue: "senior", assigned_to: ids.admin2 });
    expect(await taskOf(loanIds.legal)).toMatchObject({ queue: "legal", assigned_to: null });
    const escalations = await rows<{ to: string; reason: string }>(
      sql`select detail->>'to' as to, detail->>'reason' as reason from collection_task_events
          where kind = 'escalated' order by detail->>'to'`,
    );
    expect(escalations).toEqual([
      { to: "legal", reason: "dpd" },
      { to: "senior", reason: "dpd" },
    ]);
  });

  it("respects capacity: a full collector gets nothing more, a full team leaves the task in the pool", async () => {
    await risk.patch(`/api/v1/collections/collectors/${ids.admin2}`, {
      queues: ["standard", "senior"],
      capacity: 3,
      active: true,
    });
    loanIds.e = (await newLoan(t.handle.db, { startDate: "2026-01-20" })).loanId;
    await runCob(t.handle.db, systemContext(), { to: "2026-03-11", mode: "jump" });
    expect((await taskOf(loanIds.e)).assigned_to).toBe(ids.admin1);
    await risk.patch(`/api/v1/collections/collectors/${ids.admin1}`, {
      queues: ["standard"],
      capacity: 3,
      active: true,
    });
    loanIds.f = (await newLoan(t.handle.db, { startDate: "2026-01-21" })).loanId;
    await runCob(t.handle.db, systemContext(), { to: "2026-03-12", mode: "jump" });
    expect((await taskOf(loanIds.f)).assigned_to).toBeNull();
    // Room again: the next close hands it out.
    await risk.patch(`/api/v1/collections/collectors/${ids.admin1}`, {
      queues: ["standard"],
      capacity: null,
      active: true,
    });
    await runCob(t.handle.db, systemContext(), { to: "2026-03-13", mode: "jump" });
    expect((await taskOf(loanIds.f)).assigned_to).toBe(ids.admin1);
    await risk.patch(`/api/v1/collections/collectors/${ids.admin2}`, {
      queues: ["standard", "senior"],
      capacity: null,
      active: true,
    });
  });
});

describe("promises to pay judged by the batch", () => {
  let keptTask: string;
  let brokenTask: string;

  it("records two promises through the API", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-14T02:00:00Z")); // 10:00 in China
    const mine = (
      await admin1.get("/api/v1/collections/tasks?assignee=me&queue=standard&sort=openedOn")
    ).json();
    const [first, second] = mine.items as { id: string; loanId: string }[];
    keptTask = first.id;
    brokenTask = second.id;
    for (const [task, amount, date] of [
      [keptTask, "100.00", "2026-03-16"],
      [brokenTask, "200.00", "2026-03-15"],
    ])
      expect(
        (
          await admin1.post(`/api/v1/collections/tasks/${task}/actions`, {
            contactId: "borrower",
            method: "call",
            purpose: "negotiation",
            outcome: "promise-to-pay",
            promiseAmount: amount,
            promiseDate: date,
          })
        ).statusCode,
      ).toBe(201);
    loanIds.kept = first.loanId;
  });

  it("keeps the promise once payments since it reach the amount, breaks the other after its date and a day of grace", async () => {
    // A second broken promise would be needed by default; one is enough with this setting.
    await setSetting(t.handle.db, systemContext(), {
      key: "collections.escalation",
      value: { seniorFromDpd: 61, legalFromDpd: 181, brokenPromisesToSenior: 1 },
      effectiveFrom: "2026-03-01",
    });
    await runCob(t.handle.db, systemContext(), { to: "2026-03-14" });
    const paid = await finance.post(`/api/v1/loans/${loanIds.kept}/repayments`, {
      amount: "100.00",
      date: "2026-03-14",
      channel: "wechat-pay",
    });
    expect(paid.statusCode, paid.body).toBe(201);
    await runCob(t.handle.db, systemContext(), { to: "2026-03-15" });
    const promises = async () =>
      rows<{ task_id: string; status: string; paid_fen: number; resolved_on: string | null }>(
        sql`select task_id, status, paid_fen::int as paid_fen, resolved_on::text from collection_promises order by amount_fen`,
      );
    expect(await promises()).toEqual([
      { task_id: keptTask, status: "kept", paid_fen: 10_000, resolved_on: "2026-03-15" },
      { task_id: brokenTask, status: "pending", paid_fen: 0, resolved_on: null },
    ]);
    await runCob(t.handle.db, systemContext(), { to: "2026-03-16" });
    expect((await promises())[1]).toMatchObject({ status: "broken", resolved_on: "2026-03-16" });
  });

  it("flags the task with the broken promise and escalates it to a senior collector", async () => {
    const task = (
      await rows<{ loan_id: string }>(sql`select loan_id from collection_tasks where id = ${brokenTask}`)
    )[0];
    expect(await taskOf(task.loan_id)).toMatchObject({
      priority: "high",
      broken_promises: 1,
      queue: "senior",
      assigned_to: ids.admin2,
    });
    const history = await rows<{ kind: string; reason: string | null }>(
      sql`select kind, detail->>'reason' as reason from collection_task_events where task_id = ${brokenTask} order by at, kind`,
    );
    expect(history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(["promise-broken", "priority-raised", "escalated", "assigned"]),
    );
    expect(history.find((h) => h.kind === "escalated")?.reason).toBe("broken-promises");
    // The task page reads that history: queues and priorities in it are not people to look up.
    const page = await risk.get(`/api/v1/collections/tasks/${brokenTask}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().events.map((e: { kind: string }) => e.kind)).toContain("escalated");
    // The summary counts them: one kept, one broken, 50.00 %.
    const summary = (await risk.get("/api/v1/collections/summary")).json();
    expect(summary.promises).toMatchObject({ kept: 1, broken: 1, keptRate: "50.00", pending: 0 });
  });

  it("changes nothing when a date's close is rerun for the same loans", async () => {
    const before = await count(t.handle.db, "collection_task_events");
    const { closeCollections } = await import("./cob-step.ts");
    await t.handle.db.transaction((tx) =>
      closeCollections(tx, { date: "2026-03-16", scope: { fromId: null, toId: null } }),
    );
    expect(await count(t.handle.db, "collection_task_events")).toBe(before);
  });
});
