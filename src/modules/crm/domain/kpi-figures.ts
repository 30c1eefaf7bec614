// The KPIs of DOMAIN.md §6 as plain counts, and their targets. A person's target over a period is
// the sum of their daily targets on the working days they held a seat that has one.
import type { DailyTarget } from "../crm-engagement.settings.ts";

/**
 * calls 呼出总量 (outbound), effective 有效呼出, intent 意向客户 (new), revisits 意向客户回访,
 * nextDayAppointments 次日约见 (booked on D for D+1), appointments (every booking).
 */
export const KPI_METRICS = [
  "calls",
  "effective",
  "intent",
  "revisits",
  "nextDayAppointments",
  "appointments",
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];
export type Figures = Record<KpiMetric, number>;

export const TARGET_METRICS = ["calls", "effective", "intent", "revisits", "nextDayAppointments"] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export type Targets = Record<TargetMetric, number>;

export function zeroFigures(): Figures {
  return { calls: 0, effective: 0, intent: 0, revisits: 0, nextDayAppointments: 0, appointments: 0 };
}

export function zeroTargets(): Targets {
  return { calls: 0, effective: 0, intent: 0, revisits: 0, nextDayAppointments: 0 };
}

/** Adds `b` into `a` (mutates and returns `a`). */
export function addInto<T extends Record<string, number>>(a: T, b: Partial<T>): T {
  for (const key of Object.keys(a) as (keyof T)[]) a[key] = (a[key] + (b[key] ?? 0)) as T[keyof T];
  return a;
}

export function targetsFrom(daily: DailyTarget): Targets {
  return {
    calls: daily.calls,
    effective: daily.effective,
    intent: daily.intent,
    revisits: daily.revisits,
    nextDayAppointments: daily.nextDayAppointments,
  };
}

/** Whole percent of the target reached (null without a target). */
export function attainment(actual: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.floor((actual * 100) / target);
}

/** Behind: below the target due by today on calls or effective calls, the two daily musts. */
export function isBehind(figures: Figures, dueToDate: Targets): boolean {
  return figures.calls < dueToDate.calls || figures.effective < dueToDate.effective;
}
