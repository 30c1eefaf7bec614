// The change of a month's amount on the month before, as the KPI cards show it: "+12.3%", "-4.0%",
// or null when last month was nothing (no percentage of zero). Exact: amounts are compared in 分.
import { toFen } from "../../format.ts";

export function changeOnLastMonth(current: string, previous: string | undefined): string | null {
  if (previous === undefined) return null;
  const now = toFen(current);
  const before = toFen(previous);
  if (now === null || before === null || before === 0n) return null;
  // Tenths of a percent, rounded half away from zero.
  const scaled = (now - before) * 1000n;
  const tenths = (scaled + (scaled < 0n ? -before / 2n : before / 2n)) / before;
  const abs = tenths < 0n ? -tenths : tenths;
  const text = `${abs / 10n}.${abs % 10n}%`;
  return tenths < 0n ? `-${text}` : `+${text}`;
}
