// Work other capabilities do when the close of business (日终) finishes a business date: expiring idle
// applications, ending failed probations, queueing tomorrow's appointment reminders, and so on. The batch (src/modules/loans/cob) runs these in
// order inside the transaction that closes the date, so a crash leaves a date either closed with all
// of them done or not closed at all. The list is assembled here, at the composition root like
// http/routes.ts, so the loans module does not depend on the modules that hook into its batch.
import { queueAppointmentReminders } from "../modules/crm/appointment-reminders.ts";
import { expireStaleApplications } from "../modules/origination/expiry.service.ts";
import { closeStaffDay } from "../modules/staff/staff-day-close.service.ts";
import type { RequestContext } from "./auth/actor.ts";
import type { Tx } from "./db.ts";

export type EndOfDayStep = {
  /** Names the step in errors and logs. */
  name: string;
  run: (tx: Tx, ctx: RequestContext, date: string) => Promise<unknown>;
};

export const END_OF_DAY_STEPS: readonly EndOfDayStep[] = [
  { name: "origination.expire-stale-applications", run: expireStaleApplications },
  { name: "staff.close-day", run: closeStaffDay },
  { name: "crm.appointment-reminders", run: queueAppointmentReminders },
];
