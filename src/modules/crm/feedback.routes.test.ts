// Customer feedback and complaints: the SLA from the category's setting, overdue and late flags,
// the status steps, numbering, and who may work them (客服, service.feedback).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { insertSettingRow } from "../settings/settings.service.ts";
import { clearCrmActivity } from "./testing/kpi-fixtures.ts";

let t: TestApp;
let service: TestClient;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

type View = {
  id: string;
  refNo: string;
  status: string;
  slaHours: number;
  dueAt: string;
  overdue: boolean;
  late: boolean;
  outcome: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  await clearCrmActivity(t.handle.db);
  service = await t.as("service");
});
afterAll(async () => t.close());

const record = async (body: Record<string, unknown>) => {
  const res = await service.post("/api/v1/crm/feedback", {
    kind: "complaint",
    channel: "phone",
    contactName: "王女士",
    subject: "催收电话太频繁",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as View;
};

describe("feedback and complaints", () => {
  it("sets the due time from the category's SLA and flags it overdue once past", async () => {
    // 催收行为 (collection): 24 hours by default; received 30 hours ago → 6 hours overdue.
    const late = await record({ category: "collection", receivedAt: hoursAgo(30) });
    expect(late.slaHours).toBe(24);
    expect(late.overdue).toBe(true);
    expect(late.refNo).toMatch(/^FB\d{8}-\d{3}$/);
    // 产品与额度 (product): 72 hours; received 30 hours ago → 42 hours left.
    const fine = await record({
      kind: "feedback",
      category: "product",
      subject: "希望提高额度",
      receivedAt: hoursAgo(30),
    });
    expect(fine.slaHours).toBe(72);
    expect(fine.overdue).toBe(false);
    const list = (await service.get("/api/v1/crm/feedback?overdue=true")).json();
    expect(list.items.map((x: View) => x.id)).toEqual([late.id]);
    expect(list.summary).toMatchObject({ open: 2, overdue: 1, complaints: 1 });
  });

  it("numbers the day's cases in order", async () => {
    const first = await record({ category: "service" });
    const second = await record({ category: "service" });
    expect(Number(second.refNo.slice(-3))).toBe(Number(first.refNo.slice(-3)) + 1);
  });

  it("refuses an unknown category, a time in the future and roles without service.feedback", async () => {
    const unknown = await service.post("/api/v1/crm/feedback", {
      kind: "complaint",
      category: "weather",
      channel: "phone",
      contactName: "x",
      subject: "y",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty("category");
    const future = await service.post("/api/v1/crm/feedback", {
      kind: "feedback",
      category: "other",
      channel: "wechat",
      contactName: "x",
      subject: "y",
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect((await (await t.as("telemarketer")).get("/api/v1/crm/feedback")).statusCode).toBe(403);
  });

  it("takes a new SLA for cases received after a setting change, not before", async () => {
    const today = new Date().toISOString().slice(0, 10);
    await insertSettingRow(t.handle.db, {
      key: "crm.feedback-sla-hours",
      value: {
        service: 8,
        fees: 48,
        collection: 12,
        product: 72,
        process: 48,
        privacy: 24,
        system: 48,
        other: 72,
      },
      effectiveFrom: today,
      note: "test",
    });
    const now = await record({ category: "collection" });
    expect(now.slaHours).toBe(12);
    const before = await record({ category: "collection", receivedAt: "2025-06-01T10:00:00+08:00" });
    expect(before.slaHours).toBe(24);
  });

  it("moves open → resolved (with an outcome) → closed, marks a late resolution, and stops there", async () => {
    const c = await record({ category: "fees", receivedAt: hoursAgo(60) }); // 48 h: already 12 h late
    const noOutcome = await service.post(`/api/v1/crm/feedback/${c.id}/status`, { status: "resolved" });
    expect(noOutcome.statusCode).toBe(400);
    const started = await service.post(`/api/v1/crm/feedback/${c.id}/status`, { status: "in-progress" });
    expect(started.statusCode, started.body).toBe(200);
    const resolved = await service.post(`/api/v1/crm/feedback/${c.id}/status`, {
      status: "resolved",
      outcome: "已核实并退还多收的服务费 ¥120.00",
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: "resolved", overdue: false, late: true });
    const closed = await service.post(`/api/v1/crm/feedback/${c.id}/status`, { status: "closed" });
    expect(closed.json().status).toBe("closed");
    const reopen = await service.post(`/api/v1/crm/feedback/${c.id}/status`, { status: "in-progress" });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.code).toBe("feedback-transition");
  });

  it("assigns an active colleague as the owner, and nobody else", async () => {
    const c = await record({ category: "system" });
    const me = (await service.get("/api/v1/auth/me")).json().user.id as string;
    const res = await service.post(`/api/v1/crm/feedback/${c.id}/assign`, { ownerId: me });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownerId).toBe(me);
    const nobody = await service.post(`/api/v1/crm/feedback/${c.id}/assign`, {
      ownerId: "00000000-0000-4000-8000-000000000000",
    });
    expect(nobody.statusCode).toBe(400);
  });
});
