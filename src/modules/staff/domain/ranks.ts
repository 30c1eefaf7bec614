// The rank ladder of the business plan (销售人员等级) and the quarterly review (DOMAIN.md §6): target
// met → up one rank, missed → down one, floor and ceiling hold; the first months after joining are a
// protection period in which a person is evaluated but never demoted. Pure: the service brings the
// figures, this decides.
import type { Fen } from "../../../platform/money.ts";
import { addDays, addMonths } from "./dates.ts";

const TIERS = [
  { key: "trainee", zh: "见习客户经理", en: "Trainee customer manager" },
  { key: "cm", zh: "客户经理", en: "Customer manager" },
  { key: "senior", zh: "高级客户经理", en: "Senior customer manager" },
  { key: "expert", zh: "资深客户经理", en: "Principal customer manager" },
] as const;

export const RANK_KEYS = TIERS.flatMap((t) => [1, 2, 3].map((n) => `${t.key}-mo${n}`)) as RankKey[];
export type RankKey = `${(typeof TIERS)[number]["key"]}-mo${1 | 2 | 3}`;

export type Rank = { key: RankKey; level: number; zh: string; en: string };

/** Lowest first: 见习客户经理MO1 is level 1, 资深客户经理MO3 level 12. */
export const RANKS: Rank[] = TIERS.flatMap((tier, t) =>
  [1, 2, 3].map((n) => ({
    key: `${tier.key}-mo${n}` as RankKey,
    level: t * 3 + n,
    zh: `${tier.zh}MO${n}`,
    en: `${tier.en} MO${n}`,
  })),
);

export function isRankKey(value: string): value is RankKey {
  return (RANK_KEYS as string[]).includes(value);
}

export function rankOf(key: RankKey): Rank {
  return RANKS.find((r) => r.key === key) as Rank;
}

export type Quarter = { key: string; start: string; end: string; nextStart: string; months: string[] };

/** "2026-Q3" → 2026-07-01 … 2026-09-30, changes effective 2026-10-01; null for anything else. */
export function parseQuarter(text: string): Quarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const q = Number(match[2]);
  const first = (q - 1) * 3 + 1;
  const start = `${year}-${String(first).padStart(2, "0")}-01`;
  const nextStart = addMonths(start, 3);
  const months = [0, 1, 2].map((i) => addMonths(start, i).slice(0, 7));
  return { key: text, start, end: addDays(nextStart, -1), nextStart, months };
}

export type ReviewSubject = {
  staffId: string;
  rank: RankKey;
  joinedOn: string;
  /** 年化业绩 of the loans disbursed in the quarter, in 分. */
  performance: Fen;
};

export type ReviewRules = {
  targets: Record<RankKey, Fen>;
  protectionMonths: number;
};

export type ReviewReason = "target-met" | "target-missed" | "ceiling" | "floor" | "protected";

export type RankProposal = {
  staffId: string;
  fromRank: RankKey;
  toRank: RankKey;
  direction: "up" | "down" | "stay";
  reason: ReviewReason;
  performance: Fen;
  target: Fen;
  /** The last day of the protection period; protected when the quarter ends on or before it. */
  protectedUntil: string;
  protected: boolean;
};

export function proposeRankChange(options: {
  subject: ReviewSubject;
  quarter: Quarter;
  rules: ReviewRules;
}): RankProposal {
  const { subject, quarter, rules } = options;
  const from = rankOf(subject.rank);
  const target = rules.targets[subject.rank];
  const protectedUntil = addDays(addMonths(subject.joinedOn, rules.protectionMonths), -1);
  const isProtected = quarter.end <= protectedUntil;
  const base = {
    staffId: subject.staffId,
    fromRank: from.key,
    performance: subject.performance,
    target,
    protectedUntil,
    protected: isProtected,
  };
  const move = (levels: number) => RANKS[from.level - 1 + levels].key;
  if (subject.performance >= target) {
    if (from.level === RANKS.length)
      return { ...base, toRank: from.key, direction: "stay", reason: "ceiling" };
    return { ...base, toRank: move(1), direction: "up", reason: "target-met" };
  }
  if (isProtected) return { ...base, toRank: from.key, direction: "stay", reason: "protected" };
  if (from.level === 1) return { ...base, toRank: from.key, direction: "stay", reason: "floor" };
  return { ...base, toRank: move(-1), direction: "down", reason: "target-missed" };
}

export function proposeRankChanges(options: {
  subjects: readonly ReviewSubject[];
  quarter: Quarter;
  rules: ReviewRules;
}): RankProposal[] {
  return options.subjects.map((subject) =>
    proposeRankChange({ subject, quarter: options.quarter, rules: options.rules }),
  );
}
