// Business parameters with effective dates (DOMAIN.md: "must be configurable"). The value in force on
// a date is the row with the latest effective_from not after it; with no such row, the default below.
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { z } from "zod";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { invalid } from "../../platform/errors.ts";
import { isRealDate } from "../../platform/http/schemas.ts";
import { COLLECTIONS_SETTINGS } from "../collections/collections.settings.ts";
import { CRM_ENGAGEMENT_SETTINGS } from "../crm/crm-engagement.settings.ts";
import type { CommitteeRule } from "../origination/domain/committee.ts";
import { DEFAULT_SCORECARD, type Scorecard } from "../origination/domain/scorecard.ts";
import { STAFF_POSITIONS } from "../staff/domain/positions.ts";
import { RANK_KEYS, type RankKey } from "../staff/domain/ranks.ts";
import { settings } from "./settings.schema.ts";

type ServicingAllocationOrder = {
  components: ("fee" | "penalty" | "interest" | "principal")[];
  installments: "oldest-first" | "newest-first";
  strategy: "by-installment" | "by-component";
};

const rate = z.string().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/);

type SettingDef<T> = { default: T; schema: z.ZodType<T>; zh: string; en: string };
const def = <T>(d: SettingDef<T>) => d;

export const SETTING_DEFAULTS = {
  "rates.apr-cap": def({ default: "0.24", schema: rate, zh: "年化利率(APR)上限", en: "APR cap" }),
  // The one-year LPR: each change is a new row dated when it took effect, so the rows are the dated table.
  "rates.lpr-1y": def({ default: "0.030", schema: rate, zh: "一年期 LPR", en: "One-year LPR" }),
  "rates.lpr-multiple": def({
    default: "4",
    schema: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
    zh: "LPR 倍数警戒线",
    en: "LPR multiple flagged above",
  }),
  // DOMAIN.md §8: nothing is deducted from the principal at disbursement unless this allows a disclosed fee.
  "fees.upfront-allowed": def({
    default: false,
    schema: z.boolean(),
    zh: "允许放款时收取已披露的前置费用",
    en: "Allow a disclosed upfront fee at disbursement",
  }),
  // DOMAIN.md §8: one borrower's outstanding balance ≤ this share of net assets; with related parties ≤ the next.
  "limits.per-borrower-share": def({
    default: "0.10",
    schema: rate,
    zh: "单户贷款余额占净资产上限",
    en: "Per-borrower share of net assets",
  }),
  "limits.related-party-share": def({
    default: "0.15",
    schema: rate,
    zh: "关联方合计占净资产上限",
    en: "Related parties' share of net assets",
  }),
  // DOMAIN.md §5: the committee (gm + risk + finance) decides unanimously unless set to majority.
  "origination.committee-roles": def<string[]>({
    default: ["gm", "risk", "finance"],
    schema: z.array(z.string().min(1)).min(1),
    zh: "贷审委员会成员角色",
    en: "Credit committee member roles",
  }),
  "origination.committee-rule": def<CommitteeRule>({
    default: "unanimous",
    schema: z.enum(["unanimous", "majority"]),
    zh: "贷审委员会表决规则",
    en: "Credit committee voting rule",
  }),
  // How long each stage may take before the application page warns (hours), and when an untouched
  // application expires.
  "origination.stage-limit-hours": def<Record<string, number>>({
    default: {
      submitted: 48,
      interviewed: 48,
      qualified: 48,
      assessed: 48,
      "pending-committee": 72,
      approved: 72,
    },
    schema: z.record(
      z.string(),
      z
        .number()
        .min(1)
        .max(24 * 90),
    ),
    zh: "审批各环节时限(小时)",
    en: "Time limit per approval stage (hours)",
  }),
  "origination.expiry-days": def({
    default: 30,
    schema: z.number().int().min(1).max(365),
    zh: "申请无进展自动失效天数",
    en: "Days without progress before an application expires",
  }),
  "origination.scorecard": def<Scorecard>({
    default: DEFAULT_SCORECARD,
    schema: z.custom<Scorecard>(
      (v) => typeof v === "object" && v !== null && "factors" in v && "grades" in v,
    ),
    zh: "信用评分卡",
    en: "Credit scorecard",
  }),
  // Loan servicing (DOMAIN.md §4). The business date moves only through the daily batch (loans/cob):
  // each close of business writes a row effective from the date it closed; unset = today in China.
  "business-date": def<string | null>({
    default: null,
    schema: z.string().refine(isRealDate).nullable(),
    zh: "营业日(仅由日终批处理推进)",
    en: "Business date (moved only by the close of business)",
  }),
  "servicing.allocation-order": def<ServicingAllocationOrder>({
    default: {
      components: ["fee", "penalty", "interest", "principal"],
      installments: "oldest-first",
      strategy: "by-installment",
    },
    schema: z.object({
      components: z.array(z.enum(["fee", "penalty", "interest", "principal"])).length(4),
      installments: z.enum(["oldest-first", "newest-first"]),
      strategy: z.enum(["by-installment", "by-component"]),
    }),
    zh: "还款冲抵顺序",
    en: "Repayment allocation order",
  }),
  "servicing.classification-thresholds": def({
    default: { specialMention: 1, substandard: 91, doubtful: 271, loss: 361 },
    schema: z.object({
      specialMention: z.number().int().min(1),
      substandard: z.number().int().min(1),
      doubtful: z.number().int().min(1),
      loss: z.number().int().min(1),
    }),
    zh: "五级分类逾期天数下限",
    en: "Five-level classification: lowest DPD of each class",
  }),
  "servicing.provision-rates": def({
    default: { normal: "0.01", "special-mention": "0.02", substandard: "0.25", doubtful: "0.5", loss: "1" },
    schema: z.object({
      normal: rate,
      "special-mention": rate,
      substandard: rate,
      doubtful: rate,
      loss: rate,
    }),
    zh: "贷款损失准备计提比例",
    en: "Loan-loss provision rates",
  }),
  "servicing.reminder-days-before": def({
    default: 3,
    schema: z.number().int().min(0).max(30),
    zh: "到期提醒提前天数",
    en: "Days before the due date to send a reminder",
  }),
  "servicing.overdue-notice-days-after": def({
    default: 1,
    schema: z.number().int().min(1).max(30),
    zh: "逾期通知在逾期后第几天发送",
    en: "Days after the due date to send the overdue notice",
  }),
  // 回收率 (DOMAIN.md §4): the business plan's goal, the target line of the portfolio overview.
  "servicing.recovery-rate-goal": def({
    default: "0.9",
    schema: rate,
    zh: "回收率目标",
    en: "Recovery rate goal",
  }),
  // 展期/重组 and 核销 (DOMAIN.md §4): who co-signs a restructuring (the committee votes as in origination),
  // the class a restructured loan may not fall below during its observation period, and how far past
  // due a loan must be before it may be written off.
  "restructuring.cosign-roles": def<string[]>({
    default: ["risk"],
    schema: z.array(z.string().min(1)).min(1),
    zh: "展期/重组会签角色",
    en: "Roles that co-sign a restructuring",
  }),
  "restructuring.classification-floor": def<"special-mention" | "substandard" | "doubtful" | "loss">({
    default: "substandard",
    schema: z.enum(["special-mention", "substandard", "doubtful", "loss"]),
    zh: "重组贷款最低五级分类",
    en: "Lowest classification of a restructured loan",
  }),
  "restructuring.observation-months": def({
    default: 12,
    schema: z.number().int().min(0).max(60),
    zh: "重组观察期(月,期内分类不上调)",
    en: "Observation period after a restructuring (months; no upgrade within it)",
  }),
  "write-off.min-dpd": def({
    default: 180,
    schema: z.number().int().min(1).max(3650),
    zh: "核销最低逾期天数",
    en: "Lowest days past due before a write-off",
  }),
  // Capital pool (资金): bank borrowings may not exceed this multiple of net capital.
  "capital.leverage-max": def({
    default: "1.0",
    schema: z.string().regex(/^\d{1,2}(\.\d{1,2})?$/),
    zh: "融资杠杆上限(借款/净资本)",
    en: "Leverage cap (borrowings / net capital)",
  }),
  // Staff (DOMAIN.md §6): the onboarding probation and the rank ladder's quarterly review.
  "staff.probation-days": def({
    default: 7,
    schema: z.number().int().min(1).max(180),
    zh: "入职试用期天数(须通过通关训练并经组长批准)",
    en: "Onboarding probation days (通关 passed and the leader's approval)",
  }),
  "staff.probation-positions": def<string[]>({
    default: ["telemarketer", "customer-manager"],
    schema: z.array(z.enum(STAFF_POSITIONS)),
    zh: "入职须经试用期的岗位",
    en: "Positions that start with the onboarding probation",
  }),
  "ranks.positions": def<string[]>({
    default: ["customer-manager"],
    schema: z.array(z.enum(STAFF_POSITIONS)),
    zh: "参加职级季度考核的岗位",
    en: "Positions on the rank ladder's quarterly review",
  }),
  "ranks.protection-months": def({
    default: 3,
    schema: z.number().int().min(0).max(24),
    zh: "入职保护期(月,期内只升不降)",
    en: "Protection period after joining (months; never demoted in it)",
  }),
  // The plan names the quarterly targets but gives no figures; these defaults rise from three months
  // of the first-month target (见习MO1) past three of the regular 200,000 (客户经理MO1) upward.
  "ranks.quarterly-targets": def<Record<RankKey, string>>({
    default: {
      "trainee-mo1": "300000.00",
      "trainee-mo2": "400000.00",
      "trainee-mo3": "500000.00",
      "cm-mo1": "600000.00",
      "cm-mo2": "700000.00",
      "cm-mo3": "800000.00",
      "senior-mo1": "900000.00",
      "senior-mo2": "1050000.00",
      "senior-mo3": "1200000.00",
      "expert-mo1": "1350000.00",
      "expert-mo2": "1500000.00",
      "expert-mo3": "1800000.00",
    },
    schema: z.object(
      Object.fromEntries(RANK_KEYS.map((k) => [k, z.string().regex(/^\d{1,12}(\.\d{1,2})?$/)])) as Record<
        RankKey,
        z.ZodString
      >,
    ) as unknown as z.ZodType<Record<RankKey, string>>,
    zh: "各职级季度年化业绩目标",
    en: "Quarterly annualized-performance target per rank",
  }),
  // Sales CRM (DOMAIN.md §6): a call is effective when connected with at least this much talk time;
  // each call is judged by the value in force on its date.
  "crm.effective-call-seconds": def({
    default: 30,
    schema: z.number().int().min(1).max(3600),
    zh: "有效通话时长下限(秒)",
    en: "Minimum talk time of an effective call (seconds)",
  }),
  // Automatic lead assignment skips anyone holding this many open leads (a person may have their own cap).
  "crm.max-open-leads": def({
    default: 200,
    schema: z.number().int().min(1).max(100_000),
    zh: "每人在跟线索上限(自动分配)",
    en: "Open leads per person before automatic assignment skips them",
  }),
  // Collections (DOMAIN.md §8 conduct rules, assignment, escalation, promises): src/modules/collections.
  ...COLLECTIONS_SETTINGS,
  // Sales floor KPIs, follow-ups, feedback SLA and the team target ramp: src/modules/crm.
  ...CRM_ENGAGEMENT_SETTINGS,
} satisfies Record<string, SettingDef<unknown>>;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K]["default"];

