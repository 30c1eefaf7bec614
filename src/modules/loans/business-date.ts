// The business date (营业日, STYLE.md: separate from the system clock). Every "today" in servicing
// reads it; only the close of business moves it, by writing a settings row effective from the date
// it closed, so the rows are also the history of closes. Unset (a fresh install) = today in China.
import type { RequestContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { getSetting, insertSettingRow } from "../settings/settings.service.ts";
import { addDays, formatDate, parseDate } from "./domain/due-dates.ts";

const LATEST = "9999-12-31";

export async function getBusinessDate(db: Queryable): Promise<string> {
  return (await getSetting(db, "business-date", LATEST)) ?? todayInChina();
}

/** Written only by the close of business (and the demo seed, which simulates closes) in its own transaction. */
export async function advanceBusinessDate(tx: Tx, ctx: RequestContext, date: string): Promise<void> {
  await insertSettingRow(tx, {
    key: "business-date",
    value: date,
    effectiveFrom: date,
    note: "close of business",
    createdBy: ctx.actor.userId,
  });
}

export function shiftDate(date: string, days: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  return formatDate(addDays(parsed, days));
}
