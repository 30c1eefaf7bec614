// The quarterly review of DOMAIN.md §6 with exact figures: up one when the target is met (equal
// counts), down one when missed, floor and ceiling hold, never down in the protection period.
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import {
  parseQuarter,
  proposeRankChange,
  RANK_KEYS,
  RANKS,
  type RankKey,
  type ReviewRules,
} from "./ranks.ts";

const yuan = (n: number) => (n * 100) as Fen;
const Q3 = parseQuarter("2026-Q3")!;
const RULES: ReviewRules = {
  targets: Object.fromEntries(RANK_KEYS.map((k, i) => [k, yuan(300_000 + i * 100_000)])) as Record<
    RankKey,
    Fen
  >,
  protectionMonths: 3,
};
const review = (rank: RankKey, performance: number, joinedOn = "2025-01-10") =>
  proposeRankChange({
    subject: { staffId: "s", rank, joinedOn, performance: yuan(performance) },
    quarter: Q3,
    rules: RULES,
  });

describe("the rank ladder", () => {
  it("has the twelve ranks of the business plan, lowest first", () => {
    expect(RANKS).toHaveLength(12);
    expect(RANKS[0]).toMatchObject({ key: "trainee-mo1", level: 1, zh: "见习客户经理MO1" });
    expect(RANKS[3].zh).toBe("客户经理MO1");
    expect(RANKS[8].zh).toBe("高级客户经理MO3");
    expect(RANKS[11]).toMatchObject({ key: "expert-mo3", level: 12, zh: "资深客户经理MO3" });
  });

  it("reads quarters", () => {
    expect(parseQuarter("2026-Q3")).toEqual({
      key: "2026-Q3",
      start: "2026-07-01",
      end: "2026-09-30",
      nextStart: "2026-10-01",
      months: ["2026-07", "2026-08", "2026-09"],
    });
    expect(parseQuarter("2026-Q1")?.end).toBe("2026-03-31");
    expect(parseQuarter("2026-Q4")?.nextStart).toBe("2027-01-01");
    for (const bad of ["2026-Q5", "2026-Q0", "2026Q3", "26-Q1", ""]) expect(parseQuarter(bad)).toBeNull();
  });
});

describe("the quarterly review", () => {
  it("moves up one rank when the target is met, equal counting as met", () => {
    // cm-mo1 is the fourth rank: target 600,000
    expect(review("cm-mo1", 600_000)).toMatchObject({
      toRank: "cm-mo2",
      direction: "up",
      reason: "target-met",
      target: yuan(600_000),
    });
    expect(review("trainee-mo3", 900_000).toRank).toBe("cm-mo1");
  });

  it("moves down one rank when the target is missed", () => {
    expect(review("cm-mo1", 599_999.99)).toMatchObject({
      toRank: "trainee-mo3",
      direction: "down",
      reason: "target-missed",
    });
    expect(review("senior-mo2", 0).toRank).toBe("senior-mo1");
  });

  it("holds the floor and the ceiling", () => {
    expect(review("trainee-mo1", 0)).toMatchObject({
      toRank: "trainee-mo1",
      direction: "stay",
      reason: "floor",
    });
    expect(review("expert-mo3", 5_000_000)).toMatchObject({
      toRank: "expert-mo3",
      direction: "stay",
      reason: "ceiling",
    });
  });

  it("never demotes in the first three months after joining, but still promotes", () => {
    // Joined 2026-07-01: protected through 2026-09-30, the quarter's last day.
    expect(review("trainee-mo2", 0, "2026-07-01")).toMatchObject({
      toRank: "trainee-mo2",
      direction: "stay",
      reason: "protected",
      protected: true,
      protectedUntil: "2026-09-30",
    });
    expect(review("trainee-mo2", 400_000, "2026-08-15")).toMatchObject({
      toRank: "trainee-mo3",
      protected: true,
    });
    // Joined 2026-06-30: the protection ended on 2026-09-29, before the quarter ended.
    expect(review("trainee-mo2", 0, "2026-06-30")).toMatchObject({
      toRank: "trainee-mo1",
      reason: "target-missed",
      protected: false,
      protectedUntil: "2026-09-29",
    });
  });

  it("takes the protection length from the rules", () => {
    const rules = { ...RULES, protectionMonths: 6 };
    const proposal = proposeRankChange({
      subject: { staffId: "s", rank: "cm-mo2", joinedOn: "2026-04-15", performance: yuan(0) },
      quarter: Q3,
      rules,
    });
    expect(proposal).toMatchObject({ direction: "stay", reason: "protected", protectedUntil: "2026-10-14" });
  });
});
