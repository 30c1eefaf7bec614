// Sweeps every API route: anonymous callers get 401, roles without the declared permission 403,
// and hostile or malformed bodies a 4xx in the error shape — never a 5xx, never a write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ROLES, type Permission, ROLE_KEYS } from "../auth/permissions.ts";
import { createTestApp, type TestApp, type TestClient } from "../testing/test-app.ts";

let t: TestApp;
const clients = new Map<string, TestClient>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLE_KEYS) clients.set(role, await t.as(role));
});
afterAll(async () => t.close());

const SAMPLE_PARAMS: Record<string, string> = {
  id: "00000000-0000-4000-8000-000000000000",
  key: "no-such-role",
  docId: "00000000-0000-4000-8000-000000000001",
  consentId: "00000000-0000-4000-8000-000000000002",
  txId: "00000000-0000-4000-8000-000000000003",
  code: "due-reminder",
};
const concrete = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x");
const roleWith = (p: Permission) => ROLE_KEYS.find((r) => DEFAULT_ROLES[r].permissions.includes(p));
const roleWithout = (p: Permission) => ROLE_KEYS.find((r) => !DEFAULT_ROLES[r].permissions.includes(p));
const hasBody = (method: string) => ["POST", "PATCH", "PUT"].includes(method);

async function auditCount(): Promise<number> {
  const rows = await t.handle.db.execute("select count(*)::int as n from audit_log");
  return (rows as unknown as { rows: { n: number }[] }).rows[0].n;
}

describe("every route", () => {
  it("has routes to sweep", () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
  });

  it("refuses anonymous callers with 401 unless public", async () => {
    for (const route of t.app.routeTable.filter((r) => !r.public)) {
      const res = await t.anonymous().request({
        method: route.method as "GET",
        url: concrete(route.url),
        payload: hasBody(route.method) ? {} : undefined,
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.json().error.code).toBe("unauthenticated");
    }
  });

  it("refuses every role without the declared permission with 403", async () => {
    for (const route of t.app.routeTable.filter((r) => r.permission)) {
      const role = roleWithout(route.permission as Permission);
      if (!role) continue;
      const res = await (clients.get(role) as TestClient).request({
        method: route.method as "GET",
        url: concrete(route.url),
        payload: hasBody(route.method) ? {} : undefined,
      });
      expect(res.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
    }
  });

  it("answers malformed, oversized, mistyped and hostile bodies with a 4xx and writes nothing", async () => {
    const before = await auditCount();
    const hostile = "'; drop table users; -- <script>alert(1)</script>";
    for (const route of t.app.routeTable.filter((r) => hasBody(r.method) && !r.url.includes("/auth/"))) {
      const role = route.permission ? roleWith(route.permission) : "admin";
      const client = clients.get(role as string) as TestClient;
      const url = concrete(route.url);
      const label = `${route.method} ${route.url}`;
      const malformed = await client.request({
        method: route.method as "POST",
        url,
        payload: "{not json",
        headers: { "content-type": "application/json" },
      });
      expect(malformed.statusCode, `malformed ${label}`).toBe(400);
      expect(malformed.json().error.code).toBe("malformed-json");
      const big = await client.request({
        method: route.method as "POST",
        url,
        payload: JSON.stringify({ x: "a".repeat(1_100_000) }),
        headers: { "content-type": "application/json" },
      });
      expect(big.statusCode, `oversized ${label}`).toBe(413);
      const unknown = await client.request({
        method: route.method as "POST",
        url,
        payload: { surprise: hostile },
      });
      expect(unknown.statusCode, `unknown field ${label}`).toBeGreaterThanOrEqual(400);
      expect(unknown.statusCode, `unknown field ${label}`).toBeLessThan(500);
      const wrongTypes = await client.request({ method: route.method as "POST", url, payload: [1, 2, 3] });
      expect(wrongTypes.statusCode, `array body ${label}`).toBeGreaterThanOrEqual(400);
      expect(wrongTypes.statusCode, `array body ${label}`).toBeLessThan(500);
    }
    expect(await auditCount()).toBe(before);
  });

  it("names unknown fields in the 400", async () => {
    const res = await clients
      .get("admin")
      ?.post("/api/v1/users", { username: "abc", displayName: "x", roles: [], isAdmin: true });
    expect(res?.statusCode).toBe(400);
    expect(res?.json().error.fields).toEqual({ isAdmin: "Unknown field" });
  });

  it("keeps SQL and HTML in strings as plain data", async () => {
    const admin = clients.get("admin") as TestClient;
    const name = "<img src=x onerror=alert(1)>'); delete from users;--";
    const res = await admin.post("/api/v1/users", { username: "odd.name", displayName: name, roles: [] });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.displayName).toBe(name);
    expect((await admin.get("/api/v1/users?search=');delete")).statusCode).toBe(200);
  });
});

describe("platform", () => {
  it("serves /healthz, /metrics and the OpenAPI document", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json().status).toBe("ok");
    const metrics = await t.app.inject({ url: "/metrics" });
    expect(metrics.body).toContain("microcredit_http_requests_total");
    const doc = await t.app.inject({ url: "/api/docs/json" });
    expect(doc.json().paths).toHaveProperty("/api/v1/auth/login");
  });

  it("sends security headers and a request id", async () => {
    const res = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "req-42" } });
    expect(res.headers["x-request-id"]).toBe("req-42");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("refuses a cross-site POST by Origin, and a cookie POST that is not JSON without the CSRF token", async () => {
    const admin = clients.get("admin") as TestClient;
    const cross = await admin.request({
      method: "POST",
      url: "/api/v1/users",
      payload: {},
      headers: { origin: "https://evil.example", host: "localhost" },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe("csrf-rejected");
    const form = await admin.request({
      method: "POST",
      url: "/api/v1/users",
      payload: "username=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.statusCode).toBe(403);
  });

  it("answers unknown API paths with 404 in the error shape", async () => {
    const res = await clients.get("gm")?.get("/api/v1/nothing-here");
    expect(res?.statusCode).toBe(404);
    expect(res?.json().error.code).toBe("route-not-found");
  });
});
