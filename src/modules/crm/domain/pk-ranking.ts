// PK scoring and ranking. A score is one metric, or a weighted sum with points per call, per
// effective call, per intent customer, per appointment and per ¥10,000 disbursed. Scores are exact
// integers of 10⁻⁸ points, so equal performances tie exactly; ties share a rank (1, 1, 3).
import type { PkMetric } from "../crm-engagement.schema.ts";

export const PK_COUNTED = ["calls", "effective", "intent", "appointments", "disbursed"] as const;
export type PkCounted = (typeof PK_COUNTED)[number];
/** Counts, and disbursed principal in 分. */
export type PkFigures = Record<PkCounted, number>;
export type PkWeights = Partial<Record<PkCounted, number>>;

const SCALE = 100_000_000; // 10⁸ units per point
const FEN_PER_WAN = 1_000_000; // ¥10,000 in 分

/** Points × 10⁸. Weights have at most two decimals (the contract says so). */
export function scaledScore(figures: PkFigures, metric: PkMetric, weights: PkWeights | null): number {
  if (metric !== "weighted")
    return metric === "disbursed" ? (figures.disbursed * SCALE) / FEN_PER_WAN : figures[metric] * SCALE;
  let total = 0;
  for (const key of PK_COUNTED) {
    const hundredths = Math.round((weights?.[key] ?? 0) * 100);
    // per ¥10,000: hundredths × fen × 10⁸ / (100 × 10⁶) = hundredths × fen
    total += key === "disbursed" ? hundredths * figures.disbursed : hundredths * figures[key] * (SCALE / 100);
  }
  return total;
}

/** "1234.57": the score in points, half up to two decimals. */
export function formatScore(scaled: number): string {
  const hundredths = Math.floor((scaled + SCALE / 200) / (SCALE / 100));
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

export type Ranked<T> = T & { rank: number; scaled: number; winner: boolean };

/**
 * Highest score first; equal scores share the rank and the next rank skips (1, 1, 3). Ties are listed
 * by name. Winners are the units ranked first with a score above zero.
 */
export function rankUnits<T extends { unitName: string; figures: PkFigures }>(
  units: T[],
  metric: PkMetric,
  weights: PkWeights | null,
): Ranked<T>[] {
  const scored = units
    .map((u) => ({ ...u, scaled: scaledScore(u.figures, metric, weights) }))
    .sort((a, b) => b.scaled - a.scaled || a.unitName.localeCompare(b.unitName, "zh-CN"));
  let rank = 0;
  return scored.map((u, i) => {
    if (i === 0 || u.scaled !== scored[i - 1].scaled) rank = i + 1;
    return { ...u, rank, winner: rank === 1 && u.scaled > 0 };
  });
}
