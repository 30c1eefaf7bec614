// Assignment rules through the API: round-robin within the leader's group, skipping people away
// (flag, disabled account, left the company) and at their cap; bulk reassignment by the leader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody, rows, userIdOf } from "./testing/lead-fixtures.ts";

let t: TestApp;
let leader: TestClient;
let tm: TestClient;
let members: { id: string; username: string; display_name: string }[];

const plusDays = (days: number) =>
  new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as("tele-leader");
  tm = await t.as("telemarketer");
  const leaderId = await userIdOf(t.handle.db, "tele-leader");
  members = await rows(
    t.handle.db,
    `select id, username, display_name from users where manager_id = '${leaderId}' order by display_name`,
  );
});
afterAll(async () => t.close());

async function createUnowned(count: number): Promise<string[]> {
  const owners: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await leader.post("/api/v1/crm/leads", leadBody());
    expect(res.statusCode, res.body).toBe(201);
    owners.push(res.json().ownerId);
  }
  return owners;
}

const setAgent = (id: string, body: Record<string, unknown>) =>
  leader.patch(`/api/v1/crm/agents/${id}`, body);

describe("round-robin within the group", () => {
  it("gives each new lead to the member given one longest ago", async () => {
    expect(members.length).toBe(8);
    const owners = await createUnowned(members.length + 2);
    // Nobody had been given one: the order of names first, then round again.
    const expected = members.map((m) => m.id);
    expect(owners).toEqual([...expected, expected[0], expected[1]]);
  });

  it("skips people away, disabled, gone or at their cap, and refuses when nobody has room", async () => {
    const [a, b, c, d, ...rest] = members;
    expect((await setAgent(a.id, { awayUntil: plusDays(3), awayNote: "年假" })).json()).toMatchObject({
      away: true,
      awayReason: "away",
    });
    await t.handle.db.execute(`update users set status = 'disabled' where id = '${b.id}'`);
    await t.handle.db.execute(`update staff_members set status = 'left' where user_id = '${c.id}'`);
    for (const m of rest) await setAgent(m.id, { maxOpenLeads: 0 });
    expect(new Set(await createUnowned(3))).toEqual(new Set([d.id]));

    const agents = (await leader.get("/api/v1/crm/agents")).json() as { userId: string; openLeads: number }[];
    const open = agents.find((x) => x.userId === d.id)?.openLeads as number;
    await setAgent(d.id, { maxOpenLeads: open });
    const [{ n: before }] = await rows<{ n: number }>(
      t.handle.db,
      "select count(*)::int as n from crm_leads",
    );
    const refused = await leader.post("/api/v1/crm/leads", leadBody());
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("assignment-no-capacity");
    const [{ n: after }] = await rows<{ n: number }>(t.handle.db, "select count(*)::int as n from crm_leads");
    expect(after).toBe(before);

    // Back from leave: the first one again.
    await setAgent(a.id, { awayUntil: null });
    expect(await createUnowned(1)).toEqual([a.id]);
    await t.handle.db.execute(`update users set status = 'active' where id = '${b.id}'`);
    await t.handle.db.execute(`update staff_members set status = 'formal' where user_id = '${c.id}'`);
    for (const m of [d, ...rest]) await setAgent(m.id, { maxOpenLeads: null });
  });

  it("leaves assignment rules to people who assign (crm.manage)", async () => {
    expect((await tm.patch(`/api/v1/crm/agents/${members[0].id}`, { maxOpenLeads: 5 })).statusCode).toBe(403);
    const own = await tm.post("/api/v1/crm/leads", leadBody());
    expect(own.json().ownerId).toBe(await userIdOf(t.handle.db, "telemarketer"));
    expect((await tm.post("/api/v1/crm/leads", leadBody({ groupLeaderId: members[0].id }))).statusCode).toBe(
      400,
    );
  });
});

describe("manual reassignment", () => {
  it("moves leads in bulk to one person or spreads them over the group, with events", async () => {
    const a = (await tm.post("/api/v1/crm/leads", leadBody())).json();
    const b = (await tm.post("/api/v1/crm/leads", leadBody())).json();
    const target = members.find((m) => m.username !== "telemarketer") as (typeof members)[number];
    expect(
      (await tm.post("/api/v1/crm/leads/reassign", { leadIds: [a.id], ownerId: target.id })).statusCode,
    ).toBe(403);
    const res = await leader.post("/api/v1/crm/leads/reassign", {
      leadIds: [a.id, b.id],
      ownerId: target.id,
      note: "请假交接",
    });
    expect(res.json()).toEqual({ reassigned: 2 });
    expect((await tm.get(`/api/v1/crm/leads/${a.id}`)).statusCode).toBe(404);
    const detail = (await leader.get(`/api/v1/crm/leads/${a.id}`)).json();
    expect(detail.ownerId).toBe(target.id);
    expect(detail.timeline[0]).toMatchObject({
      kind: "assigned",
      toValue: target.display_name,
      note: "请假交接",
    });
    const spread = await leader.post("/api/v1/crm/leads/reassign", {
      leadIds: [a.id, b.id],
      groupLeaderId: await userIdOf(t.handle.db, "tele-leader"),
    });
    expect(spread.statusCode).toBe(200);
    const both = await leader.post("/api/v1/crm/leads/reassign", { leadIds: [a.id] });
    expect(both.statusCode).toBe(400);
  });
});