export function isSettingKey(key: string): key is SettingKey {
  return key in SETTING_DEFAULTS;
}

// Inside a transaction each (key, date) is read once: a payment asks for the business date and the
// servicing settings several times, and one transaction should see one value anyway. Every settings
// row is written through insertSettingRow, which starts every transaction's memo afresh, so a writer
// reads its own row back within its transaction.
let generation = 0;
const memos = new WeakMap<object, { generation: number; values: Map<string, Promise<unknown>> }>();

export type SettingRow = {
  key: SettingKey;
  value: unknown;
  effectiveFrom: string;
  note?: string | null;
  createdBy?: string | null;
};

/** The one way a settings row is written (change, approved proposal, close of business, seeds, tests). */
export async function insertSettingRow(db: Queryable, row: SettingRow): Promise<{ id: number }> {
  const [inserted] = await db
    .insert(settings)
    .values({
      key: row.key,
      value: row.value,
      effectiveFrom: row.effectiveFrom,
      note: row.note ?? null,
      createdBy: row.createdBy ?? null,
    })
    .returning({ id: settings.id });
  generation++;
  return inserted;
}

function memoOf(tx: object): Map<string, Promise<unknown>> {
  let memo = memos.get(tx);
  if (!memo || memo.generation !== generation) {
    memo = { generation, values: new Map() };
    memos.set(tx, memo);
  }
  return memo.values;
}

