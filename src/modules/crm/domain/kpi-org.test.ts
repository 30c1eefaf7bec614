// The roll-up from per-agent-per-day figures to people, groups and the floor: exact for a small org
// with a move, and conserving every counted call for random data (a call is never lost or counted
// twice between the groups of the floor).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Targets, zeroFigures } from "./kpi-figures.ts";
import { type Fact, type OrgPerson, OrgTimeline, rollUp } from "./kpi-org.ts";

const seat = (
  position: string,
  managerUserId: string | null,
  from = "2026-01-01",
  to: string | null = null,
) => ({
  position,
  managerUserId,
  from,
  to,
});
const person = (userId: string, seats: OrgPerson["seats"]): OrgPerson => ({
  userId,
  name: userId,
  rank: null,
  seats,
  fallback: null,
});
const target: Targets = { calls: 100, effective: 30, intent: 2, revisits: 5, nextDayAppointments: 1 };

// Two groups (leaders L1, L2); m moves from L1 to L2 on 11-04 (a Wednesday).
const org = new OrgTimeline([
  person("L1", [seat("tele-leader", "D")]),
  person("L2", [seat("tele-leader", "D")]),
  person("D", [seat("sales-director", null)]),
  person("a", [seat("telemarketer", "L1")]),
  person("m", [
    seat("telemarketer", "L1", "2026-01-01", "2026-11-03"),
    seat("telemarketer", "L2", "2026-11-04"),
  ]),
  person("x", [seat("customer-manager", "T1")]),
]);
const calls = (agentId: string, day: string, n: number): Fact => ({
  agentId,
  day,
  figures: { ...zeroFigures(), calls: n },
});

describe("roll-up", () => {
  const base = {
    timeline: org,
    range: { from: "2026-11-02", to: "2026-11-06" }, // Mon … Fri
    today: "2026-11-04",
    workingDays: [1, 2, 3, 4, 5],
    dailyTargetOf: (s: { position: string | null }) => (s.position === "telemarketer" ? target : null),
  };
  const facts = [
    calls("a", "2026-11-02", 10),
    calls("m", "2026-11-03", 7),
    calls("m", "2026-11-04", 5),
    calls("x", "2026-11-04", 99),
  ];

  it("credits each day to the group of that day, and targets only the days in the group", () => {
    const g1 = rollUp({ ...base, facts, scope: { level: "group", leaderId: "L1" } });
    // a: 10; m on Tuesday (still in group 1): 7.
    expect(g1.total.figures.calls).toBe(17);
    const m = g1.members.find((x) => x.userId === "m");
    expect(m?.days).toBe(2); // Mon, Tue
    expect(m?.target.calls).toBe(200);
    // a: 5 days × 100; m: 2 × 100; the leader has no target in this test.
    expect(g1.total.target.calls).toBe(700);
    // due by Wednesday: a 3 days, m 2 days.
    expect(g1.total.dueToDate.calls).toBe(500);
    const g2 = rollUp({ ...base, facts, scope: { level: "group", leaderId: "L2" } });
    expect(g2.total.figures.calls).toBe(5);
    expect(g2.total.target.calls).toBe(300); // m: Wed, Thu, Fri
  });

  it("puts the floor together from telemarketers and leaders only", () => {
    const floor = rollUp({ ...base, facts, scope: { level: "floor" }, subUnit: "group" });
    expect(floor.total.figures.calls).toBe(22); // x is a customer manager: not on the floor
    expect(Object.fromEntries(floor.units.map((u) => [u.unitId, u.figures.calls]))).toEqual({
      L1: 17,
      L2: 5,
    });
  });

  it("never loses or doubles a call between the groups of the floor (property)", () => {
    const agents = ["a", "m", "L1", "L2", "x"];
    const fact = fc.record({
      agentId: fc.constantFrom(...agents),
      day: fc.constantFrom("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06"),
      figures: fc.record({ calls: fc.nat(50), effective: fc.nat(20) }),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (sample) => {
        const floor = rollUp({ ...base, facts: sample, scope: { level: "floor" }, subUnit: "group" });
        const onFloor = sample.filter((s) => s.agentId !== "x").reduce((n, s) => n + s.figures.calls, 0);
        expect(floor.total.figures.calls).toBe(onFloor);
        expect(floor.units.reduce((n, u) => n + u.figures.calls, 0)).toBe(onFloor);
        const groups = ["L1", "L2"].map(
          (leaderId) =>
            rollUp({ ...base, facts: sample, scope: { level: "group", leaderId } }).total.figures.calls,
        );
        expect(groups[0] + groups[1]).toBe(onFloor);
        expect(floor.members.reduce((n, m) => n + m.figures.calls, 0)).toBe(onFloor);
      }),
    );
  });
});
