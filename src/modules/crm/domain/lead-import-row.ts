// The columns a lead list may have (姓名/手机/身份证/来源/推荐人/意向金额/城市/备注 and a few more),
// and the plain values of one row read from them: source names in Chinese or English, amounts
// written as "¥50,000" or "5万", dates as 2026-12-01 or 2026/12/1. Identifiers are checked by the
// service, which seals them. Pure.

import { parseAmount } from "../../../platform/money.ts";
import type { IntentLevel, LeadSource } from "../crm.schema.ts";
import type { ColumnSpec } from "./import-columns.ts";
import { INTENT_LEVELS, LEAD_SOURCES, SOURCE_NAMES } from "./lead-rules.ts";

export type LeadField =
  | "name"
  | "phone"
  | "idNumber"
  | "source"
  | "referrer"
  | "wantedAmount"
  | "city"
  | "notes"
  | "campaign"
  | "intentLevel"
  | "purpose"
  | "owner"
  | "nextFollowUpOn";

export const LEAD_COLUMNS: readonly ColumnSpec<LeadField>[] = [
  { field: "name", required: true, aliases: ["姓名", "客户姓名", "客户名称", "名字", "客户", "name"] },
  {
    field: "phone",
    required: true,
    aliases: ["手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile", "phone"],
  },
  {
    field: "idNumber",
    required: false,
    aliases: ["身份证", "身份证号", "身份证号码", "证件号", "证件号码", "id number", "idcard"],
  },
  { field: "source", required: false, aliases: ["来源", "线索来源", "客户来源", "渠道", "source"] },
  { field: "referrer", required: false, aliases: ["推荐人", "介绍人", "转介绍人", "referrer"] },
  {
    field: "wantedAmount",
    required: false,
    aliases: ["意向金额", "需求金额", "贷款金额", "申请金额", "金额", "amount", "wanted amount"],
  },
  { field: "city", required: false, aliases: ["城市", "所在城市", "地区", "区域", "city"] },
  { field: "notes", required: false, aliases: ["备注", "说明", "备注信息", "notes", "remark", "remarks"] },
  { field: "campaign", required: false, aliases: ["活动", "活动名称", "营销活动", "campaign"] },
  {
    field: "intentLevel",
    required: false,
    aliases: ["意向等级", "意向级别", "意向", "intent", "intent level"],
  },
  { field: "purpose", required: false, aliases: ["用途", "贷款用途", "资金用途", "purpose"] },
  { field: "owner", required: false, aliases: ["负责人", "归属人", "业务员", "跟进人", "owner"] },
  {
    field: "nextFollowUpOn",
    required: false,
    aliases: ["下次跟进", "下次跟进日期", "跟进日期", "回访日期", "next follow-up", "follow up"],
  },
];

export const LEAD_FIELDS: readonly LeadField[] = LEAD_COLUMNS.map((c) => c.field);

const SOURCE_LOOKUP = new Map<string, LeadSource>();
for (const source of LEAD_SOURCES) {
  SOURCE_LOOKUP.set(source, source);
  SOURCE_LOOKUP.set(SOURCE_NAMES[source].zh, source);
  SOURCE_LOOKUP.set(SOURCE_NAMES[source].en.toLowerCase(), source);
}
SOURCE_LOOKUP.set("线上", "online");
SOURCE_LOOKUP.set("合作", "partner");
SOURCE_LOOKUP.set("介绍", "referral");
SOURCE_LOOKUP.set("电销", "telemarketing-list");
SOURCE_LOOKUP.set("门店", "walk-in");

export function parseSource(text: string): LeadSource | null {
  return SOURCE_LOOKUP.get(text.trim().toLowerCase()) ?? null;
}

/** "50000", "¥50,000.00", "5万", "5.5 万元" → 分; null for anything else. */
export function parseWantedAmount(text: string): number | null {
  let value = text.replace(/[¥￥,，\s]/g, "").replace(/元$/, "");
  let scale = 1;
  if (value.endsWith("万")) {
    value = value.slice(0, -1);
    scale = 10_000;
  }
  const fen = parseAmount(value);
  if (fen === null || fen <= 0) return null;
  const scaled = fen * scale;
  return Number.isSafeInteger(scaled) && scaled <= 100_000_000_00 ? scaled : null;
}

/** "2026-12-01", "2026/12/1", "2026.12.1" → "2026-12-01"; null when not a real date. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s+0{1,2}:00(?::00)?)?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function parseIntentLevel(text: string): IntentLevel | null {
  const value = text
    .trim()
    .toUpperCase()
    .replace(/级$|类$/, "");
  return (INTENT_LEVELS as readonly string[]).includes(value) ? (value as IntentLevel) : null;
}
