// ~60 demo customers spread over the 25 customer managers: individuals (a few students, stored so
// origination can refuse them), sole proprietors and small businesses with valid credit codes, a few
// blacklisted, consents recorded. A seeded PRNG makes every run identical; IDs get valid checksums.
import { eq } from "drizzle-orm";
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { createPiiCipher } from "../../platform/pii.ts";
import type { DemoSeeder, SeedEnv } from "../../platform/seed.ts";
import { userRoles, users } from "../identity/identity.schema.ts";
import { setBlacklisted } from "./blacklist.service.ts";
import { recordConsent } from "./consents.service.ts";
import type { CreateCustomerInput } from "./customers.contracts.ts";
import { createCustomer } from "./customers.service.ts";
import { creditCodeCheckChar, residentIdCheckChar } from "./domain/identifiers.ts";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆汪范金石廖贾夏韦方";
const GIVEN = [
  "伟",
  "芳",
  "娜",
  "秀英",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀兰",
  "霞",
  "平",
  "刚",
  "桂英",
  "建华",
  "文博",
  "子涵",
  "雨桐",
  "浩然",
  "思远",
  "海燕",
  "志强",
  "春梅",
  "国栋",
  "晓东",
  "丽华",
  "建军",
  "玉兰",
  "振宇",
  "佳怡",
  "俊杰",
];
const REGIONS: [string, string][] = [
  ["330106", "浙江省杭州市西湖区"],
  ["330102", "浙江省杭州市上城区"],
  ["330105", "浙江省杭州市拱墅区"],
  ["330108", "浙江省杭州市滨江区"],
  ["330109", "浙江省杭州市萧山区"],
  ["330110", "浙江省杭州市余杭区"],
  ["330203", "浙江省宁波市海曙区"],
  ["330302", "浙江省温州市鹿城区"],
  ["330602", "浙江省绍兴市越城区"],
  ["330782", "浙江省义乌市"],
  ["340104", "安徽省合肥市蜀山区"],
  ["360102", "江西省南昌市东湖区"],
];
const STREETS = [
  "文三路",
  "古墩路",
  "莫干山路",
  "江南大道",
  "建国北路",
  "中山南路",
  "解放东路",
  "天目山路",
  "湖墅南路",
  "金城路",
  "丰潭路",
  "学院路",
];
const PHONE_PREFIXES = [
  "138",
  "139",
  "137",
  "135",
  "136",
  "150",
  "151",
  "152",
  "158",
  "159",
  "182",
  "183",
  "187",
  "188",
  "130",
  "131",
  "132",
  "155",
  "156",
  "185",
  "186",
  "133",
  "153",
  "180",
  "189",
  "177",
  "199",
];
const BANKS = [
  "中国工商银行",
  "中国建设银行",
  "中国农业银行",
  "中国银行",
  "招商银行",
  "杭州银行",
  "浙江农商银行",
];
const OCCUPATIONS: [string, string | null][] = [
  ["企业职员", "杭州某科技有限公司"],
  ["教师", "西湖区某小学"],
  ["护士", "杭州市第一人民医院"],
  ["网约车司机", null],
  ["外卖骑手", null],
  ["销售经理", "浙江某贸易有限公司"],
  ["厨师", "某餐饮管理有限公司"],
  ["装修工长", null],
  ["会计", "某会计师事务所"],
  ["电商店主", null],
];
const TRADES = [
  "面馆",
  "五金店",
  "水果店",
  "服装店",
  "汽修店",
  "便利店",
  "茶叶店",
  "家电维修部",
  "美发店",
  "早餐店",
  "副食品店",
  "电动车行",
];
const BRANDS = [
  "鑫达",
  "恒远",
  "华盛",
  "瑞丰",
  "博远",
  "锦程",
  "宏图",
  "佳和",
  "诚信",
  "远航",
  "天成",
  "润泽",
];
const INDUSTRIES = [
  "贸易",
  "电子科技",
  "建材",
  "物流",
  "餐饮管理",
  "服饰",
  "机械设备",
  "包装材料",
  "文化传媒",
  "农业开发",
];
const BLACKLIST_REASONS = [
  "提供虚假银行流水",
  "多头借贷且恶意拖欠,经催收仍拒绝还款",
  "冒用他人身份信息申请贷款",
];
const ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[] | string): T => list[Math.floor(rng() * list.length)] as T;
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => Math.floor(rng() * 10)).join("");
const pad = (n: number) => String(n).padStart(2, "0");

