import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe("settings by maker–checker", () => {
  it("applies a change only after someone else approves it, and audits both", async () => {
    const admin = await t.as("admin");
    const gm = await t.as("gm");
    const today = todayInChina();
    const before = (await gm.get("/api/v1/settings"))
      .json()
      .items.find((i: { key: string }) => i.key === "rates.apr-cap");
    expect(before.value).toBe("0.24");

    const proposed = await admin.post("/api/v1/settings/proposals", {
      key: "rates.apr-cap",
      value: "0.2",
      effectiveFrom: today,
      note: "监管窗口指导",
    });
    expect(proposed.statusCode).toBe(201);
    const pending = (await gm.get("/api/v1/settings")).json();
    expect(pending.items.find((i: { key: string }) => i.key === "rates.apr-cap").value).toBe("0.24");
    expect(pending.proposals[0]).toMatchObject({ status: "pending", key: "rates.apr-cap" });

    const decided = await gm.post(`/api/v1/settings/proposals/${proposed.json().id}/decision`, {
      decision: "approve",
    });
    expect(decided.json().status).toBe("approved");
    const after = (await gm.get("/api/v1/settings"))
      .json()
      .items.find((i: { key: string }) => i.key === "rates.apr-cap");
    expect(after.value).toBe("0.2");
    expect(
      (await gm.post(`/api/v1/settings/proposals/${proposed.json().id}/decision`, { decision: "approve" }))
        .statusCode,
    ).toBe(409);

    const compliance = await t.as("compliance");
    const audit = (await compliance.get("/api/v1/audit?entityType=setting&entityId=rates.apr-cap")).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual([
      "setting.changed",
      "setting.proposed",
    ]);
  });

  it("never lets the proposer approve, and refuses bad values, past dates and the business date", async () => {
    const admin = await t.as("admin");
    const today = todayInChina();
    expect(
      (
        await admin.post("/api/v1/settings/proposals", {
          key: "rates.apr-cap",
          value: "abc",
          effectiveFrom: today,
        })
      ).json().error.fields,
    ).toHaveProperty("value");
    expect(
      (
        await admin.post("/api/v1/settings/proposals", {
          key: "rates.apr-cap",
          value: "0.2",
          effectiveFrom: "2020-01-01",
        })
      ).json().error.fields,
    ).toHaveProperty("effectiveFrom");
    expect(
      (
        await admin.post("/api/v1/settings/proposals", {
          key: "business-date",
          value: "2030-01-01",
          effectiveFrom: today,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await admin.post("/api/v1/settings/proposals", { key: "no.such", value: 1, effectiveFrom: today }))
        .statusCode,
    ).toBe(400);
    const mine = await admin.post("/api/v1/settings/proposals", {
      key: "origination.committee-rule",
      value: "majority",
      effectiveFrom: today,
    });
    // The admin cannot approve (no settings.approve); even a person holding both may not approve their own.
    expect(
      (await admin.post(`/api/v1/settings/proposals/${mine.json().id}/decision`, { decision: "approve" }))
        .statusCode,
    ).toBe(403);
    const gm = await t.as("gm");
    const me = (await admin.get("/api/v1/auth/me")).json();
    await admin.patch(`/api/v1/users/${me.user.id}`, { roles: ["admin", "gm"] });
    const both = await t.as("admin");
    const own = await both.post(`/api/v1/settings/proposals/${mine.json().id}/decision`, {
      decision: "approve",
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe("maker-checker");
    expect(
      (
        await gm.post(`/api/v1/settings/proposals/${mine.json().id}/decision`, {
          decision: "reject",
          note: "暂不调整",
        })
      ).json().status,
    ).toBe("rejected");
  });
});
