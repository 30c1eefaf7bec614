// Credit assessment (信用评估): a configurable scorecard. Each factor maps the applicant's value to
// points through bands; the total gives a grade, and the grade a recommended limit. The result
// lists every factor with its points, so the decision comes with its explanation (DOMAIN.md §8).
import { type Fen, fen } from "../../../platform/money.ts";

export type ScoreInput = {
  monthlyIncome: Fen;
  monthlyDebt: Fen;
  businessYears: number;
  overdueCount24m: number;
  hasCollateral: boolean;
};

export type FactorKey =
  | "monthlyIncome"
  | "debtToIncome"
  | "businessYears"
  | "overdueCount24m"
  | "hasCollateral";

/** A band matches when min ≤ value < max (either end open). Income bands are in yuan, DTI a ratio. */
export type Band = { min?: number; max?: number; points: number };
export type Factor = { key: FactorKey; nameZh: string; nameEn: string; bands: Band[] };
export type GradeRule = { grade: string; minScore: number; incomeMultiple: number };
export type Scorecard = { version: string; factors: Factor[]; grades: GradeRule[] };

export type FactorResult = {
  key: FactorKey;
  nameZh: string;
  nameEn: string;
  value: number;
  points: number;
  maxPoints: number;
};
export type ScoreResult = {
  score: number;
  maxScore: number;
  grade: string;
  recommendedLimit: Fen;
  factors: FactorResult[];
};

export const DEFAULT_SCORECARD: Scorecard = {
  version: "2026-01",
  factors: [
    {
      key: "monthlyIncome",
      nameZh: "月收入(元)",
      nameEn: "Monthly income (yuan)",
      bands: [
        { max: 5000, points: 5 },
        { min: 5000, max: 10000, points: 12 },
        { min: 10000, max: 30000, points: 20 },
        { min: 30000, points: 25 },
      ],
    },
    {
      key: "debtToIncome",
      nameZh: "负债收入比",
      nameEn: "Debt-to-income",
      bands: [
        { max: 0.2000001, points: 25 },
        { min: 0.2000001, max: 0.4000001, points: 18 },
        { min: 0.4000001, max: 0.6000001, points: 8 },
        { min: 0.6000001, points: 0 },
      ],
    },
    {
      key: "businessYears",
      nameZh: "经营/工作年限",
      nameEn: "Years in business",
      bands: [
        { max: 1, points: 3 },
        { min: 1, max: 3, points: 10 },
        { min: 3, max: 5, points: 15 },
        { min: 5, points: 20 },
      ],
    },
    {
      key: "overdueCount24m",
      nameZh: "近24个月逾期次数",
      nameEn: "Overdues in 24 months",
      bands: [
        { max: 1, points: 20 },
        { min: 1, max: 2, points: 12 },
        { min: 2, max: 4, points: 5 },
        { min: 4, points: 0 },
      ],
    },
    {
      key: "hasCollateral",
      nameZh: "有抵质押物",
      nameEn: "Collateral",
      bands: [
        { max: 1, points: 0 },
        { min: 1, points: 10 },
      ],
    },
  ],
  grades: [
    { grade: "A", minScore: 80, incomeMultiple: 12 },
    { grade: "B", minScore: 65, incomeMultiple: 8 },
    { grade: "C", minScore: 50, incomeMultiple: 5 },
    { grade: "D", minScore: 0, incomeMultiple: 0 },
  ],
};

export function debtToIncome(input: Pick<ScoreInput, "monthlyIncome" | "monthlyDebt">): number {
  if (input.monthlyIncome <= 0) return input.monthlyDebt > 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.round((input.monthlyDebt / input.monthlyIncome) * 10_000) / 10_000;
}

function factorValue(key: FactorKey, input: ScoreInput): number {
  switch (key) {
    case "monthlyIncome":
      return input.monthlyIncome / 100;
    case "debtToIncome":
      return debtToIncome(input);
    case "businessYears":
      return input.businessYears;
    case "overdueCount24m":
      return input.overdueCount24m;
    case "hasCollateral":
      return input.hasCollateral ? 1 : 0;
  }
}

function pointsFor(bands: readonly Band[], value: number): number {
  const band = bands.find(
    (b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max),
  );
  return band?.points ?? 0;
}

export function score(options: { input: ScoreInput; card?: Scorecard; productMax: Fen }): ScoreResult {
  const card = options.card ?? DEFAULT_SCORECARD;
  const factors = card.factors.map((f) => {
    const value = factorValue(f.key, options.input);
    return {
      key: f.key,
      nameZh: f.nameZh,
      nameEn: f.nameEn,
      value: Number.isFinite(value) ? value : 999,
      points: pointsFor(f.bands, value),
      maxPoints: Math.max(...f.bands.map((b) => b.points)),
    };
  });
  const total = factors.reduce((s, f) => s + f.points, 0);
  const grades = [...card.grades].sort((a, b) => b.minScore - a.minScore);
  const grade = grades.find((g) => total >= g.minScore) ?? grades[grades.length - 1];
  const byIncome = options.input.monthlyIncome * grade.incomeMultiple;
  // Limits are whole hundreds of yuan: nobody is offered ¥37,412.57.
  const limit = Math.floor(Math.min(byIncome, options.productMax) / 10_000) * 10_000;
  return {
    score: total,
    maxScore: factors.reduce((s, f) => s + f.maxPoints, 0),
    grade: grade.grade,
    recommendedLimit: fen(limit),
    factors,
  };
}
