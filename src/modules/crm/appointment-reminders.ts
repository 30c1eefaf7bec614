// 约见提醒: at the end of a business date, one text message for each appointment still scheduled on the
// next day, into crm_appointment_reminders for the SMS sender. Set-based, and the unique key per
// appointment makes a rerun of the date (or a catch-up over several) queue nothing twice. A lead marked
// do-not-call gets no message; an empty template turns the reminders off.
import { sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { getSetting } from "../settings/settings.service.ts";
import { addDays } from "./domain/kpi-periods.ts";

/** Queues the reminders for the appointments of the day after `date`; returns how many were queued. */
export async function queueAppointmentReminders(
  tx: Queryable,
  _ctx: RequestContext,
  date: string,
): Promise<{ queued: number }> {
  const template = await getSetting(tx, "crm.appointment-reminder-template", date);
  if (template === "") return { queued: 0 };
  const tomorrow = addDays(date, 1);
  const result = await tx.execute(sql`
    insert into crm_appointment_reminders (appointment_id, lead_id, channel, body, queued_on)
    select a.id, a.lead_id, 'sms',
      replace(replace(replace(replace(${template}::text,
        '{name}', l.name),
        '{date}', to_char(a.starts_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')),
        '{time}', to_char(a.starts_at at time zone 'Asia/Shanghai', 'HH24:MI')),
        '{place}', a.place),
      ${date}::date
    from crm_appointments a
    join crm_leads l on l.id = a.lead_id
    where a.status = 'scheduled'
      and not l.do_not_call
      -- a catch-up over past dates must not remind anyone of a meeting already begun
      and a.starts_at > ${new Date()}
      and a.starts_at >= (${tomorrow}::date)::timestamp at time zone 'Asia/Shanghai'
      and a.starts_at < (${tomorrow}::date + 1)::timestamp at time zone 'Asia/Shanghai'
    on conflict (appointment_id) do nothing
    returning id`);
  // Both drivers (pg and PGlite) answer a raw statement with `rows`.
  return { queued: (result as unknown as { rows: unknown[] }).rows.length };
}
