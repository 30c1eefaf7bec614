// The sales floor's rules as settings (DOMAIN.md §6 and the "targets per rank or position"),
// spread into SETTING_DEFAULTS so they are edited, dated and audited like every other parameter.
import { z } from "zod";

type Def<T> = { default: T; schema: z.ZodType<T>; zh: string; en: string };
const def = <T>(d: Def<T>) => d;

/** A day's target of each daily KPI. */
export type DailyTarget = {
  calls: number;
  effective: number;
  intent: number;
  revisits: number;
  nextDayAppointments: number;
};

export type TargetRamp = { ramp: string[]; mature: string };

const count = z.number().int().min(0).max(100_000);
const dailyTarget = z
  .object({ calls: count, effective: count, intent: count, revisits: count, nextDayAppointments: count })
  .strict();
const yuan = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);

export const FEEDBACK_CATEGORIES = [
  "service",
  "fees",
  "collection",
  "product",
  "process",
  "privacy",
  "system",
  "other",
] as const;

export const CRM_ENGAGEMENT_SETTINGS = {
  // Keys are positions (staff/domain/positions.ts) or ranks (staff/domain/ranks.ts); a rank's row wins
  // over its position's. A person with neither has no target.
  "crm.kpi-daily-targets": def<Record<string, DailyTarget>>({
    default: {
      telemarketer: { calls: 100, effective: 30, intent: 2, revisits: 6, nextDayAppointments: 1 },
      "tele-leader": { calls: 50, effective: 15, intent: 1, revisits: 3, nextDayAppointments: 0 },
      "customer-manager": { calls: 30, effective: 10, intent: 1, revisits: 4, nextDayAppointments: 1 },
      "team-manager": { calls: 15, effective: 5, intent: 0, revisits: 2, nextDayAppointments: 0 },
    },
    schema: z.record(z.string().min(1).max(40), dailyTarget),
    zh: "电销日目标(按岗位或职级:呼出、有效呼出、意向、回访、次日约见)",
    en: "Daily KPI targets per position or rank (calls, effective, intent, revisits, next-day appointments)",
  }),
  // ISO weekdays (1 = Monday) on which the daily targets apply; weekly and monthly targets add them up.
  "crm.kpi-working-days": def<number[]>({
    default: [1, 2, 3, 4, 5],
    schema: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    zh: "电销考核工作日(1=周一)",
    en: "Working days the KPI targets apply to (1 = Monday)",
  }),
  "crm.intent-revisit-days": def({
    default: 3,
    schema: z.number().int().min(1).max(60),
    zh: "意向客户无回访日期时,距上次联系几天生成回访任务",
    en: "Days after the last contact before an intent customer without a follow-up date is due a revisit",
  }),
  "crm.feedback-sla-hours": def<Record<string, number>>({
    default: {
      service: 24,
      fees: 48,
      collection: 24,
      product: 72,
      process: 48,
      privacy: 24,
      system: 48,
      other: 72,
    },
    schema: z.record(
      z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
      z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
    ),
    zh: "客户反馈/投诉处理时限(小时,按类别)",
    en: "Feedback and complaint SLA per category (hours)",
  }),
  // DOMAIN.md §6: month 1 ¥1m, month 2 ¥3m, month 3 ¥6m, then mature ¥30m — counted from a team's
  // first month; plan rows per team and month override it.
  "crm.team-target-ramp": def<TargetRamp>({
    default: { ramp: ["1000000.00", "3000000.00", "6000000.00"], mature: "30000000.00" },
    schema: z.object({ ramp: z.array(yuan).max(24), mature: yuan }).strict(),
    zh: "团队月度放款目标爬坡(第1、2、3…月,成熟期)",
    en: "Team monthly disbursement target ramp (month 1, 2, 3…, mature)",
  }),
  // When the end-of-day report is produced (China time); after the close of business by default.
  "crm.daily-report-time": def({
    default: "23:45",
    schema: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    zh: "电销日报生成时间(北京时间)",
    en: "Time the sales daily report is produced (China time)",
  }),
  // The text message the end of day queues for each of tomorrow's appointments; {name} {date} {time}
  // {place} are filled in. An empty text turns the reminders off.
  "crm.appointment-reminder-template": def({
    default: "【小贷通】{name}您好,提醒您 {date} {time} 在{place}的约见。如需改期,请联系您的客户经理。",
    schema: z
      .string()
      .max(300)
      .refine((text) => text === "" || /\{(date|time)\}/.test(text), "must name the {date} or {time}"),
    zh: "约见提醒短信模板(前一日日终发送;{name}{date}{time}{place};留空则不发送)",
    en: "Appointment reminder text, queued the day before ({name} {date} {time} {place}; empty turns it off)",
  }),
};
