import { describe, expect, it } from "vitest";
import { evaluateProbation, type ProbationFacts } from "./probation.ts";

const base: ProbationFacts = {
  startsOn: "2026-11-02",
  endsOn: "2026-11-08",
  gatePassedOn: [],
  leaderDecision: null,
};

describe("the 7-day probation", () => {
  it("passes only with the gate passed in the period and the leader's approval", () => {
    expect(evaluateProbation({ ...base, gatePassedOn: ["2026-11-06"] }, "2026-11-06")).toEqual({
      state: "open",
      missing: ["approval"],
      daysLeft: 3,
    });
    expect(evaluateProbation({ ...base, leaderDecision: "approved" }, "2026-11-03")).toEqual({
      state: "open",
      missing: ["gate"],
      daysLeft: 6,
    });
    expect(
      evaluateProbation({ ...base, gatePassedOn: ["2026-11-06"], leaderDecision: "approved" }, "2026-11-07"),
    ).toEqual({ state: "passed", on: "2026-11-07" });
  });

  it("fails on the leader's refusal at once, whatever the exam", () => {
    expect(
      evaluateProbation({ ...base, gatePassedOn: ["2026-11-05"], leaderDecision: "rejected" }, "2026-11-05"),
    ).toEqual({ state: "failed", reason: "leader-rejected" });
  });

  it("fails after the last day without both, naming what was missing", () => {
    expect(evaluateProbation(base, "2026-11-09")).toEqual({ state: "failed", reason: "expired" });
    expect(evaluateProbation({ ...base, leaderDecision: "approved" }, "2026-11-09")).toEqual({
      state: "failed",
      reason: "gate-not-passed",
    });
    expect(evaluateProbation({ ...base, gatePassedOn: ["2026-11-08"] }, "2026-11-09")).toEqual({
      state: "failed",
      reason: "not-approved",
    });
  });

  it("does not count a gate exam outside the period", () => {
    const late = { ...base, gatePassedOn: ["2026-11-09"], leaderDecision: "approved" as const };
    expect(evaluateProbation(late, "2026-11-08").state).toBe("open");
    expect(evaluateProbation(late, "2026-11-10")).toEqual({ state: "failed", reason: "gate-not-passed" });
  });
});
