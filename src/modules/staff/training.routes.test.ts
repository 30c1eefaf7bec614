// Training and the 7-day telemarketing probation through HTTP (DOMAIN.md §6): formal only with 通关
// passed AND the leader's approval; the leader's refusal or the last day without both fails it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { addDays } from "./domain/dates.ts";

let t: TestApp;
let hr: TestClient;
let leader: TestClient;
let leaderStaffId: string;
let courses: Record<string, string>;
const today = todayInChina();
const joined = addDays(today, -2);

beforeAll(async () => {
  t = await createTestApp();
  [hr, leader] = await Promise.all([t.as("hr"), t.as("tele-leader")]);
  const staff = (await hr.get("/api/v1/staff?position=tele-leader")).json().items;
  leaderStaffId = staff.find((s: { name: string; userId: string }) => s.userId).id;
  const list = (await hr.get("/api/v1/training/courses")).json();
  courses = Object.fromEntries(list.map((c: { code: string; id: string }) => [c.code, c.id]));
});
afterAll(async () => t.close());

async function trainee(name: string): Promise<string> {
  const res = await hr.post("/api/v1/staff", {
    name,
    position: "telemarketer",
    joinedOn: joined,
    departmentId: 11,
    managerId: leaderStaffId,
    recruitmentChannel: "online",
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().status).toBe("probation");
  return res.json().id;
}

async function session(
  course: string,
  heldOn: string,
  results: { staffId: string; attended: boolean; score?: number }[],
) {
  const created = await hr.post("/api/v1/training/sessions", {
    courseId: courses[course],
    heldOn,
    trainer: "王秀英",
  });
  expect(created.statusCode, created.body).toBe(201);
  const recorded = await hr.post(`/api/v1/training/sessions/${created.json().id}/results`, { results });
  expect(recorded.statusCode, recorded.body).toBe(200);
  return recorded.json();
}

const record = async (id: string) => (await hr.get(`/api/v1/staff/${id}`)).json();

describe("training", () => {
  it("has the five steps of the business plan, 通关 as the gate", async () => {
    const list = (await hr.get("/api/v1/training/courses")).json();
    expect(list.map((c: { nameZh: string }) => c.nameZh)).toEqual([
      "企业文化",
      "销售流程",
      "销售技巧",
      "产品介绍",
      "通关训练",
    ]);
    expect(list.find((c: { code: string }) => c.code === "gate")).toMatchObject({
      isGate: true,
      passScore: 80,
    });
  });

  it("needs a score for an exam course and refuses unknown people", async () => {
    const id = await trainee("考试者");
    const created = await hr.post("/api/v1/training/sessions", {
      courseId: courses["sales-skills"],
      heldOn: today,
    });
    const noScore = await hr.post(`/api/v1/training/sessions/${created.json().id}/results`, {
      results: [{ staffId: id, attended: true }],
    });
    expect(noScore.statusCode).toBe(400);
    expect(noScore.json().error.fields).toEqual({
      "results.0.score": "An exam course needs a score (0–100)",
    });
    const nobody = await hr.post(`/api/v1/training/sessions/${created.json().id}/results`, {
      results: [{ staffId: "00000000-0000-4000-8000-000000000009", attended: false }],
    });
    expect(nobody.statusCode).toBe(400);
  });
});

describe("the 7-day probation", () => {
  it("passes with 通关 and the leader's approval, in either order", async () => {
    const id = await trainee("通关甲");
    for (const course of ["culture", "sales-process"])
      await session(course, joined, [{ staffId: id, attended: true }]);
    await session("sales-skills", joined, [{ staffId: id, attended: true, score: 75 }]);
    await session("product", addDays(joined, 1), [{ staffId: id, attended: true, score: 90 }]);
    const gate = await session("gate", today, [{ staffId: id, attended: true, score: 85 }]);
    expect(gate.probationOutcomes).toEqual([]);
    let board = (await leader.get("/api/v1/staff/probations")).json();
    expect(board.items.find((i: { staffId: string }) => i.staffId === id)).toMatchObject({
      state: "open",
      missing: ["approval"],
      daysLeft: 5,
    });
    const approved = await leader.post(`/api/v1/staff/${id}/probation/decision`, {
      decision: "approve",
      comment: "表现良好",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: "passed", on: today, leaderDecision: "approved" });
    expect((await record(id)).status).toBe("formal");
    board = (await leader.get("/api/v1/staff/probations")).json();
    expect(board.items.some((i: { staffId: string }) => i.staffId === id)).toBe(false);

    const second = await trainee("通关乙");
    await leader.post(`/api/v1/staff/${second}/probation/decision`, { decision: "approve" });
    expect((await record(second)).status).toBe("probation");
    const result = await session("gate", today, [{ staffId: second, attended: true, score: 80 }]);
    expect(result.probationOutcomes).toEqual([{ staffId: second, outcome: "probation.passed" }]);
    expect((await record(second)).status).toBe("formal");
  });

  it("fails at once when the leader refuses: the trainee leaves with the reason", async () => {
    const id = await trainee("未通过丙");
    const refused = await leader.post(`/api/v1/staff/${id}/probation/decision`, {
      decision: "reject",
      comment: "不适合电销",
    });
    expect(refused.json()).toMatchObject({ state: "failed", reason: "leader-rejected" });
    const after = await record(id);
    expect(after).toMatchObject({ status: "left", leftOn: today, leaveReason: "probation-failed" });
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual([
      "probation.failed",
      "probation.decided",
      "staff.hired",
    ]);
    const again = await leader.post(`/api/v1/staff/${id}/probation/decision`, { decision: "approve" });
    expect(again.statusCode).toBe(409);
  });

  it("fails after the last day without 通关, when HR closes the day", async () => {
    const id = await trainee("未通关丁");
    await session("gate", today, [{ staffId: id, attended: true, score: 70 }]);
    await leader.post(`/api/v1/staff/${id}/probation/decision`, { decision: "approve" });
    expect((await record(id)).status).toBe("probation");
    const endsOn = addDays(joined, 6);
    const early = (await hr.post("/api/v1/staff/probations/close", { date: endsOn })).json();
    expect(early.closed.some((c: { staffId: string }) => c.staffId === id)).toBe(false);
    const closed = (await hr.post("/api/v1/staff/probations/close", { date: addDays(endsOn, 1) })).json();
    expect(closed.closed).toContainEqual({
      staffId: id,
      outcome: "probation.failed",
      detail: { reason: "gate-not-passed", leftOn: endsOn },
    });
    expect(await record(id)).toMatchObject({ status: "left", leftOn: endsOn });
  });

  it("only the trainee's leader (or above) decides", async () => {
    const id = await trainee("戊");
    const otherLeader = (await hr.get("/api/v1/staff?position=tele-leader"))
      .json()
      .items.find((s: { id: string }) => s.id !== leaderStaffId);
    const users = (await (await t.as("admin")).get("/api/v1/users?pageSize=200")).json().items;
    const username = users.find((u: { id: string }) => u.id === otherLeader.userId).username;
    const other = await t.as(username);
    const res = await other.post(`/api/v1/staff/${id}/probation/decision`, { decision: "approve" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("not-the-leader");
    expect(
      (await hr.post(`/api/v1/staff/${id}/probation/decision`, { decision: "approve" })).statusCode,
    ).toBe(403);
    const director = await t.as("sales-director");
    expect(
      (await director.post(`/api/v1/staff/${id}/probation/decision`, { decision: "approve" })).statusCode,
    ).toBe(200);
  });
});
