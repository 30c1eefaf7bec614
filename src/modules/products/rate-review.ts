// The rate ceilings of DOMAIN.md §3 with today's settings: above the APR cap is refused (409 naming
// annualRate); above the LPR multiple is allowed but flagged, since loans must come down to that line
// by the end of 2027.

import type { Queryable } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { Dec } from "../../platform/money.ts";
import type { Warning } from "../../platform/warnings.ts";
import { checkRateCap } from "../loans/domain/rate-cap.ts";
import { getSetting } from "../settings/settings.service.ts";
import type { LoanApr } from "./domain/product-terms.ts";

const percent = (fraction: Dec) => fraction.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);

export async function reviewRate(
  db: Queryable,
  input: { apr: LoanApr; date: string },
): Promise<{ flags: string[]; warnings: Warning[] }> {
  const cap = new Dec(await getSetting(db, "rates.apr-cap", input.date));
  const lpr = await getSetting(db, "rates.lpr-1y", input.date);
  const multiple = new Dec(await getSetting(db, "rates.lpr-multiple", input.date));
  const check = checkRateCap({
    apr: input.apr.annualRate,
    date: input.date,
    lprTable: [{ from: input.date, rate: lpr }],
    cap,
    lprMultiple: multiple,
  });
  if (check.status === "refused")
    throw new DomainError({
      code: "apr-above-cap",
      status: 409,
      params: { apr: input.apr.percent, cap: percent(cap) },
      fields: { annualRate: "apr-exceeds-cap" },
    });
  if (!check.reasons.includes("above-4x-lpr") || check.lprLine === null) return { flags: [], warnings: [] };
  return {
    flags: ["above-4x-lpr"],
    warnings: [
      {
        code: "apr-above-4x-lpr",
        field: "annualRate",
        params: { apr: input.apr.percent, multiple: multiple.toFixed(), line: percent(check.lprLine) },
      },
    ],
  };
}
