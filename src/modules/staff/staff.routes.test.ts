// Staff records and the org with its history, through HTTP: scope, the org chart on a date, hiring,
// transfers with the manager checks (loops named, departed managers refused), promotion and leaving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { setBusinessDate } from "../loans/testing/loan-factory.ts";

let t: TestApp;
let hr: TestClient;
let gm: TestClient;
type Person = {
  id: string;
  name: string;
  position: string;
  managerId: string | null;
  departmentName: string | null;
};
let everyone: Person[];

beforeAll(async () => {
  t = await createTestApp();
  // Early in the month the hires below are made in: their probations still lie ahead.
  await setBusinessDate(t.handle.db, "2026-11-03");
  [hr, gm] = await Promise.all([t.as("hr"), t.as("gm")]);
  everyone = (await hr.get("/api/v1/staff?pageSize=500")).json().items;
});
afterAll(async () => t.close());

async function hire(body: Record<string, unknown>) {
  const res = await hr.post("/api/v1/staff", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; employeeNo: string; status: string; rank: string | null };
}

describe("staff records", () => {
  it("has a record for each of the 59 demo people, in the seed's org chart", async () => {
    expect(everyone).toHaveLength(59);
    const director = everyone.find((p) => p.position === "sales-director") as Person;
    const chart = (await hr.get("/api/v1/staff/org-chart?date=2026-06-30")).json();
    type Node = { id: string; name: string; children: Node[] };
    const find = (nodes: Node[]): Node | undefined =>
      nodes.map((n) => (n.id === director.id ? n : find(n.children))).find(Boolean);
    const node = find(chart.roots) as Node;
    // 5 team managers and 2 telemarketing leaders report to the director on that date.
    expect(node.children).toHaveLength(7);
    const teams = node.children.filter((c) => c.children.length === 5);
    expect(teams).toHaveLength(5);
    // Before the recent hire joined, team 5 had four customer managers on the chart … and five now.
    expect(chart.headcount).toBe(59 - 4);
  });

  it("filters by department (with its sub-departments), rank and team", async () => {
    const marketing = (await hr.get("/api/v1/staff?departmentId=4&pageSize=100")).json();
    // 营销部: the director and the five teams under it.
    expect(marketing.total).toBe(31);
    const rank = everyone.find((p) => p.position === "customer-manager") as Person & { rank: string };
    const ranked = (await hr.get(`/api/v1/staff?rank=${rank.rank}&pageSize=100`)).json().items;
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((p: { rank: string }) => p.rank === rank.rank)).toBe(true);
    expect((await hr.get("/api/v1/staff?team=none-such")).json().total).toBe(0);
    expect((await hr.get("/api/v1/staff?rank=mo9")).statusCode).toBe(400);
  });

  it("lets a team manager see only their own team; customer managers see nothing", async () => {
    const tm = await t.as("team-manager");
    const mine = (await tm.get("/api/v1/staff?pageSize=100")).json();
    expect(mine.total).toBe(6);
    const outsider = everyone.find((p) => p.position === "risk-assessor") as Person;
    expect((await tm.get(`/api/v1/staff/${outsider.id}`)).statusCode).toBe(404);
    expect((await (await t.as("customer-manager")).get("/api/v1/staff")).statusCode).toBe(403);
    const chart = (await tm.get("/api/v1/staff/org-chart")).json();
    expect(chart.roots).toHaveLength(1);
    expect(chart.roots[0].children).toHaveLength(5);
  });

  it("hires onto the ladder with the first rank and the 7-day probation, and audits it", async () => {
    const tm = everyone.find((p) => p.position === "team-manager");
    const person = await hire({
      name: "新员工甲",
      position: "customer-manager",
      joinedOn: "2026-11-02",
      departmentId: 5,
      managerId: tm?.id,
      recruitmentChannel: "job-fair",
    });
    expect(person).toMatchObject({ status: "probation", rank: "trainee-mo1" });
    expect(person.employeeNo).toMatch(/^E\d{4}$/);
    const record = (await hr.get(`/api/v1/staff/${person.id}`)).json();
    expect(record.probation).toMatchObject({ startsOn: "2026-11-02", endsOn: "2026-11-08" });
    expect(record.rankHistory).toEqual([expect.objectContaining({ rank: "trainee-mo1", reason: "hire" })]);
    expect(record.timeline.map((e: { action: string }) => e.action)).toEqual(["staff.hired"]);
    const other = await hire({ name: "行政专员", position: "hr-officer", joinedOn: "2026-11-02" });
    expect(other).toMatchObject({ status: "formal", rank: null });
    // Someone entered long after joining had their probation already: they are formal.
    const veteran = await hire({ name: "老员工", position: "customer-manager", joinedOn: "2026-06-01" });
    expect(veteran).toMatchObject({ status: "formal", rank: "trainee-mo1" });
    expect((await hr.get(`/api/v1/staff/${veteran.id}`)).json().probation).toBeNull();
  });

  it("records a candidate, who joins the org only when onboarded", async () => {
    const candidate = await hire({
      name: "候选人",
      position: "telemarketer",
      candidate: true,
      joinedOn: "2026-11-16",
    });
    expect(candidate.status).toBe("candidate");
    const chart = (await hr.get("/api/v1/staff/org-chart?date=2026-11-20")).json();
    expect(JSON.stringify(chart)).not.toContain(candidate.id);
    const transfer = await hr.post(`/api/v1/staff/${candidate.id}/transfer`, {
      effectiveFrom: "2026-11-20",
      team: "A",
    });
    expect(transfer.json().error.code).toBe("staff-is-candidate");
    const onboarded = await hr.post(`/api/v1/staff/${candidate.id}/onboard`, { joinedOn: "2026-11-18" });
    expect(onboarded.json()).toMatchObject({ status: "probation", joinedOn: "2026-11-18" });
    const record = (await hr.get(`/api/v1/staff/${candidate.id}`)).json();
    expect(record.probation).toMatchObject({ startsOn: "2026-11-18", endsOn: "2026-11-24" });
    expect(record.assignments[0].validFrom).toBe("2026-11-18");
    expect((await hr.post(`/api/v1/staff/${candidate.id}/onboard`, {})).json().error.code).toBe(
      "staff-not-candidate",
    );
  });

  it("refuses unknown positions and a rank for a position off the ladder", async () => {
    const bad = await hr.post("/api/v1/staff", {
      name: "某人",
      position: "astronaut",
      joinedOn: "2026-11-02",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty("position");
    const ranked = await hr.post("/api/v1/staff", {
      name: "某人",
      position: "telemarketer",
      rank: "cm-mo1",
      joinedOn: "2026-11-02",
    });
    expect(ranked.statusCode).toBe(400);
    expect(
      (await gm.post("/api/v1/staff", { name: "某人", position: "telemarketer", joinedOn: "2026-11-02" }))
        .statusCode,
    ).toBe(403);
  });
});

describe("transfers and the manager chain", () => {
  it("refuses a loop in the manager chain and names it", async () => {
    const director = everyone.find((p) => p.position === "sales-director") as Person;
    const tm = everyone.find((p) => p.position === "team-manager") as Person;
    const cm = everyone.find((p) => p.managerId === tm.id) as Person;
    const res = await hr.post(`/api/v1/staff/${director.id}/transfer`, {
      effectiveFrom: "2026-12-01",
      managerId: cm.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "manager-cycle",
      message: `The reporting line would loop: ${director.name} → ${cm.name} → ${tm.name} → ${director.name}`,
    });
    const zh = await hr.request({
      method: "POST",
      url: `/api/v1/staff/${tm.id}/transfer`,
      payload: { effectiveFrom: "2026-12-01", managerId: tm.id },
      headers: { "accept-language": "zh-CN" },
    });
    expect(zh.json().error.message).toBe(`汇报关系将形成循环:${tm.name} → ${tm.name}`);
  });

  it("keeps the history: the org chart on a past date still shows the old line", async () => {
    const teamManagers = everyone.filter((p) => p.position === "team-manager");
    const mover = everyone.find((p) => p.managerId === teamManagers[1].id) as Person;
    const res = await hr.post(`/api/v1/staff/${mover.id}/transfer`, {
      effectiveFrom: "2026-12-01",
      managerId: teamManagers[2].id,
      departmentId: 7,
      note: "调往营销三队",
    });
    expect(res.statusCode, res.body).toBe(200);
    const record = (await hr.get(`/api/v1/staff/${mover.id}`)).json();
    expect(
      record.assignments.map((a: { validFrom: string; validTo: string | null }) => [a.validFrom, a.validTo]),
    ).toEqual([
      ["2026-12-01", null],
      [expect.any(String), "2026-11-30"],
    ]);
    const reportsOn = async (date: string, managerId: string) => {
      const chart = (await hr.get(`/api/v1/staff/org-chart?date=${date}`)).json();
      type Node = { id: string; children: Node[] };
      const all: Node[] = [];
      const walk = (nodes: Node[]) => {
        for (const n of nodes) {
          all.push(n);
          walk(n.children);
        }
      };
      walk(chart.roots);
      return all.find((n) => n.id === managerId)?.children.map((c) => c.id) ?? [];
    };
    expect(await reportsOn("2026-11-30", teamManagers[1].id)).toContain(mover.id);
    expect(await reportsOn("2026-12-01", teamManagers[2].id)).toContain(mover.id);
    // An earlier change than the open seat is refused: history is appended, not rewritten.
    const early = await hr.post(`/api/v1/staff/${mover.id}/transfer`, {
      effectiveFrom: "2026-11-15",
      team: "A",
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("assignment-date-order");
  });

  it("refuses a manager who has left, and a leave while people still report to someone", async () => {
    const tm = everyone.filter((p) => p.position === "team-manager")[4];
    const blocked = await hr.post(`/api/v1/staff/${tm.id}/leave`, {
      leftOn: "2026-12-31",
      reason: "resigned",
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe("has-reports");
    const leaver = await hire({ name: "离职者", position: "team-manager", joinedOn: "2026-01-05" });
    const left = await hr.post(`/api/v1/staff/${leaver.id}/leave`, {
      leftOn: "2026-11-20",
      reason: "resigned",
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ status: "left", leftOn: "2026-11-20" });
    const cm = everyone.find((p) => p.managerId === tm.id) as Person;
    const res = await hr.post(`/api/v1/staff/${cm.id}/transfer`, {
      effectiveFrom: "2026-12-01",
      managerId: leaver.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "manager-not-active" });
    expect(res.json().error.message).toContain("离职者");
  });

  it("promotes a customer manager to team manager and mirrors today's seat onto the account", async () => {
    const cm = everyone.find((p) => p.position === "customer-manager" && p.name !== "张伟") as Person;
    const res = await hr.post(`/api/v1/staff/${cm.id}/promote`, {
      effectiveFrom: "2026-11-01",
      position: "team-manager",
    });
    expect(res.statusCode, res.body).toBe(200);
    const record = (await hr.get(`/api/v1/staff/${cm.id}`)).json();
    expect(record.assignments[0]).toMatchObject({ position: "team-manager", reason: "promotion" });
    expect(record.position).toBe("team-manager");
    const rows = await t.handle.db.execute(
      `select u.title from users u join staff_members s on s.user_id = u.id where s.id = '${cm.id}'`,
    );
    expect((rows as unknown as { rows: { title: string }[] }).rows[0].title).toBe("团队经理");
  });
});
