// PK scores and ranks: one metric, a weighted score (points per call, per effective call, per intent
// customer, per appointment and per ¥10,000 disbursed), ties sharing a rank.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScore, type PkFigures, rankUnits, scaledScore } from "./pk-ranking.ts";

const f = (
  calls: number,
  effective: number,
  intent: number,
  appointments: number,
  disbursedFen = 0,
): PkFigures => ({
  calls,
  effective,
  intent,
  appointments,
  disbursed: disbursedFen,
});

describe("PK ranking", () => {
  it("ranks on one metric, ties sharing a rank and the next rank skipping (1, 1, 3)", () => {
    const ranked = rankUnits(
      [
        { unitName: "王组", figures: f(300, 90, 5, 2) },
        { unitName: "李组", figures: f(300, 80, 4, 1) },
        { unitName: "张组", figures: f(280, 99, 9, 9) },
      ],
      "calls",
      null,
    );
    expect(ranked.map((u) => [u.unitName, u.rank, u.winner])).toEqual([
      ["李组", 1, true], // tied with 王组 on 300 calls: both first, listed by name (pinyin: li < wang)
      ["王组", 1, true],
      ["张组", 3, false],
    ]);
  });

  it("scores a weighted PK: calls ×1, effective ×3, intent ×10, appointments ×20, ¥10,000 ×5", () => {
    const weights = { calls: 1, effective: 3, intent: 10, appointments: 20, disbursed: 5 };
    // 李组: 300 + 90×3 + 5×10 + 2×20 + ¥150,000 → 15 × 5 = 300 + 270 + 50 + 40 + 75 = 735
    // 王组: 280 + 99×3 + 9×10 + 1×20 + ¥24,000.50 → 2.40005 × 5 = 280 + 297 + 90 + 20 + 12.00025 = 699.00025
    // 张组: 400 + 60×3 + 4×10 + 2×20 + ¥150,000 → 75 = 400 + 180 + 40 + 40 + 75 = 735 (ties with 李组)
    const ranked = rankUnits(
      [
        { unitName: "李组", figures: f(300, 90, 5, 2, 15_000_000) },
        { unitName: "王组", figures: f(280, 99, 9, 1, 2_400_050) },
        { unitName: "张组", figures: f(400, 60, 4, 2, 15_000_000) },
      ],
      "weighted",
      weights,
    );
    expect(ranked.map((u) => [u.unitName, u.rank, formatScore(u.scaled)])).toEqual([
      ["李组", 1, "735.00"],
      ["张组", 1, "735.00"],
      ["王组", 3, "699.00"],
    ]);
  });

  it("takes weights with two decimals exactly (0.1 + 0.2 is not a tie-breaker)", () => {
    const a = scaledScore(f(10, 0, 0, 0), "weighted", { calls: 0.3 });
    const b = scaledScore(f(1, 0, 0, 0), "weighted", { calls: 3 });
    expect(a).toBe(b);
    expect(formatScore(scaledScore(f(1, 0, 0, 0), "weighted", { calls: 0.1, effective: 0.2 }))).toBe("0.10");
  });

  it("scores disbursed in ¥10,000 units and has no winner when nobody scored", () => {
    expect(formatScore(scaledScore(f(0, 0, 0, 0, 123_456_789), "disbursed", null))).toBe("123.46");
    const ranked = rankUnits(
      [
        { unitName: "李组", figures: f(0, 0, 0, 0) },
        { unitName: "王组", figures: f(0, 0, 0, 0) },
      ],
      "intent",
      null,
    );
    expect(ranked.map((u) => [u.rank, u.winner])).toEqual([
      [1, false],
      [1, false],
    ]);
  });

  it("orders by score and gives equal scores equal ranks (property)", () => {
    const unit = fc.record({
      unitName: fc.string({ minLength: 1, maxLength: 4 }),
      figures: fc.record({
        calls: fc.nat(2000),
        effective: fc.nat(800),
        intent: fc.nat(60),
        appointments: fc.nat(60),
        disbursed: fc.nat(1_000_000_000),
      }),
    });
    const weights = fc.record({
      calls: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      effective: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      intent: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      appointments: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
      disbursed: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 12 }), weights, (units, w) => {
        const ranked = rankUnits(units, "weighted", w);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i].scaled).toBeLessThanOrEqual(ranked[i - 1].scaled);
          if (ranked[i].scaled === ranked[i - 1].scaled) expect(ranked[i].rank).toBe(ranked[i - 1].rank);
          else expect(ranked[i].rank).toBe(i + 1);
          expect(Number.isSafeInteger(ranked[i].scaled)).toBe(true);
        }
        expect(ranked[0].rank).toBe(1);
      }),
    );
  });
});