/**
 * Reads several settings, each as of its own date, in one statement into the transaction's memo, for a
 * path that will ask for each of them (a payment's allocation order as of its date, the classification
 * thresholds and provision rates as of the business date). Later getSetting calls for them in the
 * transaction answer from the memo. Outside a transaction there is no memo, so it does nothing.
 */
export async function prefetchSettings(
  tx: Queryable,
  wanted: readonly (readonly [key: SettingKey, asOfDate: string])[],
): Promise<void> {
  if (!(tx instanceof PgTransaction)) return;
  const values = memoOf(tx);
  const missing = wanted.filter(([key, asOf]) => !values.has(`${key}|${asOf}`));
  if (missing.length < 2) return; // getSetting reads a single one just as well
  const pairs = sql.join(
    missing.map(([key, asOf], i) => sql`(${i}::int, ${key}::text, ${asOf}::date)`),
    sql`, `,
  );
  // The query runs once; each setting's memo entry is a promise on its one result.
  const read = tx
    .execute(
      sql`select distinct on (w.i) w.i, s.value
          from (values ${pairs}) as w(i, key, as_of)
          join ${settings} s on s.key = w.key and s.effective_from <= w.as_of
          order by w.i, s.effective_from desc, s.id desc`,
    )
    .then((result) => (result as unknown as { rows: { i: number; value: unknown }[] }).rows);
  missing.forEach(([key, asOf], i) => {
    const id = `${key}|${asOf}`;
    const one = read.then((rows) => {
      const row = rows.find((r) => r.i === i);
      return row ? row.value : SETTING_DEFAULTS[key].default;
    });
    values.set(id, one);
    one.catch(() => values.delete(id));
  });
  await read;
}

