// Group PK through HTTP: a running contest's live board, a weighted one, a tie, settlement once the
// period is over (winners kept), and who may create and see. Business date Friday 2026-11-20.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import {
  clearCrmActivity,
  freezeChinaTime,
  groupLeaders,
  groupMembers,
  insertCall,
  insertIntent,
  insertLead,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let director: TestClient;
let leader1: TestClient;
let telemarketer: TestClient;
const ids: Record<string, string> = {};

type Standing = {
  rank: number;
  unitId: string;
  score: string;
  winner: boolean;
  figures: { calls: number; intent: number };
};

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  const [l1, l2] = groupLeaders();
  ids.L1 = await userIdOf(db, l1);
  ids.L2 = await userIdOf(db, l2);
  ids.A = await userIdOf(db, groupMembers(l1)[0]);
  ids.C = await userIdOf(db, groupMembers(l2)[0]);
  const la = await insertLead(db, { name: "甲", ownerId: ids.A });
  const lc = await insertLead(db, { name: "丙", ownerId: ids.C });
  // Week of 11-16: group 1 makes 6 calls on Tuesday (2 effective) and develops 1 intent customer;
  // group 2 makes 4 calls on Wednesday (4 effective) and develops 2. On Thursday each group makes 3
  // unanswered calls.
  for (let i = 0; i < 6; i++)
    await insertCall(db, { agentId: ids.A, leadId: la, at: `2026-11-17 1${i}:00`, effective: i < 2 });
  for (let i = 0; i < 4; i++)
    await insertCall(db, { agentId: ids.C, leadId: lc, at: `2026-11-18 1${i}:00`, effective: true });
  for (let i = 0; i < 3; i++) {
    await insertCall(db, { agentId: ids.A, leadId: la, at: `2026-11-19 1${i}:00` });
    await insertCall(db, { agentId: ids.C, leadId: lc, at: `2026-11-19 1${i}:00` });
  }
  await insertIntent(db, { leadId: la, ownerId: ids.A, at: "2026-11-17 12:00" });
  await insertIntent(db, { leadId: lc, ownerId: ids.C, at: "2026-11-18 12:00" });
  const lc2 = await insertLead(db, { name: "丙二", ownerId: ids.C });
  await insertIntent(db, { leadId: lc2, ownerId: ids.C, at: "2026-11-18 13:00" });
  [director, leader1, telemarketer] = await Promise.all([
    t.as("sales-director"),
    t.as(l1),
    t.as("telemarketer"),
  ]);
});
afterAll(async () => {
  await t.close();
  unfreezeTime();
});

const create = async (client: TestClient, body: Record<string, unknown>) =>
  client.post("/api/v1/crm/pk", { unitKind: "group", startsOn: "2026-11-16", endsOn: "2026-11-22", ...body });

const standings = async (id: string) => {
  const res = await telemarketer.get(`/api/v1/crm/pk/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { provisional: boolean; standings: Standing[]; contest: { status: string } };
};

describe("group PK", () => {
  it("ranks the groups live on calls: group 1 leads 9 to 7", async () => {
    const res = await create(director, { name: "本周呼出 PK", metric: "calls", reward: "冠军组聚餐" });
    expect(res.statusCode, res.body).toBe(201);
    const board = await standings(res.json().id);
    expect(board.contest.status).toBe("running");
    expect(board.standings.map((s) => [s.unitId, s.rank, s.figures.calls, s.score, s.winner])).toEqual([
      [ids.L1, 1, 9, "9.00", false], // 6 + 3; no winner while it runs
      [ids.L2, 2, 7, "7.00", false], // 4 + 3
    ]);
  });

  it("scores a weighted PK: calls ×1, effective ×2, intent ×5", async () => {
    const res = await create(director, {
      name: "综合积分 PK",
      metric: "weighted",
      weights: { calls: 1, effective: 2, intent: 5 },
    });
    expect(res.statusCode, res.body).toBe(201);
    // Group 1: 9 + 2×2 + 1×5 = 18; group 2: 7 + 4×2 + 2×5 = 25.
    const board = await standings(res.json().id);
    expect(board.standings.map((s) => [s.unitId, s.rank, s.score])).toEqual([
      [ids.L2, 1, "25.00"],
      [ids.L1, 2, "18.00"],
    ]);
  });

  it("settles an ended PK once and keeps its winner", async () => {
    const res = await create(director, {
      name: "上周 PK",
      metric: "weighted",
      weights: { calls: 0.5, effective: 2 },
      startsOn: "2026-11-16",
      endsOn: "2026-11-19",
    });
    // Group 1: 9×0.5 + 2×2 = 8.5; group 2: 7×0.5 + 4×2 = 11.5 — group 2 wins.
    const id = res.json().id;
    expect((await standings(id)).provisional).toBe(true); // ended, not yet settled
    expect((await director.post(`/api/v1/crm/pk/${id}/finalize`)).statusCode).toBe(200);
    const board = await standings(id);
    expect(board.provisional).toBe(false);
    expect(board.standings.map((s) => [s.unitId, s.rank, s.score, s.winner])).toEqual([
      [ids.L2, 1, "11.50", true],
      [ids.L1, 2, "8.50", false],
    ]);
    expect((await director.post(`/api/v1/crm/pk/${id}/finalize`)).statusCode).toBe(409);
    // A call logged afterwards for that week does not move a settled result.
    await insertCall(t.handle.db, { agentId: ids.A, at: "2026-11-18 09:00", effective: true });
    expect((await standings(id)).standings[1].score).toBe("8.50");
  });

  it("ranks a tie equal: both groups first, both winners", async () => {
    // Thursday alone: 3 calls each.
    const res = await create(director, {
      name: "周四呼出",
      metric: "calls",
      startsOn: "2026-11-19",
      endsOn: "2026-11-19",
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await director.post(`/api/v1/crm/pk/${id}/finalize`)).statusCode).toBe(200);
    expect((await standings(id)).standings.map((s) => [s.rank, s.score, s.winner])).toEqual([
      [1, "3.00", true],
      [1, "3.00", true],
    ]);
    const finished = (await telemarketer.get("/api/v1/crm/pk?status=finished")).json();
    expect(finished.items.find((c: { id: string }) => c.id === id).winners).toHaveLength(2);
  });

  it("refuses to settle a PK still running, and a PK with one group", async () => {
    const running = (await telemarketer.get("/api/v1/crm/pk?status=running")).json().items[0];
    const early = await director.post(`/api/v1/crm/pk/${running.id}/finalize`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("pk-not-ended");
    const alone = await create(director, { name: "单组", metric: "calls", participants: [ids.L1] });
    expect(alone.statusCode).toBe(400);
    const wrong = await create(director, { name: "错组", metric: "calls", participants: [ids.L1, ids.A] });
    expect(wrong.statusCode).toBe(400);
    const noWeights = await create(director, { name: "无权重", metric: "weighted" });
    expect(noWeights.statusCode).toBe(400);
  });

  it("lets crm.manage create and everyone with kpi.read watch", async () => {
    expect((await create(telemarketer, { name: "x", metric: "calls" })).statusCode).toBe(403);
    expect((await create(leader1, { name: "组长发起", metric: "intent" })).statusCode).toBe(201);
    const cm = await t.as("customer-manager");
    expect((await cm.get("/api/v1/crm/pk")).statusCode).toBe(200);
    expect((await (await t.as("admin")).get("/api/v1/crm/pk")).statusCode).toBe(403);
  });
});
