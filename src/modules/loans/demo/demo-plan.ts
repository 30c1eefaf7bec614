// The demo loan book, as data: ~170 loans over the 14 months before the demo business date, in every
// state — current, partly paid, overdue in each bucket M1–M7 and each class, settled early, partly
// prepaid, matured and closed, one reversed payment. A seeded PRNG makes every run identical.
// Start days are the 5th, 15th and 25th, so every due date, payment and close falls on few dates
// and the seed stays fast.
import { addMonths, formatDate, parseDate } from "../domain/due-dates.ts";

export const DEMO_END = "2026-11-28";
/** The business date before the first demo loan. */
export const DEMO_BEGIN = "2025-09-24";
/** The seed jumps between event dates up to here, then closes every date to DEMO_END like the nightly batch. */
export const DEMO_DAILY_FROM = "2026-11-18";

export type DemoProfile =
  | { kind: "regular" }
  | { kind: "stop"; firstUnpaid: number }
  | { kind: "partial-due" }
  | { kind: "partial-ahead" }
  | { kind: "settle"; atPeriod: number; overpay: boolean }
  | { kind: "prepay"; atPeriod: number; choice: "keep-term" | "keep-installment" }
  | { kind: "reversal" };

export type DemoLoanPlan = {
  index: number;
  start: string;
  principalYuan: number;
  termMonths: number;
  method: "equal-installment" | "equal-principal" | "interest-only" | "bullet" | "flat";
  profile: DemoProfile;
};

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shiftMonths(date: string, months: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(date);
  return formatDate(addMonths(parsed, months));
}

const TERMS: Record<DemoLoanPlan["method"], number[]> = {
  "equal-installment": [6, 12, 18, 24],
  "equal-principal": [12, 24, 36],
  "interest-only": [3, 6, 12],
  bullet: [1, 2, 3],
  flat: [6, 12, 24],
};
const METHODS = Object.keys(TERMS) as DemoLoanPlan["method"][];

// First unpaid due dates that put a loan in each bucket and class on DEMO_END (DPD in the comment).
const DELINQUENT_DUE = [
  "2026-11-25", // 3 M1 关注
  "2026-11-15", // 13 M1
  "2026-11-05", // 23 M1
  "2026-10-25", // 34 M2
  "2026-10-15", // 44 M2
  "2026-10-05", // 54 M2
  "2026-09-25", // 64 M3
  "2026-09-05", // 84 M3
  "2026-08-25", // 95 M4 次级
  "2026-08-15", // 105 M4
  "2026-07-25", // 126 M5
  "2026-07-05", // 146 M5
  "2026-06-15", // 166 M6
  "2026-06-05", // 176 M6
  "2026-05-15", // 197 M7
  "2026-03-15", // 258 M7
  "2026-02-15", // 286 M7 可疑
  "2026-01-05", // 327 M7 可疑
  "2025-11-15", // 378 M7 损失
  "2025-10-25", // 399 M7 损失
];

export function buildDemoPlan(): DemoLoanPlan[] {
  const random = mulberry32(20261128);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const plans: DemoLoanPlan[] = [];
  const add = (start: string, method: DemoLoanPlan["method"], termMonths: number, profile: DemoProfile) =>
    plans.push({
      index: plans.length,
      start,
      principalYuan: (20 + Math.floor(random() * 280)) * 1000,
      termMonths,
      method,
      profile,
    });
  // A start date in the window, weighted towards recent months as a growing book is.
  const startIn = (monthsBack: number) =>
    `${shiftMonths(DEMO_END, -monthsBack).slice(0, 8)}${pick(["05", "15", "25"])}`;

  for (let i = 0; i < 100; i++) {
    const method = METHODS[i % METHODS.length];
    const back = Math.min(13, Math.floor(random() ** 2.2 * 14));
    add(startIn(back), method, pick(TERMS[method]), { kind: "regular" });
  }
  for (const [i, due] of DELINQUENT_DUE.entries()) {
    const method = METHODS[i % 3 === 2 ? 1 : 0];
    const paid = Math.min(
      i % 3,
      Math.floor((Date.parse(due) - Date.parse("2025-10-25")) / (31 * 86_400_000)),
    );
    add(shiftMonths(due, -(paid + 1)), method, 12, { kind: "stop", firstUnpaid: paid + 1 });
  }
  for (let i = 0; i < 4; i++) add(startIn(2 + i), "equal-installment", 12, { kind: "partial-due" });
  for (let i = 0; i < 4; i++) add(startIn(1 + i), "equal-principal", 12, { kind: "partial-ahead" });
  for (let i = 0; i < 8; i++)
    add(startIn(5 + i), METHODS[i % 2 === 0 ? 0 : 4], 12, {
      kind: "settle",
      atPeriod: 2 + (i % 3),
      overpay: i === 0,
    });
  for (let i = 0; i < 4; i++)
    add(startIn(4 + i), i % 2 ? "equal-principal" : "equal-installment", 24, {
      kind: "prepay",
      atPeriod: 2 + i,
      choice: i < 2 ? "keep-term" : "keep-installment",
    });
  add(startIn(3), "equal-installment", 12, { kind: "reversal" });
  // The larger business loans of the last two quarters (小微按揭贷, ¥300,000–¥800,000 over two or three
  // years): without them the sales team's 年化业绩 would be a third of its rank targets, and the
  // quarterly review would demote nearly everyone. Drawn last, so the loans above stay as they were.
  for (let i = 0; i < 18; i++) {
    const monthsBack = i < 8 ? 5 + (i % 3) : 2 + (i % 3); // 8 in 2026-Q2 (Apr–Jun), 10 in 2026-Q3 (Jul–Sep)
    plans.push({
      index: plans.length,
      start: startIn(monthsBack),
      principalYuan: (30 + Math.floor(random() * 51)) * 10_000,
      termMonths: pick([24, 36]),
      method: "equal-principal",
      profile: { kind: "regular" },
    });
  }
  return plans;
}