export function getSetting<K extends SettingKey>(
  db: Queryable,
  key: K,
  asOfDate: string,
): Promise<SettingValue<K>> {
  if (!(db instanceof PgTransaction)) return readSetting(db, key, asOfDate);
  const values = memoOf(db);
  const id = `${key}|${asOfDate}`;
  const known = values.get(id);
  if (known) return known as Promise<SettingValue<K>>;
  const read = readSetting(db, key, asOfDate);
  values.set(id, read);
  read.catch(() => values.delete(id));
  return read;
}

async function readSetting<K extends SettingKey>(
  db: Queryable,
  key: K,
  asOfDate: string,
): Promise<SettingValue<K>> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.key, key), lte(settings.effectiveFrom, asOfDate)))
    .orderBy(desc(settings.effectiveFrom), desc(settings.id))
    .limit(1);
  return (row ? row.value : SETTING_DEFAULTS[key].default) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  db: Db,
  ctx: RequestContext,
  input: { key: K; value: SettingValue<K>; effectiveFrom: string; note?: string | null },
): Promise<void> {
  requirePermission(ctx, "settings.manage");
  if (!isRealDate(input.effectiveFrom)) throw invalid({ effectiveFrom: "invalid-date" });
  const parsed = (SETTING_DEFAULTS[input.key].schema as z.ZodType).safeParse(input.value);
  if (!parsed.success) throw invalid({ value: "invalid-value" });
  await db.transaction(async (tx) => {
    const before = await getSetting(tx, input.key, input.effectiveFrom);
    const row = await insertSettingRow(tx, {
      key: input.key,
      value: parsed.data,
      effectiveFrom: input.effectiveFrom,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: "setting.changed",
      entityType: "setting",
      entityId: input.key,
      before: { value: before },
      after: { value: parsed.data, effectiveFrom: input.effectiveFrom, id: row.id },
    });
  });
}
