import { describe, expect, it } from "vitest";
import { createPiiCipher, maskBankCard, maskIdNumber, maskPhone } from "./pii.ts";

const key = Buffer.alloc(32, 7);

describe("personal data cipher", () => {
  it("round-trips, with a fresh IV every time, in the v1:iv:tag:ciphertext form", () => {
    const pii = createPiiCipher(key);
    const a = pii.encrypt("330106198805121237");
    const b = pii.encrypt("330106198805121237");
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain("330106");
    expect(pii.decrypt(a)).toBe("330106198805121237");
  });

  it("refuses a tampered value or another key", () => {
    const pii = createPiiCipher(key);
    const sealed = pii.encrypt("13800138000");
    const [v, iv, tag, body] = sealed.split(":");
    const flipped = Buffer.from(body, "base64");
    flipped[0] ^= 1;
    expect(() => pii.decrypt([v, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    expect(() => createPiiCipher(Buffer.alloc(32, 8)).decrypt(sealed)).toThrow();
  });

  it("gives a stable blind index per key and field that is not a plain hash", () => {
    const pii = createPiiCipher(key);
    expect(pii.blindIndex("phone", "13800138000")).toBe(pii.blindIndex("phone", "13800138000"));
    expect(pii.blindIndex("phone", "13800138000")).not.toBe(pii.blindIndex("id-number", "13800138000"));
    expect(createPiiCipher(Buffer.alloc(32, 8)).blindIndex("phone", "13800138000")).not.toBe(
      pii.blindIndex("phone", "13800138000"),
    );
  });

  it("masks as the console shows it", () => {
    expect(maskIdNumber("110105194912310021")).toBe("110***********0021");
    expect(maskPhone("13856785678")).toBe("138****5678");
    expect(maskBankCard("6222020200112233")).toBe("************2233");
  });
});
