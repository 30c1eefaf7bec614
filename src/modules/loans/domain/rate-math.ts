// Exact interest arithmetic. A rate is held as the fraction num/den of its decimal digits, so
// round(B·annual·t/u) is computed on integers and rounds the true value, never a binary float.
// Number is used while every product stays a safe integer (the usual case); BigInt otherwise.
import type { Dec, RoundingMode } from "../../../platform/money.ts";

export type RateFraction = {
  readonly num: bigint;
  readonly den: bigint;
  // Number copies, valid only when `safe`: what the fast paths use.
  readonly numN: number;
  readonly denN: number;
  readonly safe: boolean;
};

const MAX = Number.MAX_SAFE_INTEGER;

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** `rate` must be finite and non-negative (schedule validation checks that first). */
export function rateFraction(rate: Dec): RateFraction {
  // A Decimal is always a finite decimal, so its fixed-point text is exact.
  const [whole, part = ""] = rate.toFixed().split(".");
  let num = BigInt(whole + part);
  let den = 10n ** BigInt(part.length);
  const g = num === 0n ? den : gcd(num, den);
  num /= g;
  den /= g;
  const safe = num <= BigInt(MAX) && den * 12n * 366n <= BigInt(MAX);
  return { num, den, numN: safe ? Number(num) : 0, denN: safe ? Number(den) : 0, safe };
}

/** round(n / d) for integers n ≥ 0, d > 0 below 2^53, exactly (the float quotient is only a first guess). */
export function divRound(division: { numerator: number; denominator: number; mode: RoundingMode }): number {
  const { numerator: n, denominator: d, mode } = division;
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (r === 0) return q;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return q + 1;
    case "half-up":
      return 2 * r >= d ? q + 1 : q;
    case "half-even":
      return 2 * r > d || (2 * r === d && q % 2 === 1) ? q + 1 : q;
  }
}

export function divRoundBig(division: {
  numerator: bigint;
  denominator: bigint;
  mode: RoundingMode;
}): bigint {
  const { numerator: n, denominator: d, mode } = division;
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return q + 1n;
    case "half-up":
      return 2n * r >= d ? q + 1n : q;
    case "half-even":
      return 2n * r > d || (2n * r === d && q % 2n === 1n) ? q + 1n : q;
  }
}

/** round(base · rate · times / per) exactly; base, times ≥ 0 and per > 0 are integers. */
export function applyRate(options: {
  base: number;
  rate: RateFraction;
  times: number;
  per: number;
  mode: RoundingMode;
}): number {
  const { base, rate, times, per, mode } = options;
  if (base === 0 || times === 0 || rate.num === 0n) return 0;
  if (rate.safe) {
    const n = base * rate.numN * times;
    const d = rate.denN * per;
    if (n <= MAX && d <= MAX) return divRound({ numerator: n, denominator: d, mode });
  }
  const n = BigInt(base) * rate.num * BigInt(times);
  return Number(divRoundBig({ numerator: n, denominator: rate.den * BigInt(per), mode }));
}
