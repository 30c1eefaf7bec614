// What the demo sales pipeline is drawn from: a seeded PRNG (so every run is identical), Chinese
// names, cities, phone prefixes, purposes and notes, and the shares of sources, stages and reasons.
import { residentIdCheckChar } from "../customers/domain/identifiers.ts";
import type { LeadSource, LeadStage } from "./crm.schema.ts";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const weighted = <T>(rng: Rng, options: readonly [T, number][]): T => {
  let x = rng() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
};

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜".split(
    "",
  );
export const GIVEN = [
  "建华",
  "秀兰",
  "志强",
  "海燕",
  "国栋",
  "丽娟",
  "伟",
  "敏",
  "静",
  "磊",
  "军",
  "洋",
  "杰",
  "涛",
  "明",
  "霞",
  "刚",
  "晓东",
  "春梅",
  "玉兰",
  "振宇",
  "佳怡",
  "俊杰",
  "文斌",
  "红梅",
  "小龙",
];
export const CITIES = ["杭州", "杭州", "杭州", "宁波", "温州", "绍兴", "金华", "嘉兴", "湖州", "合肥"];
export const PURPOSES = [
  "店铺进货周转",
  "装修门面",
  "购置设备",
  "扩大经营",
  "支付货款",
  "车辆购置",
  "农资采购",
  "旺季备货",
];
export const REFERRERS = [
  "老客户 陈立新",
  "老客户 吴秀珍",
  "合作商户 鑫达五金",
  "员工推荐 周杰",
  "老客户 赵国庆",
];
export const PREFIXES = [
  "138",
  "139",
  "137",
  "135",
  "136",
  "150",
  "151",
  "158",
  "159",
  "182",
  "187",
  "188",
  "130",
  "131",
  "155",
  "186",
  "133",
  "153",
  "189",
  "199",
];
export const NOTES = [
  "经营早餐店三年,想扩店",
  "有固定门面,流水稳定",
  "朋友介绍,对利率比较关心",
  "需要先了解还款方式",
  "下午方便接电话",
  "做建材批发,旺季资金紧张",
  null,
  null,
  null,
];
export const INVALID: [string, number][] = [
  ["wrong-number", 3],
  ["unreachable", 3],
  ["no-need", 5],
  ["not-qualified", 2],
  ["student", 1],
  ["do-not-call", 1],
];
export const SOURCES: [LeadSource, number][] = [
  ["online", 30],
  ["telemarketing-list", 30],
  ["referral", 15],
  ["event", 10],
  ["partner", 10],
  ["walk-in", 5],
];
export const OPEN_PLAN: [LeadStage, number][] = [
  ["new", 72],
  ["contacted", 72],
  ["intent", 50],
  ["appointment", 30],
  ["invalid", 38],
];

export const DAY = 86_400_000;

/** The same China day at a time between 09:00 and 18:00, never later than now: people call in office hours. */
export function workingHours(t: number, rng: () => number, now: number): number {
  const offset = 8 * 3600_000;
  const midnight = Math.floor((t + offset) / DAY) * DAY - offset;
  return Math.min(now - 60_000, midnight + Math.floor((9 + rng() * 9) * 3600_000));
}
export const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export function residentId(rng: Rng): string {
  const region = pick(rng, ["330106", "330102", "330105", "330108", "330110", "330203", "330302", "330602"]);
  const birth = `${1965 + Math.floor(rng() * 35)}${String(1 + Math.floor(rng() * 12)).padStart(2, "0")}${String(1 + Math.floor(rng() * 28)).padStart(2, "0")}`;
  const body = `${region}${birth}${String(Math.floor(rng() * 1000)).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}
