import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../platform/audit.ts";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as("admin");
  for (let i = 0; i < 5; i++)
    await admin.post("/api/v1/users", {
      username: `audit.user${i}`,
      displayName: `审计${i}`,
      roles: ["service"],
    });
});
afterAll(async () => t.close());

describe("audit trail", () => {
  it("records every mutation with actor, request id and IP, newest first", async () => {
    const compliance = await t.as("compliance");
    const res = await compliance.get("/api/v1/audit?action=user.created&pageSize=5");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(5);
    expect(body.items[0].after.username).toBe("audit.user4");
    expect(body.items[0].actorName).toBe("admin");
    expect(body.items[0].requestId).toBeTruthy();
    expect(body.items[0].ip).toBe("127.0.0.1");
  });

  it("filters by actor and by date", async () => {
    const compliance = await t.as("compliance");
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const byActor = (await compliance.get("/api/v1/audit?actor=admin&pageSize=200")).json();
    expect(byActor.items.every((i: { actorName: string }) => i.actorName === "admin")).toBe(true);
    expect((await compliance.get(`/api/v1/audit?from=${today}&to=${today}`)).json().total).toBeGreaterThan(5);
    expect((await compliance.get("/api/v1/audit?from=2020-01-01&to=2020-01-02")).json().total).toBe(0);
    expect((await compliance.get("/api/v1/audit?from=2020-02-30")).statusCode).toBe(400);
  });

  it("verifies the chain, then reports the first broken link after tampering", async () => {
    const compliance = await t.as("compliance");
    const intact = (await compliance.get("/api/v1/audit/verify")).json();
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThanOrEqual(10);

    const target = (await compliance.get("/api/v1/audit?action=user.created&pageSize=1")).json().items[0];
    await t.handle.db.execute(
      `update audit_log set actor_name = 'someone-else' where id = ${Number(target.id)}`,
    );
    const broken = (await compliance.get("/api/v1/audit/verify")).json();
    expect(broken).toMatchObject({ ok: false, brokenAt: target.id, reason: "record content changed" });

    await t.handle.db.execute(`update audit_log set actor_name = 'admin' where id = ${Number(target.id)}`);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
    await t.handle.db.execute(`delete from audit_log where id = ${Number(target.id) - 1}`);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({
      ok: false,
      brokenAt: target.id - 1,
      reason: "missing record",
    });
  });
});