function residentId(rng: Rng, region: string, birthYear: number, seq: number): string {
  const birth = `${birthYear}${pad(1 + Math.floor(rng() * 12))}${pad(1 + Math.floor(rng() * 28))}`;
  const body = `${region}${birth}${String(seq).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}

// GB 11714 organisation code (8 characters + check) inside a GB 32100 credit code.
function creditCode(rng: Rng, prefix: "91" | "92", region: string): string {
  const base = Array.from({ length: 8 }, () => pick(rng, ORG_CHARS)).join("");
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce(
    (s, c, i) => s + (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55) * weights[i],
    0,
  );
  const check = 11 - (sum % 11);
  const orgCode = base + (check === 10 ? "X" : check === 11 ? "0" : String(check));
  const body = `${prefix}${region}${orgCode}`;
  return body + creditCodeCheckChar(body);
}

function bankCard(rng: Rng): string {
  const body = `62${digits(rng, 16)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

export function buildDemoCustomers(
  managerIds: string[],
  count = 60,
): (CreateCustomerInput & { ownerId: string })[] {
  const rng = mulberry32(20_261_129);
  const people: (CreateCustomerInput & { ownerId: string })[] = [];
  for (let i = 0; i < count; i++) {
    const [region, place] = pick(rng, REGIONS);
    const name = pick(rng, SURNAMES.split("")) + pick(rng, GIVEN);
    const kind = i % 3 === 2 ? (i % 2 === 0 ? "small-business" : "sole-proprietor") : "individual";
    const student = kind === "individual" && i % 20 === 7;
    const birthYear = student ? 2004 + (i % 3) : 1966 + Math.floor(rng() * 34);
    const base = {
      idNumber: residentId(rng, region, birthYear, 100 + i),
      phone: pick(rng, PHONE_PREFIXES) + digits(rng, 8),
      address: `${place}${pick(rng, STREETS)}${1 + Math.floor(rng() * 300)}号`,
      bankCard: rng() < 0.8 ? bankCard(rng) : null,
      bankName: pick(rng, BANKS),
      ownerId: managerIds[i % managerIds.length],
    };
    if (kind === "individual") {
      const [occupation, employer] = student ? ["在校学生", "浙江某大学"] : pick(rng, OCCUPATIONS);
      people.push({
        ...base,
        type: "individual",
        name,
        segment: student ? "student" : "individual",
        occupation,
        employer,
        monthlyIncome: student ? "1500" : String(4000 + Math.floor(rng() * 36) * 500),
        businessYears: student ? 0 : Math.floor(rng() * 20),
      });
    } else {
      const district = place.replace(/^.*?省/, "").replace(/^.*?市(?=.+区)/, "");
      const businessName =
        kind === "sole-proprietor"
          ? `${district}${name[0]}记${pick(rng, TRADES)}`
          : `${place.slice(3, 5)}${pick(rng, BRANDS)}${pick(rng, INDUSTRIES)}有限公司`;
      people.push({
        ...base,
        type: "business",
        name: businessName,
        businessKind: kind,
        legalRepresentative: name,
        creditCode: creditCode(rng, kind === "sole-proprietor" ? "92" : "91", region),
        occupation: kind === "sole-proprietor" ? "个体经营" : "企业主",
        monthlyIncome: String(20000 + Math.floor(rng() * 60) * 1000),
        businessYears: 1 + Math.floor(rng() * 15),
      });
    }
  }
  return people;
}

async function customerManagers(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(userRoles.roleKey, "customer-manager"))
    .orderBy(users.departmentId, users.username);
  return rows.map((r) => r.id);
}

export async function seedDemoCustomers(db: Db, env: SeedEnv): Promise<void> {
  const managers = await customerManagers(db);
  if (managers.length === 0) return;
  const ctx = systemContext();
  const deps = { db, pii: createPiiCipher(env.dataKey) };
  const created = [];
  for (const input of buildDemoCustomers(managers))
    created.push((await createCustomer(deps, ctx, input)).customer);
  for (const [i, customer] of created.entries()) {
    if (customer.segment === "student") continue;
    await recordConsent(db, ctx, customer.id, {
      kind: "sensitive-data",
      purpose: "贷款申请资料的收集、保存与核验",
    });
    await recordConsent(db, ctx, customer.id, {
      kind: "credit-inquiry",
      purpose: "贷款资格审查与信用评估时查询征信报告",
    });
    if (i % 4 === 0)
      await recordConsent(db, ctx, customer.id, {
        kind: "third-party-sharing",
        purpose: "向担保机构提供担保审核所需信息",
      });
  }
  const blacklist = created.filter((c) => c.segment !== "student").filter((_, i) => i % 19 === 5);
  for (const [i, customer] of blacklist.entries())
    await setBlacklisted(db, ctx, {
      customerId: customer.id,
      blacklisted: true,
      reason: BLACKLIST_REASONS[i % BLACKLIST_REASONS.length],
    });
}

export const customersDemoSeeder: DemoSeeder = { name: "customers", run: seedDemoCustomers };
