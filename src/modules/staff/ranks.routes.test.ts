// The quarterly rank review through HTTP: performance from the loans each customer manager disbursed
// in the quarter, up one / down one, floor and ceiling, the protection period, and confirmation by
// someone other than who ran it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { insertLoans } from "../compensation/testing/fixtures.ts";

let t: TestApp;
let hr: TestClient;
let director: TestClient;
const people: Record<string, string> = {};

async function managerWithAccount(key: string, options: { joinedOn: string; rank: string }) {
  const admin = await t.as("admin");
  const user = await admin.post("/api/v1/users", {
    username: `rank.${key}`,
    displayName: `职级${key}`,
    roles: ["customer-manager"],
  });
  expect(user.statusCode, user.body).toBe(201);
  const userId = user.json().user.id as string;
  const staff = await hr.post("/api/v1/staff", {
    userId,
    position: "customer-manager",
    rank: options.rank,
    joinedOn: options.joinedOn,
    departmentId: 5,
  });
  expect(staff.statusCode, staff.body).toBe(201);
  people[key] = staff.json().id;
  return userId;
}

beforeAll(async () => {
  t = await createTestApp();
  [hr, director] = await Promise.all([t.as("hr"), t.as("sales-director")]);
  const up = await managerWithAccount("up", { joinedOn: "2025-03-03", rank: "cm-mo1" });
  const down = await managerWithAccount("down", { joinedOn: "2025-03-03", rank: "cm-mo2" });
  await managerWithAccount("new", { joinedOn: "2026-07-15", rank: "trainee-mo2" });
  await managerWithAccount("floor", { joinedOn: "2025-03-03", rank: "trainee-mo1" });
  const top = await managerWithAccount("top", { joinedOn: "2024-06-03", rank: "expert-mo3" });
  await insertLoans(t.handle.db, [
    // cm-mo1 target 600,000: 360,000 × 12/12 + 480,000 × 6/12 = 600,000 — met, equal counts.
    { officerId: up, principal: "360000.00", termMonths: 12, on: "2026-07-10" },
    { officerId: up, principal: "480000.00", termMonths: 6, on: "2026-09-30" },
    // Outside the quarter: never counted.
    { officerId: down, principal: "9000000.00", termMonths: 12, on: "2026-06-30" },
    { officerId: down, principal: "9000000.00", termMonths: 12, on: "2026-10-01" },
    // cm-mo2 target 700,000: 100,000 × 24/12 = 200,000 — missed.
    { officerId: down, principal: "100000.00", termMonths: 24, on: "2026-08-15" },
    // expert-mo3 target 1,800,000: 2,000,000 — met, but there is no rank above.
    { officerId: top, principal: "2000000.00", termMonths: 12, on: "2026-08-01" },
  ]);
});
afterAll(async () => t.close());

describe("the quarterly review", () => {
  let reviewId: string;
  type Proposal = { id: string; staffId: string; status: string } & Record<string, unknown>;
  let proposals: Proposal[];
  const of = (key: string) => proposals.find((p) => p.staffId === people[key]) as Proposal;

  it("refuses a quarter that has not ended and a malformed one", async () => {
    const future = await hr.post("/api/v1/rank-reviews", { quarter: "2099-Q1" });
    expect(future.statusCode).toBe(409);
    expect(future.json().error.code).toBe("quarter-not-over");
    const bad = await hr.post("/api/v1/rank-reviews", { quarter: "2026-Q5" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.quarter).toBe("A quarter is YYYY-Qn, e.g. 2026-Q3");
  });

  it("proposes up, down, floor, ceiling and protection from the quarter's loans", async () => {
    const res = await hr.post("/api/v1/rank-reviews", { quarter: "2026-Q3" });
    expect(res.statusCode, res.body).toBe(201);
    reviewId = res.json().id;
    proposals = res.json().proposals;
    expect(of("up")).toMatchObject({
      fromRank: "cm-mo1",
      toRank: "cm-mo2",
      toRankName: "客户经理MO2",
      direction: "up",
      performance: "600000.00",
      target: "600000.00",
      status: "pending",
      effectiveFrom: "2026-10-01",
    });
    expect(of("down")).toMatchObject({
      toRank: "cm-mo1",
      direction: "down",
      reason: "target-missed",
      performance: "200000.00",
      status: "pending",
    });
    expect(of("new")).toMatchObject({
      toRank: "trainee-mo2",
      reason: "protected",
      protected: true,
      protectedUntil: "2026-10-14",
      status: "no-change",
    });
    expect(of("floor")).toMatchObject({ toRank: "trainee-mo1", reason: "floor", status: "no-change" });
    expect(of("top")).toMatchObject({ toRank: "expert-mo3", reason: "ceiling", performance: "2000000.00" });
    // 24 of the 25 demo customer managers are evaluated too (no loans here); the 25th joined in October.
    expect(proposals).toHaveLength(29);
  });

  it("is confirmed by someone other than who ran it, and writes the rank history", async () => {
    const self = await hr.post(`/api/v1/rank-proposals/${of("up").id}/decision`, { decision: "confirm" });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe("rank-maker-checker");
    expect(
      (
        await (
          await t.as("team-manager")
        ).post(`/api/v1/rank-proposals/${of("up").id}/decision`, { decision: "confirm" })
      ).statusCode,
    ).toBe(403);
    const confirmed = await director.post(`/api/v1/rank-proposals/${of("up").id}/decision`, {
      decision: "confirm",
      note: "季度目标达成",
    });
    expect(confirmed.json()).toMatchObject({ status: "confirmed", rank: "cm-mo2" });
    const record = (await hr.get(`/api/v1/staff/${people.up}`)).json();
    expect(record.rank).toBe("cm-mo2");
    expect(record.rankHistory[0]).toMatchObject({
      rank: "cm-mo2",
      previousRank: "cm-mo1",
      effectiveFrom: "2026-10-01",
      reason: "review",
    });
    const rejected = await director.post(`/api/v1/rank-proposals/${of("down").id}/decision`, {
      decision: "reject",
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", rank: "cm-mo2" });
    expect((await hr.get(`/api/v1/staff/${people.down}`)).json().rank).toBe("cm-mo2");
    const twice = await director.post(`/api/v1/rank-proposals/${of("up").id}/decision`, {
      decision: "confirm",
    });
    expect(twice.statusCode).toBe(409);
    const stay = await director.post(`/api/v1/rank-proposals/${of("floor").id}/decision`, {
      decision: "confirm",
    });
    expect(stay.json().error.code).toBe("proposal-decided");
  });

  it("cannot be run again once changes are decided", async () => {
    const again = await hr.post("/api/v1/rank-reviews", { quarter: "2026-Q3" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("review-has-decisions");
    const list = (await director.get("/api/v1/rank-reviews")).json();
    expect(list.items[0]).toMatchObject({ id: reviewId, quarter: "2026-Q3", evaluated: 29 });
  });

  it("a re-run before any decision supersedes the pending proposals", async () => {
    const first = (await hr.post("/api/v1/rank-reviews", { quarter: "2026-Q2" })).json();
    const second = (await hr.post("/api/v1/rank-reviews", { quarter: "2026-Q2" })).json();
    expect(second.id).not.toBe(first.id);
    const old = (await hr.get(`/api/v1/rank-reviews/${first.id}`)).json();
    expect(old.status).toBe("superseded");
    expect(old.proposals.every((p: { status: string }) => p.status !== "pending")).toBe(true);
  });
});
