// Checks for the identifiers a customer file carries. Pure functions, no I/O: the service calls them
// and turns a failure into a 400 naming the field.
//   resident ID (GB 11643-1999): 17 digits + check character, real birth date, a province code;
//   unified social credit code (GB 32100-2015): 18 characters with a mod-31 check character;
//   mainland mobile number: 1[3-9] + 9 digits; bank card: Luhn (a warning only, cards vary).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = "10X98765432";

// First two digits of GB/T 2260 region codes: the 31 provinces, Taiwan, Hong Kong, Macau, and 83
// (residence permits of Taiwan residents).
const PROVINCE_CODES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
  "83",
]);

export type ResidentIdInfo = { birthDate: string; gender: "male" | "female"; regionCode: string };
export type ResidentIdResult =
  | { ok: true; value: string; info: ResidentIdInfo }
  | { ok: false; reason: IdFailure };
export type IdFailure = "format" | "region" | "birth-date" | "checksum";

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Upper-cases the check character and trims; `today` bounds the birth date (YYYY-MM-DD). */
export function parseResidentId(input: string, today: string): ResidentIdResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: "format" };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, reason: "region" };
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (year < 1900 || !isRealDate(year, month, day) || birthDate > today)
    return { ok: false, reason: "birth-date" };
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "checksum" };
  const gender = Number(value[16]) % 2 === 1 ? "male" : "female";
  return { ok: true, value, info: { birthDate, gender, regionCode: value.slice(0, 6) } };
}

// GB 32100-2015: 31 symbols (no I, O, Z, S, V); weight of position i is 3^i mod 31.
const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Registration authority (1 机构编制 … 9 市场监管, A, N 农业, Y 其他), then an entity type digit.
const CREDIT_PREFIX = /^[1-9ANY][1-9]/;

export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: "format" | "checksum" };

export function parseCreditCode(input: string): CreditCodeResult {
  const value = input.trim().toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(value) || !CREDIT_PREFIX.test(value))
    return { ok: false, reason: "format" };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: "format" };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "checksum" };
  return { ok: true, value };
}

/** Normalises "+86 138-0013-8000" to "13800138000"; null when it is not a mainland mobile number. */
export function normalizeMobile(input: string): string | null {
  let digits = input.replace(/[\s-]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith("86")) digits = digits.slice(2);
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Bank cards issued in China are 12–19 digits (UnionPay 16–19); spaces are ignored. */
export function normalizeBankCard(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return /^\d{12,19}$/.test(digits) ? digits : null;
}

/** Whole years of age on a date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
