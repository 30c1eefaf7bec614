// Collections rules as settings (DOMAIN.md §8 defaults), spread into SETTING_DEFAULTS so they are
// edited, dated and audited like every other business parameter.
import { z } from "zod";
import type { CollectionQueue } from "./collections-work.schema.ts";
import { isClockTime } from "./domain/china-time.ts";
import { disclosingTerm } from "./domain/conduct.ts";
import {
  CONTACT_METHODS,
  type ContactMethod,
  THIRD_PARTY_PURPOSES,
  type ThirdPartyPurpose,
} from "./domain/contact-vocabulary.ts";

type Def<T> = { default: T; schema: z.ZodType<T>; zh: string; en: string };
const def = <T>(d: Def<T>) => d;

const clockTime = z.string().refine(isClockTime, { message: "invalid-value" });

export type ThirdPartyRules = {
  methods: ContactMethod[];
  purposes: ThirdPartyPurpose[];
  forbiddenTerms: string[];
  messageTemplate: string;
};

export type AssignmentRules = { mode: "round-robin" | "least-loaded" | "manual"; defaultCapacity: number };

export type EscalationRules = { seniorFromDpd: number; legalFromDpd: number; brokenPromisesToSenior: number };

export const DEFAULT_FORBIDDEN_TERMS = [
  "欠款",
  "欠钱",
  "欠债",
  "债务",
  "逾期",
  "还款",
  "还钱",
  "催收",
  "催款",
  "贷款",
  "借款",
  "借钱",
  "利息",
  "罚息",
  "本金",
  "违约",
  "起诉",
  "法院",
  "征信",
  "黑名单",
  "debt",
  "overdue",
  "loan",
  "repay",
  "arrears",
  "owe",
];

export const COLLECTIONS_SETTINGS = {
  "collections.quiet-hours": def<{ start: string; end: string; methods: ContactMethod[] }>({
    default: { start: "22:00", end: "08:00", methods: ["call", "sms", "visit"] },
    schema: z.object({
      start: clockTime,
      end: clockTime,
      // Letters are posted, not delivered at night; every other method is covered unless narrowed.
      methods: z.array(z.enum(CONTACT_METHODS)).min(1),
    }),
    zh: "催收禁止联系时段(北京时间,债务人另行同意的除外)",
    en: "Collections quiet hours (China time; unless the debtor consented)",
  }),
  "collections.max-unanswered-per-day": def<number>({
    default: 6,
    schema: z.number().int().min(1).max(20),
    zh: "同一联系人同一方式每日未接通尝试上限",
    en: "Unanswered attempts a day per contact and method",
  }),
  "collections.third-party": def<ThirdPartyRules>({
    default: {
      methods: ["call", "sms", "visit"],
      purposes: ["message-relay", "locate"],
      forbiddenTerms: DEFAULT_FORBIDDEN_TERMS,
      messageTemplate: "您好,我是{collector},有事需要联系{debtor}本人,麻烦您转告其方便时回电,谢谢。",
    },
    schema: z
      .object({
        methods: z.array(z.enum(CONTACT_METHODS)),
        // Only purposes that say nothing about a debt exist for third parties; this can only narrow them.
        purposes: z.array(z.enum(THIRD_PARTY_PURPOSES)).min(1),
        forbiddenTerms: z.array(z.string().trim().min(1).max(20)).min(1),
        messageTemplate: z.string().trim().min(5).max(300),
      })
      .refine((v) => disclosingTerm(v.messageTemplate, v.forbiddenTerms) === null, {
        message: "collections-third-party-disclosure",
      }) as z.ZodType<ThirdPartyRules>,
    zh: "第三方联系规则(不得透露债务)",
    en: "Third-party contact rules (never disclose the debt)",
  }),
  "collections.assignment": def<AssignmentRules>({
    default: { mode: "round-robin", defaultCapacity: 150 },
    schema: z.object({
      mode: z.enum(["round-robin", "least-loaded", "manual"]),
      defaultCapacity: z.number().int().min(1).max(10_000),
    }),
    zh: "催收任务自动分配规则",
    en: "Collection task assignment rule",
  }),
  "collections.escalation": def<EscalationRules>({
    default: { seniorFromDpd: 61, legalFromDpd: 181, brokenPromisesToSenior: 2 },
    schema: z
      .object({
        seniorFromDpd: z.number().int().min(1).max(3650),
        legalFromDpd: z.number().int().min(1).max(3650),
        brokenPromisesToSenior: z.number().int().min(1).max(20),
      })
      .refine((v) => v.legalFromDpd > v.seniorFromDpd, { message: "invalid-value" }),
    zh: "催收升级阈值(逾期天数、违约承诺次数)",
    en: "Collections escalation thresholds (DPD, broken promises)",
  }),
  "collections.promises": def<{ maxDaysAhead: number; graceDays: number }>({
    default: { maxDaysAhead: 30, graceDays: 1 },
    schema: z.object({
      maxDaysAhead: z.number().int().min(1).max(180),
      graceDays: z.number().int().min(0).max(10),
    }),
    zh: "承诺还款:最长承诺天数与到期宽限天数",
    en: "Promises to pay: furthest date and days of grace",
  }),
  "collections.backdate-hours": def<number>({
    default: 24,
    schema: z.number().int().min(0).max(168),
    zh: "催收记录最多可补录的小时数",
    en: "Hours an attempt may be logged after it happened",
  }),
};

export const QUEUE_ORDER: Record<CollectionQueue, number> = { standard: 0, senior: 1, legal: 2 };
