// Campaigns: kept by people who assign leads, read by everyone working leads, counted per lead,
// and deleted only while no lead names them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody } from "./testing/lead-fixtures.ts";

let t: TestApp;
let leader: TestClient;
let tm: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as("tele-leader");
  tm = await t.as("telemarketer");
});
afterAll(async () => t.close());

describe("campaigns", () => {
  it("are created, counted by their leads, edited, and deleted only while unused", async () => {
    const body = { name: "社区讲座", channel: "community", startsOn: "2026-10-05", cost: "3500" };
    expect((await tm.post("/api/v1/crm/campaigns", body)).statusCode).toBe(403);
    const created = await leader.post("/api/v1/crm/campaigns", body);
    expect(created.statusCode, created.body).toBe(201);
    const campaign = created.json();
    expect(campaign).toMatchObject({ name: "社区讲座", cost: "3500.00", endsOn: null, leads: 0 });
    expect((await leader.post("/api/v1/crm/campaigns", { ...body, endsOn: "2026-10-01" })).statusCode).toBe(
      400,
    );

    const spare = (await leader.post("/api/v1/crm/campaigns", { ...body, name: "备用活动" })).json();
    await tm.post("/api/v1/crm/leads", leadBody({ source: "event", campaignId: campaign.id }));
    await tm.post("/api/v1/crm/leads", leadBody({ source: "event", campaignId: campaign.id }));
    const list = (await tm.get("/api/v1/crm/campaigns")).json();
    expect(list.find((c: { id: string }) => c.id === campaign.id).leads).toBe(2);
    expect(list.find((c: { id: string }) => c.id === spare.id).leads).toBe(0);

    const edited = await leader.patch(`/api/v1/crm/campaigns/${campaign.id}`, {
      endsOn: "2026-10-06",
      cost: "4000.50",
    });
    expect(edited.json()).toMatchObject({ endsOn: "2026-10-06", cost: "4000.50", leads: 2 });
    const refused = await leader.del(`/api/v1/crm/campaigns/${campaign.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("campaign-in-use");
    expect((await leader.del(`/api/v1/crm/campaigns/${spare.id}`)).statusCode).toBe(200);
    expect((await tm.get("/api/v1/crm/campaigns")).json()).toHaveLength(1);
  });
});
