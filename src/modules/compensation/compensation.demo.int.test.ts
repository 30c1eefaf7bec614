// The demo company's staff and payroll after a full seed: records for all 59 people with ranks over
// the ladder, two telemarketers in probation, the Q3 review (ups and downs) waiting for confirmation, two locked
// payroll months (one with two versions), last month approved with an answered and an open dispute,
// and a draft for the business date's month, computed from the demo loan book.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";

let t: TestApp;
// The whole demo company (loan book, CRM, payroll) takes minutes on a busy machine.
beforeAll(async () => {
  t = await createTestApp({}, { demo: "full" });
}, 600_000);
afterAll(async () => t.close());

describe("the demo payroll", () => {
  it("has a run at every stage: locked, approved with disputes, and a draft for this month", async () => {
    const gm = await t.as("gm");
    const runs = (await gm.get("/api/v1/payroll/runs")).json().items;
    expect(
      runs.map((r: { month: string; status: string; version: number; openDisputes: number }) => [
        r.month,
        r.status,
        r.version,
        r.openDisputes,
      ]),
    ).toEqual([
      ["2026-11", "draft", 1, 0],
      ["2026-10", "approved", 1, 1],
      ["2026-09", "locked", 2, 0],
      ["2026-08", "locked", 1, 0],
    ]);
    expect(runs.every((r: { warnings: number }) => r.warnings === 0)).toBe(true);
    const november = (await gm.get(`/api/v1/payroll/runs/${runs[0].id}`)).json();
    expect(november.totals.headcount).toBe(31);
    expect(Number(november.totals.annualizedPerformance)).toBeGreaterThan(0);
    expect(
      november.statements.items.filter((s: { stage: string }) => s.stage === "first-month"),
    ).toHaveLength(1);
    const october = (await gm.get(`/api/v1/payroll/runs/${runs[1].id}`)).json();
    expect(october.disputes.map((d: { status: string }) => d.status).sort()).toEqual(["open", "rejected"]);
    // The open one holds the lock until HR answers it.
    const finance = await t.as("finance");
    const lock = await finance.post(`/api/v1/payroll/runs/${runs[1].id}/lock`, {});
    expect(lock.statusCode).toBe(409);
    expect(lock.json().error.code).toBe("payroll-open-disputes-lock");
    // Next year's draft plan keeps the business plan's blank management rates, and says so.
    const plans = (await gm.get("/api/v1/pay-plans")).json().items;
    expect(
      plans.map((p: { code: string; latest: { warnings: unknown[] } }) => [p.code, p.latest.warnings.length]),
    ).toEqual([
      ["SALES-2026", 0],
      ["SALES-2027", 2],
    ]);
    const own = (await (await t.as("customer-manager")).get("/api/v1/payroll/my/statements")).json().items;
    expect(own.map((s: { month: string }) => s.month)).toEqual(["2026-10", "2026-09", "2026-08"]);
  });

  it("has staff on every part of the ladder, trainees in probation and a review to confirm", async () => {
    const hr = await t.as("hr");
    const staff = (await hr.get("/api/v1/staff?pageSize=500")).json();
    expect(staff.total).toBe(59);
    const ranks = new Set(
      staff.items.filter((s: { rank: string | null }) => s.rank).map((s: { rank: string }) => s.rank),
    );
    expect(ranks.size).toBeGreaterThanOrEqual(8);
    const board = (await hr.get("/api/v1/staff/probations")).json();
    expect(board.items).toHaveLength(2);
    expect(board.items.map((i: { missing?: string[] }) => i.missing)).toContainEqual(["approval"]);
    // They are in the demo tele-leader's group, who decides on them.
    const leader = (await (await t.as("tele-leader")).get("/api/v1/staff/probations")).json();
    expect(leader.items).toHaveLength(2);
    const reviews = (await hr.get("/api/v1/rank-reviews")).json().items;
    expect(reviews[0]).toMatchObject({ quarter: "2026-Q3", status: "current" });
    expect(reviews[0].pending).toBeGreaterThan(0);
    // The ranks the review starts from are what 2026-Q2's loans earned, so it promotes those whose
    // Q3 grew and demotes those whose Q3 fell back — not nearly everyone (20 of 24 before that).
    const review = (await hr.get(`/api/v1/rank-reviews/${reviews[0].id}`)).json();
    const moves = (direction: string) =>
      review.proposals.filter((p: { direction: string }) => p.direction === direction).length;
    expect(review.proposals).toHaveLength(24);
    expect(moves("up")).toBeGreaterThanOrEqual(8);
    expect(moves("down")).toBeLessThanOrEqual(12);
  });
});
