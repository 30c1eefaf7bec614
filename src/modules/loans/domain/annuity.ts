// The 等额本息 installment A = round(P·r·(1+r)^n / ((1+r)^n − 1)), r = annual/12, exactly.
// Fast path: IEEE doubles via log1p/expm1, which keep the relative error of A below ~20 ulp
// (≈ 5e-15; analysis in docs/loan-engine.md). Whenever A lies within 1e-12·A of a rounding
// boundary the double cannot decide, and the exact rational value is rounded with BigInt instead.
import type { RoundingMode } from "../../../platform/money.ts";
import { divRound, divRoundBig, type RateFraction } from "./rate-math.ts";

// Far above the proven error (≈ 5e-15 relative), far below the width of one 分 at any principal.
const RELATIVE_MARGIN = 1e-12;

export function equalInstallmentAmount(options: {
  principal: number;
  rate: RateFraction;
  termMonths: number;
  rounding: RoundingMode;
}): number {
  const { principal, rate, termMonths, rounding } = options;
  if (rate.num === 0n) return divRound({ numerator: principal, denominator: termMonths, mode: rounding });
  if (rate.safe) {
    const r = rate.numN / (rate.denN * 12);
    const a = (principal * r) / -Math.expm1(-termMonths * Math.log1p(r));
    const decided = roundIfClear(a, rounding);
    if (decided !== null) return decided;
  }
  return exactEqualInstallment(options);
}

function roundIfClear(a: number, mode: RoundingMode): number | null {
  if (!Number.isFinite(a)) return null;
  const floor = Math.floor(a);
  const frac = a - floor;
  const margin = a * RELATIVE_MARGIN + 1e-9;
  if (mode === "half-up" || mode === "half-even") {
    if (Math.abs(frac - 0.5) <= margin) return null;
    return frac > 0.5 ? floor + 1 : floor;
  }
  if (frac <= margin || frac >= 1 - margin) return null;
  return mode === "down" ? floor : floor + 1;
}

/** With r = a/b: A = P·a·(b+a)^n / (b·((b+a)^n − b^n)), rounded as a fraction of integers. */
export function exactEqualInstallment(options: {
  principal: number;
  rate: RateFraction;
  termMonths: number;
  rounding: RoundingMode;
}): number {
  const { principal, rate, termMonths, rounding } = options;
  if (rate.num === 0n) return divRound({ numerator: principal, denominator: termMonths, mode: rounding });
  const a = rate.num;
  const b = rate.den * 12n;
  const n = BigInt(termMonths);
  const grown = (b + a) ** n;
  const numerator = BigInt(principal) * a * grown;
  const denominator = b * (grown - b ** n);
  return Number(divRoundBig({ numerator, denominator, mode: rounding }));
}
