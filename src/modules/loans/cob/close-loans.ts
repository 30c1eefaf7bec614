// Closing one chunk of the book for a date (日终): set-based SQL over an id range of loans, never a
// loop per loan, inside the caller's transaction with the chunk marked closed in it — so a chunk is
// done completely or not at all, and a rerun skips it.
//
// The work is what CHANGES on the date (docs/adr/007-close-of-business-touches-only-changes.md), found
// through indexes rather than by visiting every loan: installments falling due (interest recognised),
// due in n days (reminders), falling overdue and n days overdue (notices, overdue_since), loans whose
// DPD crosses a bucket or class threshold. Most loans have none of these on a given night and are not
// touched; their DPD, penalty and closed date follow from the date (as-of.ts). Loans closed on their
// own (new, back-dated or reopened) are closed from their own date and join the company's close.
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../../platform/db.ts";
import { closeCollections } from "../../collections/cob-step.ts";
import { getSetting } from "../../settings/settings.service.ts";
import { queueReminders, recogniseDueInterest } from "./close-events.ts";
import { closeLoanStates } from "./close-state.ts";
import { type CloseWindow, type IdRange, individualsSql } from "./close-window.ts";
import { rowsOf } from "./sql-helpers.ts";

export type CloseParams = {
  thresholds: { specialMention: number; substandard: number; doubtful: number; loss: number };
  provisionRates: {
    normal: string;
    "special-mention": string;
    substandard: string;
    doubtful: string;
    loss: string;
  };
  reminderDaysBefore: number;
  overdueNoticeDaysAfter: number;
  /** Collections queues change at these DPDs too (collections/cob-step.ts). */
  escalation: { seniorFromDpd: number; legalFromDpd: number };
};

export async function loadCloseParams(db: Queryable, date: string): Promise<CloseParams> {
  // One after the other: inside a transaction they share one connection.
  return {
    thresholds: await getSetting(db, "servicing.classification-thresholds", date),
    provisionRates: await getSetting(db, "servicing.provision-rates", date),
    reminderDaysBefore: await getSetting(db, "servicing.reminder-days-before", date),
    overdueNoticeDaysAfter: await getSetting(db, "servicing.overdue-notice-days-after", date),
    escalation: await getSetting(db, "collections.escalation", date),
  };
}

/** Whether a loan's class, provision or collections queue may differ under `b` from under `a` with the same DPD. */
export function classRulesChanged(a: CloseParams, b: CloseParams): boolean {
  const key = (p: CloseParams) =>
    JSON.stringify([p.thresholds, p.provisionRates, p.escalation.seniorFromDpd, p.escalation.legalFromDpd]);
  return key(a) !== key(b);
}

export type CloseResult = {
  /** Loans whose state (DPD, bucket, class, provision, overdue date, closed date) was written. */
  loans: number;
  /** Installments whose interest or fee became receivable. */
  recognised: number;
  reminders: number;
  /** Collection tasks opened. */
  tasks: number;
};

export const emptyCloseResult = (): CloseResult => ({ loans: 0, recognised: 0, reminders: 0, tasks: 0 });

/** Whether the window has loans closed on their own (usually none: new loans join the company's close). */
async function hasIndividuals(tx: Tx, w: CloseWindow): Promise<boolean> {
  // Ordered by the partial index's key, so that the planner walks loans_individual_close_idx: as an
  // EXISTS it expected thousands of matches (closed loans have a closed date too) and scanned every loan
  // to find none — 0.1 s at 200,000 loans for the stragglers' check of the whole book.
  const rows = rowsOf<{ found: number }>(
    await tx.execute(
      sql`select 1 as found from loans l where ${individualsSql(w)} order by l.last_closed_date limit 1`,
    ),
  );
  return rows.length > 0;
}

async function closeWindow(
  tx: Tx,
  ctx: RequestContext,
  window: CloseWindow,
  options: { params: CloseParams; recomputeAll: boolean },
): Promise<CloseResult & { looked: string[] }> {
  const w =
    window.individuals && !(await hasIndividuals(tx, window)) ? { ...window, individuals: null } : window;
  if (!w.riders && !w.individuals) return { ...emptyCloseResult(), looked: [] };
  // A chunk reaches its installments and loans through indexes (by due date and loan id, by loan id):
  // nested loops over a few thousand rows, never a hash of a scan of the whole book. Each statement is
  // planned for its own dates and id range: the statements are prepared by name (prepared-statements.ts),
  // and a generic plan, blind to the dates, walked every open installment of the range by loan id
  // instead of the day's few hundred by due date (recognition 4× slower at 1,000,000 loans).
  await tx.execute(
    sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
      set_config('plan_cache_mode', 'force_custom_plan', true)`,
  );
  const recognised = await recogniseDueInterest(tx, ctx, w);
  const reminders = await queueReminders(tx, w, options.params);
  const state = await closeLoanStates(tx, ctx, w, { ...options, individualsRide: true });
  await tx.execute(
    sql`select set_config('enable_hashjoin', 'on', true), set_config('enable_mergejoin', 'on', true),
      set_config('plan_cache_mode', 'auto', true)`,
  );
  return { loans: state.loans, recognised, reminders, tasks: state.tasks, looked: state.looked };
}

/**
 * Closes the loans of an id range for `date`: those riding the company close from `fromDate` (the
 * business date when the date's run began), those closed on their own from their own date.
 */
export async function closeChunk(
  tx: Tx,
  ctx: RequestContext,
  options: { date: string; fromDate: string; range: IdRange; params: CloseParams; recomputeAll: boolean },
): Promise<CloseResult> {
  const { date, range } = options;
  const { looked, ...result } = await closeWindow(
    tx,
    ctx,
    { date, riders: { fromDate: options.fromDate, range }, individuals: range },
    options,
  );
  // Collections on the same loans: promises kept or broken, escalation, assignment (collections/cob-step.ts);
  // escalation only for the loans whose DPD crossed a threshold tonight, unless the rules changed.
  await closeCollections(tx, { date, scope: range, loans: options.recomputeAll ? undefined : looked });
  return result;
}

/** Loans opened or reopened on their own while the date's chunks ran, wherever they are. */
export async function closeStragglers(
  tx: Tx,
  ctx: RequestContext,
  options: { date: string; params: CloseParams },
): Promise<CloseResult> {
  const { looked: _, ...result } = await closeWindow(
    tx,
    ctx,
    { date: options.date, riders: null, individuals: "all" },
    { params: options.params, recomputeAll: false },
  );
  return result;
}
