// Calls logged from a lead: what each outcome does to the lead, effective against the threshold
// setting in force on the call's date, outcome configuration and the call records list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody, rows, userIdOf } from "./testing/lead-fixtures.ts";

let t: TestApp;
let tm: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  tm = await t.as("telemarketer");
  leader = await t.as("tele-leader");
});
afterAll(async () => t.close());

const newLead = async () => (await tm.post("/api/v1/crm/leads", leadBody())).json();
const log = (leadId: string, body: Record<string, unknown>) =>
  tm.post(`/api/v1/crm/leads/${leadId}/calls`, body);

describe("logging a call", () => {
  it("has the standard outcomes to pick from", async () => {
    const outcomes = (await tm.get("/api/v1/crm/call-outcomes")).json();
    expect(outcomes.map((o: { code: string }) => o.code)).toEqual(
      expect.arrayContaining([
        "no-answer",
        "empty-number",
        "rejected",
        "no-interest",
        "intent",
        "appointment",
        "do-not-call",
        "callback",
      ]),
    );
  });

  it("moves the lead as the outcome says, once for intent, and keeps the follow-up date", async () => {
    const lead = await newLead();
    const missed = await log(lead.id, { outcomeCode: "no-answer" });
    expect(missed.statusCode, missed.body).toBe(201);
    expect(missed.json().call).toMatchObject({ connected: false, effective: false, talkSeconds: 0 });
    expect(missed.json().lead.stage).toBe("new");

    const reached = (
      await log(lead.id, { outcomeCode: "callback", talkSeconds: 50, note: "下午再打" })
    ).json();
    expect(reached.call).toMatchObject({
      connected: true,
      effective: true,
      outcomeCode: "callback",
      note: "下午再打",
    });
    expect(reached.lead.stage).toBe("contacted");

    const tomorrow = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const interested = (
      await log(lead.id, {
        outcomeCode: "intent",
        talkSeconds: 180,
        nextStep: "发资料",
        nextFollowUpOn: tomorrow,
      })
    ).json();
    expect(interested.lead).toMatchObject({ stage: "intent", intentLevel: "B", nextFollowUpOn: tomorrow });
    await log(lead.id, { outcomeCode: "intent", talkSeconds: 60, intentLevel: "A" });
    const appointment = (await log(lead.id, { outcomeCode: "appointment", talkSeconds: 90 })).json();
    expect(appointment.lead).toMatchObject({ stage: "appointment", intentLevel: "A" });

    const events = await rows<{ kind: string; to_value: string }>(
      t.handle.db,
      `select kind, to_value from crm_lead_events where lead_id = '${lead.id}' order by at, id`,
    );
    expect(events.filter((e) => e.kind === "intent")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "stage").map((e) => e.to_value)).toEqual([
      "contacted",
      "intent",
      "appointment",
    ]);
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["follow-up", "intent-level"]));
    const detail = (await tm.get(`/api/v1/crm/leads/${lead.id}`)).json();
    expect(detail.callCount).toBe(5);
    expect(detail.lastContactAt).not.toBeNull();
  });

  it("flags do-not-call and refuses further calls; refuses unknown outcomes and calls in the future", async () => {
    const lead = await newLead();
    const dnc = (await log(lead.id, { outcomeCode: "do-not-call", talkSeconds: 200 })).json();
    expect(dnc.lead.doNotCall).toBe(true);
    expect(dnc.call.effective).toBe(false);
    expect((await log(lead.id, { outcomeCode: "callback" })).json().error.code).toBe("lead-do-not-call");
    const other = await newLead();
    expect((await log(other.id, { outcomeCode: "no-such" })).json().error.fields).toHaveProperty(
      "outcomeCode",
    );
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await log(other.id, { outcomeCode: "callback", startedAt: future })).statusCode).toBe(400);
  });
});

describe("the effective-call threshold (a setting)", () => {
  it("judges each call by the threshold in force on its date", async () => {
    const today = todayInChina();
    await t.handle.db.execute(
      `insert into settings (key, value, effective_from, note) values ('crm.effective-call-seconds', '60'::jsonb, '${today}', 'test')`,
    );
    const lead = await newLead();
    const now = (await log(lead.id, { outcomeCode: "callback", talkSeconds: 45 })).json();
    expect(now.call.effective).toBe(false);
    const longer = (await log(lead.id, { outcomeCode: "callback", talkSeconds: 60 })).json();
    expect(longer.call.effective).toBe(true);
    const lastWeek = new Date(Date.parse(`${today}T10:00:00+08:00`) - 7 * 86_400_000).toISOString();
    const before = (
      await log(lead.id, { outcomeCode: "callback", talkSeconds: 45, startedAt: lastWeek })
    ).json();
    expect(before.call.effective).toBe(true);
    await t.handle.db.execute("delete from settings where key = 'crm.effective-call-seconds'");
  });
});

describe("outcome configuration", () => {
  it("lets people who assign leads add, change and retire outcomes", async () => {
    const body = {
      code: "wechat-added",
      nameZh: "已加微信",
      nameEn: "Added on WeChat",
      connected: true,
      effective: true,
      intent: true,
      appointment: false,
      doNotCall: false,
      sortOrder: 75,
    };
    expect((await tm.post("/api/v1/crm/call-outcomes", body)).statusCode).toBe(403);
    expect((await leader.post("/api/v1/crm/call-outcomes", body)).statusCode).toBe(201);
    expect((await leader.post("/api/v1/crm/call-outcomes", body)).statusCode).toBe(409);
    expect((await leader.post("/api/v1/crm/call-outcomes", { ...body, code: "Bad Code" })).statusCode).toBe(
      400,
    );
    const lead = await newLead();
    expect((await log(lead.id, { outcomeCode: "wechat-added", talkSeconds: 40 })).json().lead.stage).toBe(
      "intent",
    );
    const retired = await leader.patch("/api/v1/crm/call-outcomes/wechat-added", { active: false });
    expect(retired.json().active).toBe(false);
    expect((await log(lead.id, { outcomeCode: "wechat-added" })).statusCode).toBe(400);
    expect((await leader.post("/api/v1/crm/call-outcomes/standard", {})).json()).toEqual({ added: 0 });
  });
});

describe("call records", () => {
  it("lists a telemarketer's own calls and the leader's group, with totals", async () => {
    const lead = await newLead();
    await log(lead.id, { outcomeCode: "callback", talkSeconds: 100 });
    const mine = (await tm.get("/api/v1/crm/calls?pageSize=500")).json();
    const tmId = await userIdOf(t.handle.db, "telemarketer");
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((c: { agentId: string }) => c.agentId === tmId)).toBe(true);
    expect(mine.summary.calls).toBe(mine.total);
    const effective = (
      await tm.get(`/api/v1/crm/calls?effective=true&from=${todayInChina()}&to=${todayInChina()}`)
    ).json();
    expect(effective.items.every((c: { effective: boolean }) => c.effective)).toBe(true);
    expect(effective.summary.effective).toBe(effective.total);
    const group = (await leader.get("/api/v1/crm/calls")).json();
    expect(group.total).toBeGreaterThanOrEqual(mine.total);
  });
});
