// Leads through the API: validation, 撞单 against leads and customers, data scope, stage moves,
// merge, convert (students refused) and showing a number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody, newIdNumber, newPhone, rows, userIdOf } from "./testing/lead-fixtures.ts";

let t: TestApp;
let tm: TestClient; // telemarketer, group 1
let peer: TestClient; // another telemarketer of group 1
let leader: TestClient; // tele-leader of group 1
let cm: TestClient;
let gm: TestClient;
let peerName: string;
let tmId: string;

beforeAll(async () => {
  t = await createTestApp();
  tm = await t.as("telemarketer");
  leader = await t.as("tele-leader");
  cm = await t.as("customer-manager");
  gm = await t.as("gm");
  tmId = await userIdOf(t.handle.db, "telemarketer");
  const leaderId = await userIdOf(t.handle.db, "tele-leader");
  const [other] = await rows<{ username: string; display_name: string }>(
    t.handle.db,
    `select username, display_name from users where manager_id = '${leaderId}' and username <> 'telemarketer' order by username limit 1`,
  );
  peer = await t.as(other.username);
  peerName = other.display_name;
});
afterAll(async () => t.close());

const create = async (client: TestClient, extra: Record<string, unknown> = {}) => {
  const res = await client.post("/api/v1/crm/leads", leadBody(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("registering a lead", () => {
  it("answers 201 with the phone masked, the caller as owner and a created event", async () => {
    const phone = newPhone();
    const lead = await create(tm, { phone, name: "王小明", wantedAmount: "50000", city: "杭州" });
    expect(lead.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect(lead).toMatchObject({ stage: "new", ownerId: tmId, wantedAmount: "50000.00", duplicates: [] });
    expect(JSON.stringify(lead)).not.toContain(phone);
    const detail = (await tm.get(`/api/v1/crm/leads/${lead.id}`)).json();
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(["created"]);
  });

  it("checks the phone, the ID number and what each source needs", async () => {
    const bad = await tm.post(
      "/api/v1/crm/leads",
      leadBody({ phone: "12345", idNumber: "330106198506120001" }),
    );
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["idNumber", "phone"]);
    const referral = await tm.post("/api/v1/crm/leads", leadBody({ source: "referral" }));
    expect(referral.json().error.fields).toEqual({ referrer: "A referral needs the referrer" });
    const event = await tm.post("/api/v1/crm/leads", leadBody({ source: "event" }));
    expect(event.json().error.fields).toEqual({ campaignId: "An event lead needs its campaign" });
    const unknown = await tm.post(
      "/api/v1/crm/leads",
      leadBody({ source: "event", campaignId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(unknown.statusCode).toBe(400);
    const ok = await create(tm, { source: "referral", referrer: "老客户 陈立新", idNumber: newIdNumber() });
    expect(ok.idNumber).toMatch(/^330\*+\d{3}[\dX]$/);
  });
});

describe("撞单: the same number twice", () => {
  it("refuses a number that is someone's lead, naming the owner, unless forced (audited)", async () => {
    const phone = newPhone();
    const first = await create(peer, { phone, name: "张三" });
    const again = await tm.post("/api/v1/crm/leads", leadBody({ phone }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("lead-duplicate-lead");
    expect(again.json().error.message).toContain(peerName);
    const check = (await tm.post("/api/v1/crm/leads/duplicate-check", { phone })).json();
    expect(check.duplicates).toEqual([
      expect.objectContaining({ kind: "lead", id: first.id, ownerName: peerName, matchedOn: ["phone"] }),
    ]);
    const forced = await tm.post("/api/v1/crm/leads", leadBody({ phone, force: true }));
    expect(forced.statusCode).toBe(201);
    expect(forced.json().duplicates).toHaveLength(1);
    const [audit] = await rows<{ action: string }>(
      t.handle.db,
      `select action from audit_log where entity_id = '${forced.json().id}'`,
    );
    expect(audit.action).toBe("lead.created-despite-duplicate");
  });

  it("finds customers too, by phone and by ID number", async () => {
    const phone = newPhone("138");
    const idNumber = newIdNumber("19800101");
    const customer = await cm.post("/api/v1/customers", {
      type: "individual",
      name: "李客户",
      idNumber,
      phone,
    });
    expect(customer.statusCode).toBe(201);
    const byPhone = await tm.post("/api/v1/crm/leads", leadBody({ phone }));
    expect(byPhone.json().error.code).toBe("lead-duplicate-customer");
    const byId = await tm.post("/api/v1/crm/leads", leadBody({ idNumber }));
    expect(byId.statusCode).toBe(409);
    expect(byId.json().error.fields).toHaveProperty("idNumber");
  });
});

describe("data scope", () => {
  it("shows a telemarketer their own leads, the leader the group, a team manager elsewhere none", async () => {
    const mine = await create(tm);
    const theirs = await create(peer);
    const tmList = (await tm.get("/api/v1/crm/leads?pageSize=500")).json();
    expect(tmList.items.every((l: { ownerId: string }) => l.ownerId === tmId)).toBe(true);
    expect((await tm.get(`/api/v1/crm/leads/${theirs.id}`)).statusCode).toBe(404);
    const leaderIds = (await leader.get("/api/v1/crm/leads?pageSize=500"))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(leaderIds).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const manager = await t.as("team-manager");
    expect((await manager.get(`/api/v1/crm/leads/${mine.id}`)).statusCode).toBe(404);
    expect((await gm.get(`/api/v1/crm/leads/${mine.id}`)).statusCode).toBe(403);
  });
});

describe("stages", () => {
  it("moves by hand, writes the intent event once, needs a reason for 无效 and refuses applied", async () => {
    const lead = await create(tm);
    const move = (stage: string, extra = {}) =>
      tm.post(`/api/v1/crm/leads/${lead.id}/stage`, { stage, ...extra });
    expect((await move("intent")).json().stage).toBe("intent");
    expect((await move("appointment")).statusCode).toBe(200);
    expect((await move("contacted")).statusCode).toBe(200);
    expect((await move("intent")).statusCode).toBe(200);
    expect((await move("invalid")).json().error.fields).toHaveProperty("invalidReason");
    expect((await move("invalid", { invalidReason: "no-need" })).json()).toMatchObject({
      stage: "invalid",
      invalidReason: "no-need",
    });
    expect((await move("applied")).statusCode).toBe(409);
    const [{ n }] = await rows<{ n: number }>(
      t.handle.db,
      `select count(*)::int as n from crm_lead_events where lead_id = '${lead.id}' and kind = 'intent'`,
    );
    expect(n).toBe(1);
  });
});

describe("merging two records of one person", () => {
  it("moves calls and events to the survivor and hides the other", async () => {
    const phone = newPhone();
    const survivor = await create(tm, { phone, name: "赵六" });
    const other = await create(tm, {
      phone,
      name: "赵六(重复)",
      force: true,
      city: "宁波",
      idNumber: newIdNumber(),
    });
    expect(
      (await tm.post(`/api/v1/crm/leads/${other.id}/calls`, { outcomeCode: "callback", talkSeconds: 50 }))
        .statusCode,
    ).toBe(201);
    const merged = await tm.post(`/api/v1/crm/leads/${survivor.id}/merge`, { otherId: other.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ city: "宁波", idNumber: other.idNumber });
    expect((await tm.get(`/api/v1/crm/leads/${other.id}`)).statusCode).toBe(404);
    const list = (await tm.get("/api/v1/crm/leads?pageSize=500")).json();
    expect(list.items.map((l: { id: string }) => l.id)).not.toContain(other.id);
    const detail = (await tm.get(`/api/v1/crm/leads/${survivor.id}`)).json();
    expect(detail.callCount).toBe(1);
    expect(detail.mergedFrom).toEqual([{ id: other.id, name: "赵六(重复)" }]);
    expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["merged", "call", "created"]),
    );
    expect(
      (await tm.post(`/api/v1/crm/leads/${survivor.id}/merge`, { otherId: survivor.id })).statusCode,
    ).toBe(400);
  });
});

describe("converting a lead", () => {
  let productId: string;
  beforeAll(async () => {
    const products = (await cm.get("/api/v1/products")).json();
    productId = (products.items ?? products).find(
      (p: { minAmount: string }) => Number(p.minAmount) <= 50_000,
    ).id;
  });
  const convertBody = (extra = {}) => ({
    productId,
    amount: "50000",
    termMonths: 12,
    purpose: "店铺进货",
    ...extra,
  });

  it("creates the customer and a submitted application in one click and moves the lead to applied", async () => {
    const lead = await create(cm, { idNumber: newIdNumber("19790303"), name: "钱七" });
    const res = await cm.post(`/api/v1/crm/leads/${lead.id}/convert`, convertBody());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.lead).toMatchObject({
      stage: "applied",
      customerId: body.customerId,
      applicationId: body.applicationId,
    });
    const app = (await cm.get(`/api/v1/applications/${body.applicationId}`)).json();
    expect(app).toMatchObject({ status: "submitted", customerId: body.customerId });
    const kinds = (await cm.get(`/api/v1/crm/leads/${lead.id}`))
      .json()
      .timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["converted", "stage", "intent"]));
    expect((await cm.post(`/api/v1/crm/leads/${lead.id}/convert`, convertBody())).statusCode).toBe(409);
  });

  it("refuses students and writes nothing", async () => {
    const lead = await create(cm, { idNumber: newIdNumber("20050505") });
    const [{ n: before }] = await rows<{ n: number }>(
      t.handle.db,
      "select count(*)::int as n from customers",
    );
    const res = await cm.post(`/api/v1/crm/leads/${lead.id}/convert`, convertBody({ segment: "student" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("lead-student");
    const [{ n: after }] = await rows<{ n: number }>(t.handle.db, "select count(*)::int as n from customers");
    expect(after).toBe(before);
    expect((await cm.get(`/api/v1/crm/leads/${lead.id}`)).json().stage).toBe("new");
  });

  it("rolls the customer back when the application is refused, and needs the ID number", async () => {
    const lead = await create(cm, { idNumber: newIdNumber("19810404") });
    const [{ n: before }] = await rows<{ n: number }>(
      t.handle.db,
      "select count(*)::int as n from customers",
    );
    const res = await cm.post(`/api/v1/crm/leads/${lead.id}/convert`, convertBody({ termMonths: 7 }));
    expect(res.statusCode).toBe(400);
    const [{ n: after }] = await rows<{ n: number }>(t.handle.db, "select count(*)::int as n from customers");
    expect(after).toBe(before);
    const noId = await create(cm);
    expect(
      (await cm.post(`/api/v1/crm/leads/${noId.id}/convert`, convertBody())).json().error.fields,
    ).toHaveProperty("idNumber");
  });

  it("is for people who may register customers and applications", async () => {
    const lead = await create(tm, { idNumber: newIdNumber() });
    expect((await tm.post(`/api/v1/crm/leads/${lead.id}/convert`, convertBody())).statusCode).toBe(403);
  });
});

describe("showing a number", () => {
  it("shows the owner their lead's phone (audited) but not the ID, and nobody else without pii.unmask", async () => {
    const phone = newPhone();
    const lead = await create(tm, { phone, idNumber: newIdNumber() });
    const shown = await tm.get(`/api/v1/crm/leads/${lead.id}/pii?field=phone`);
    expect(shown.json()).toEqual({ field: "phone", value: phone });
    expect((await tm.get(`/api/v1/crm/leads/${lead.id}/pii?field=idNumber`)).statusCode).toBe(403);
    expect((await leader.get(`/api/v1/crm/leads/${lead.id}/pii?field=phone`)).statusCode).toBe(403);
    const [audit] = await rows<{ n: number }>(
      t.handle.db,
      `select count(*)::int as n from audit_log where action = 'lead.pii-revealed' and entity_id = '${lead.id}'`,
    );
    expect(audit.n).toBe(1);
  });
});
