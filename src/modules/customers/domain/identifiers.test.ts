import { describe, expect, it } from "vitest";
import { detectFileType, safeFileName } from "./file-types.ts";
import {
  ageOn,
  creditCodeCheckChar,
  luhnValid,
  normalizeBankCard,
  normalizeMobile,
  parseCreditCode,
  parseResidentId,
  residentIdCheckChar,
} from "./identifiers.ts";

const TODAY = "2026-11-29";
const withCheck = (body: string) => body + residentIdCheckChar(body);

describe("resident ID (GB 11643)", () => {
  it("computes the check character with the 7-9-10-5… weights", () => {
    // The standard's own example and the shared API helper's default (cn_id()).
    expect(residentIdCheckChar("11010519491231002")).toBe("X");
    expect(withCheck("33010619880512123")).toBe("330106198805121237");
  });

  it("accepts valid numbers, an x in lower case, and reads birth date and gender", () => {
    const result = parseResidentId("11010519491231002x", TODAY);
    expect(result).toEqual({
      ok: true,
      value: "11010519491231002X",
      info: { birthDate: "1949-12-31", gender: "female", regionCode: "110105" },
    });
    const male = parseResidentId(withCheck("44030519900229001"), TODAY);
    expect(male.ok).toBe(false); // 1990 is not a leap year
    const leap = parseResidentId(withCheck("44030520000229001"), TODAY);
    expect(leap.ok && leap.info.gender).toBe("male");
  });

  it("names what is wrong: format, region, birth date, checksum", () => {
    expect(parseResidentId("1101051949123100", TODAY)).toEqual({ ok: false, reason: "format" });
    expect(parseResidentId("11010519491231002Y", TODAY)).toEqual({ ok: false, reason: "format" });
    expect(parseResidentId(withCheck("99010519491231002"), TODAY)).toEqual({ ok: false, reason: "region" });
    expect(parseResidentId(withCheck("00010519491231002"), TODAY)).toEqual({ ok: false, reason: "region" });
    expect(parseResidentId(withCheck("11010519491331002"), TODAY)).toEqual({
      ok: false,
      reason: "birth-date",
    });
    expect(parseResidentId(withCheck("11010518991231002"), TODAY)).toEqual({
      ok: false,
      reason: "birth-date",
    });
    expect(parseResidentId(withCheck("11010520270101002"), TODAY)).toEqual({
      ok: false,
      reason: "birth-date",
    });
    expect(parseResidentId("110105194912310021", TODAY)).toEqual({ ok: false, reason: "checksum" });
  });

  it("any single changed digit breaks the checksum", () => {
    const valid = withCheck("33010619880512123");
    for (let i = 14; i < 17; i++) {
      const digit = (Number(valid[i]) + 1) % 10;
      const changed = valid.slice(0, i) + digit + valid.slice(i + 1);
      expect(parseResidentId(changed, TODAY).ok).toBe(false);
    }
  });
});

describe("unified social credit code (GB 32100)", () => {
  it("accepts published codes", () => {
    expect(parseCreditCode("91350100M000100Y43")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(parseCreditCode("91110000802100433b").ok).toBe(true);
    expect(creditCodeCheckChar("91110000802100433")).toBe("B");
  });

  it("refuses a wrong check character, letters outside the 31-symbol set and wrong lengths", () => {
    expect(parseCreditCode("91350100M000100Y44")).toEqual({ ok: false, reason: "checksum" });
    expect(parseCreditCode("91350100M000100I43")).toEqual({ ok: false, reason: "format" });
    expect(parseCreditCode("91350100M000100Y4")).toEqual({ ok: false, reason: "format" });
    expect(parseCreditCode("9135A100M000100Y43")).toEqual({ ok: false, reason: "format" });
  });
});

describe("mobile numbers and bank cards", () => {
  it("normalises mainland mobile numbers", () => {
    expect(normalizeMobile("13800138000")).toBe("13800138000");
    expect(normalizeMobile("+86 138-0013-8000")).toBe("13800138000");
    expect(normalizeMobile("8613800138000")).toBe("13800138000");
    expect(normalizeMobile("12800138000")).toBeNull();
    expect(normalizeMobile("1380013800")).toBeNull();
    expect(normalizeMobile("021-12345678")).toBeNull();
  });

  it("checks Luhn and card length", () => {
    expect(luhnValid("6222020200112233445")).toBe(false);
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
    expect(normalizeBankCard("6222 0202 0011 2233")).toBe("6222020200112233");
    expect(normalizeBankCard("12345")).toBeNull();
  });

  it("counts whole years of age", () => {
    expect(ageOn("1988-05-12", "2026-05-11")).toBe(37);
    expect(ageOn("1988-05-12", "2026-05-12")).toBe(38);
  });
});

describe("file types by content", () => {
  it("recognises PDF, JPEG and PNG by magic bytes and nothing else", () => {
    expect(detectFileType(Buffer.from("%PDF-1.7\n"))?.contentType).toBe("application/pdf");
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))?.contentType).toBe("image/jpeg");
    expect(
      detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType,
    ).toBe("image/png");
    expect(detectFileType(Buffer.from("just text, named .pdf"))).toBeNull();
    expect(detectFileType(Buffer.from("%PD"))).toBeNull();
  });

  it("keeps only a safe base name", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('C:\\scans\\身份证"正面".jpg')).toBe("身份证正面.jpg");
    expect(safeFileName(undefined)).toBe("document");
  });
});
