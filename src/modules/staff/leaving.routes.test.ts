// Leaving ends the sign-in (HR's record, or the close of business after a last day recorded ahead),
// and the close of business fails a 7-day probation that ran out without 通关 and the leader's
// approval — each in the transaction of the change, with its audit records.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { runCobHttp } from "../loans/testing/http.ts";
import { setBusinessDate } from "../loans/testing/loan-factory.ts";
import { addDays } from "./domain/dates.ts";

const TODAY = "2026-11-20";
const PASSWORD = "Leaving@2026-11";

let t: TestApp;
let hr: TestClient;
let admin: TestClient;
let finance: TestClient;
let leaderStaffId: string;

beforeAll(async () => {
  t = await createTestApp();
  await setBusinessDate(t.handle.db, TODAY);
  [hr, admin, finance] = await Promise.all([t.as("hr"), t.as("admin"), t.as("finance")]);
  const leaders = (await hr.get("/api/v1/staff?position=tele-leader")).json().items;
  leaderStaffId = leaders.find((s: { userId: string | null }) => s.userId).id;
});
afterAll(async () => t.close());

/** A new telemarketer with a sign-in of their own, hired on `joinedOn` under the demo leader. */
async function hireWithLogin(username: string, joinedOn: string) {
  const user = await admin.post("/api/v1/users", {
    username,
    displayName: username,
    password: PASSWORD,
    roles: ["telemarketer"],
  });
  expect(user.statusCode, user.body).toBe(201);
  const staff = await hr.post("/api/v1/staff", {
    userId: user.json().user.id,
    position: "telemarketer",
    joinedOn,
    departmentId: 11,
    managerId: leaderStaffId,
  });
  expect(staff.statusCode, staff.body).toBe(201);
  return { userId: user.json().user.id as string, staffId: staff.json().id as string };
}

/** Signs in with the password of hireWithLogin; the answer's status code and, when 200, a client. */
async function signIn(username: string) {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password: PASSWORD },
  });
  const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
  return {
    status: res.statusCode,
    me: async () => (await t.app.inject({ method: "GET", url: "/api/v1/auth/me", cookies })).statusCode,
  };
}

const userStatus = async (id: string) => (await admin.get(`/api/v1/users/${id}`)).json().status;

async function auditActions(entityId: string): Promise<string[]> {
  const result = await t.handle.db.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  );
  return (result as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
}

describe("leaving ends the sign-in", () => {
  it("disables the account and ends its sessions when HR records the last day", async () => {
    const { userId, staffId } = await hireWithLogin("leaver.now", "2026-03-02");
    const session = await signIn("leaver.now");
    expect(await session.me()).toBe(200);
    const left = await hr.post(`/api/v1/staff/${staffId}/leave`, { leftOn: TODAY, reason: "resigned" });
    expect(left.statusCode, left.body).toBe(200);
    expect(await userStatus(userId)).toBe("disabled");
    expect(await session.me()).toBe(401);
    expect((await signIn("leaver.now")).status).not.toBe(200);
    expect(await auditActions(userId)).toContain("user.disabled-on-leaving");
    expect((await auditActions(staffId)).at(-1)).toBe("staff.left");
  });

  it("changes nothing, the account included, when the leaving is refused", async () => {
    const { userId, staffId } = await hireWithLogin("leader.x", "2026-03-02");
    const { staffId: report } = await hireWithLogin("report.x", "2026-04-01");
    const moved = await hr.post(`/api/v1/staff/${report}/transfer`, {
      effectiveFrom: "2026-05-01",
      managerId: staffId,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const refused = await hr.post(`/api/v1/staff/${staffId}/leave`, { leftOn: TODAY, reason: "resigned" });
    expect(refused.json().error.code).toBe("has-reports");
    expect(await userStatus(userId)).toBe("active");
    // Hired long ago: formal, never on probation.
    expect((await hr.get(`/api/v1/staff/${staffId}`)).json()).toMatchObject({
      status: "formal",
      probation: null,
    });
  });

  it("keeps a last day recorded ahead signed in until the close of business after it", async () => {
    const { userId, staffId } = await hireWithLogin("leaver.later", "2026-03-02");
    const lastDay = addDays(TODAY, 2);
    const left = await hr.post(`/api/v1/staff/${staffId}/leave`, { leftOn: lastDay, reason: "resigned" });
    expect(left.statusCode, left.body).toBe(200);
    expect(await userStatus(userId)).toBe("active");
    await runCobHttp(finance, lastDay);
    expect(await userStatus(userId)).toBe("active");
    await runCobHttp(finance, addDays(lastDay, 1));
    expect(await userStatus(userId)).toBe("disabled");
    expect(await auditActions(userId)).toContain("user.disabled-on-leaving");
  });
});

describe("the close of business ends a probation that ran out", () => {
  it("fails it after the 7th day without 通关 and approval, and ends the trainee's sign-in", async () => {
    // Runs after the test above moved the business date on by three days.
    const start = addDays(TODAY, 3);
    const { userId, staffId } = await hireWithLogin("trainee.late", start);
    const { staffId: approved } = await hireWithLogin("trainee.waiting", start);
    expect((await hr.get(`/api/v1/staff/${staffId}`)).json().probation).toMatchObject({
      startsOn: start,
      endsOn: addDays(start, 6),
    });
    const leader = await t.as("tele-leader");
    const decision = await leader.post(`/api/v1/staff/${approved}/probation/decision`, {
      decision: "approve",
    });
    expect(decision.statusCode, decision.body).toBe(200);
    // The last day itself still belongs to the probation.
    await runCobHttp(finance, addDays(start, 6));
    expect((await hr.get(`/api/v1/staff/${staffId}`)).json().status).toBe("probation");
    await runCobHttp(finance, addDays(start, 7));
    const failed = (await hr.get(`/api/v1/staff/${staffId}`)).json();
    expect(failed).toMatchObject({
      status: "left",
      leftOn: addDays(start, 6),
      leaveReason: "probation-failed",
      probation: { outcome: "failed", outcomeReason: "expired", state: "failed" },
    });
    expect((await hr.get(`/api/v1/staff/${approved}`)).json()).toMatchObject({
      status: "left",
      probation: { outcomeReason: "gate-not-passed" },
    });
    expect(await userStatus(userId)).toBe("disabled");
    expect(await auditActions(staffId)).toEqual(["staff.hired", "probation.failed"]);
    expect(await auditActions(userId)).toEqual(["user.created", "user.disabled-on-leaving"]);
    const board = (await hr.get("/api/v1/staff/probations")).json();
    expect(board.items.some((i: { staffId: string }) => i.staffId === staffId)).toBe(false);
  });
});
