import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLE_KEYS } from "../../platform/auth/permissions.ts";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe("sign-in", () => {
  it("signs in every demo role and names it in /auth/me", async () => {
    for (const role of ROLE_KEYS) {
      const client = await t.as(role);
      const me = await client.get("/api/v1/auth/me");
      expect(me.statusCode).toBe(200);
      expect(me.json().user.roles).toEqual([role]);
    }
  });

  it("sets an httpOnly SameSite session cookie and rotates it at every sign-in", async () => {
    const login = () => t.anonymous().post("/api/v1/auth/login", { username: "gm", password: "Demo@2026" });
    const first = await login();
    const second = await login();
    const cookie = first.cookies.find((c) => c.name === "mc_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(cookie?.value).not.toBe(second.cookies.find((c) => c.name === "mc_session")?.value);
  });

  it("answers a wrong password with 401 in the caller's language", async () => {
    const res = await t.anonymous().request({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "hr", password: "wrong" },
      headers: { "accept-language": "zh-CN" },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "invalid-credentials", message: "用户名或密码错误" });
  });

  it("locks an account for 15 minutes after five failures, even with the right password", async () => {
    const anon = t.anonymous();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await anon.post("/api/v1/auth/login", { username: "service", password: "nope" })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await anon.post("/api/v1/auth/login", { username: "service", password: "Demo@2026" });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain("15");
    const admin = await t.as("admin");
    const list = await admin.get("/api/v1/users?search=service");
    const user = list.json().items.find((u: { username: string }) => u.username === "service");
    expect(user.locked).toBe(true);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { unlock: true })).statusCode).toBe(200);
    expect(
      (await anon.post("/api/v1/auth/login", { username: "service", password: "Demo@2026" })).statusCode,
    ).toBe(200);
  });

  it("signs out: the old cookie no longer works", async () => {
    const client = await t.as("finance");
    expect((await client.post("/api/v1/auth/logout")).statusCode).toBe(200);
    expect((await client.get("/api/v1/auth/me")).statusCode).toBe(401);
  });
});

describe("rate limit", () => {
  it("answers 429 in the error shape once an address exceeds the sign-in limit", async () => {
    const limited = await createTestApp({ loginRateLimit: 3 });
    try {
      const anon = limited.anonymous();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++)
        codes.push((await anon.post("/api/v1/auth/login", { username: "x", password: "y" })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const last = await anon.post("/api/v1/auth/login", { username: "x", password: "y" });
      expect(last.json().error.code).toBe("rate-limited");
    } finally {
      await limited.close();
    }
  });
});

describe("idle timeout", () => {
  it("expires a session idle for longer than the setting", async () => {
    const short = await createTestApp({ sessionIdleMinutes: 1 });
    try {
      const client = await short.as("hr");
      await short.handle.db.execute("update sessions set last_seen_at = now() - interval '2 minutes'");
      const res = await client.get("/api/v1/auth/me");
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("session-expired");
    } finally {
      await short.close();
    }
  });
});

describe("change password", () => {
  it("enforces the strength rules and signs other sessions out", async () => {
    const device1 = await t.as("loan-admin");
    const device2 = await t.as("loan-admin");
    const weak = await device1.post("/api/v1/auth/password", {
      currentPassword: "Demo@2026",
      newPassword: "short1!",
    });
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(weak.json().error.fields)).toEqual(["newPassword"]);
    const withName = await device1.post("/api/v1/auth/password", {
      currentPassword: "Demo@2026",
      newPassword: "Loan-Admin-2026x",
    });
    expect(withName.statusCode).toBe(400);
    const wrongCurrent = await device1.post("/api/v1/auth/password", {
      currentPassword: "bad",
      newPassword: "Str0ng&Long-pass",
    });
    expect(wrongCurrent.json().error.fields).toHaveProperty("currentPassword");
    const ok = await device1.post("/api/v1/auth/password", {
      currentPassword: "Demo@2026",
      newPassword: "Str0ng&Long-pass",
    });
    expect(ok.statusCode).toBe(200);
    expect((await device1.get("/api/v1/auth/me")).statusCode).toBe(200);
    expect((await device2.get("/api/v1/auth/me")).statusCode).toBe(401);
    const relogin = await t
      .anonymous()
      .post("/api/v1/auth/login", { username: "loan-admin", password: "Str0ng&Long-pass" });
    expect(relogin.statusCode).toBe(200);
  });
});

describe("user administration", () => {
  it("creates a user with a one-time password that must be changed", async () => {
    const admin = await t.as("admin");
    const res = await admin.post("/api/v1/users", {
      username: "new.cm",
      displayName: "新员工",
      roles: ["customer-manager"],
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user.roles).toEqual(["customer-manager"]);
    const login = await t
      .anonymous()
      .post("/api/v1/auth/login", { username: "new.cm", password: initialPassword });
    expect(login.json().user.mustChangePassword).toBe(true);
  });

  it("refuses duplicates, unknown roles and bad usernames with the field named", async () => {
    const admin = await t.as("admin");
    const dup = await admin.post("/api/v1/users", { username: "finance", displayName: "x", roles: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toHaveProperty("username");
    const role = await admin.post("/api/v1/users", {
      username: "someone",
      displayName: "x",
      roles: ["boss"],
    });
    expect(role.json().error.fields).toHaveProperty("roles");
    const name = await admin.post("/api/v1/users", { username: "A B", displayName: "x", roles: [] });
    expect(name.json().error.fields).toHaveProperty("username");
  });

  it("changing a role takes effect at once and is audited with before and after", async () => {
    const admin = await t.as("admin");
    const target = await t.as("telemarketer");
    const list = await admin.get("/api/v1/users?search=telemarketer&pageSize=5");
    const user = list.json().items.find((u: { username: string }) => u.username === "telemarketer");
    const res = await admin.patch(`/api/v1/users/${user.id}`, { roles: ["telemarketer", "tele-leader"] });
    expect(res.json().roles).toEqual(["tele-leader", "telemarketer"]);
    expect((await target.get("/api/v1/auth/me")).statusCode).toBe(401);
    const compliance = await t.as("compliance");
    const audit = await compliance.get(
      `/api/v1/audit?entityType=user&entityId=${user.id}&action=user.updated`,
    );
    const entry = audit.json().items[0];
    expect(entry.before.roles).toEqual(["telemarketer"]);
    expect(entry.after.roles).toEqual(["tele-leader", "telemarketer"]);
    expect(entry.actorName).toBe("admin");
  });

  it("an admin cannot remove their own admin role", async () => {
    const admin = await t.as("admin");
    const me = (await admin.get("/api/v1/auth/me")).json();
    const res = await admin.patch(`/api/v1/users/${me.user.id}`, { roles: ["hr"] });
    expect(res.statusCode).toBe(409);
  });

  it("roles: edits permissions, refuses unknown ones, keeps built-ins", async () => {
    const admin = await t.as("admin");
    const created = await admin.post("/api/v1/roles", {
      key: "auditor-lite",
      nameZh: "外审",
      nameEn: "External auditor",
      permissions: ["audit.read"],
      dataScope: "all",
    });
    expect(created.statusCode).toBe(201);
    const bad = await admin.patch("/api/v1/roles/auditor-lite", {
      permissions: ["audit.read", "make.money"],
    });
    expect(bad.json().error.fields).toHaveProperty("permissions");
    expect((await admin.del("/api/v1/roles/gm")).statusCode).toBe(409);
    expect((await admin.del("/api/v1/roles/auditor-lite")).statusCode).toBe(200);
  });
});
