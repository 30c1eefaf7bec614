// Personal data at rest (DESIGN.md "Rules of the house"): each value is sealed with AES-256-GCM under
// the 32-byte data key and a fresh random IV, stored as one text `v1:<iv>:<tag>:<ciphertext>` (base64).
// Equality look-ups (duplicate ID numbers, search by phone) go through a blind index: HMAC-SHA256
// under a key derived from the data key with HKDF, so the index key is never the encryption key and
// the index alone reveals nothing without it.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BLIND_INDEX_INFO = "microcredit/blind-index/v1";

export type PiiCipher = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  /** Keyed hash for equality look-ups; `kind` keeps equal values of different fields apart. */
  blindIndex: (kind: string, value: string) => string;
};

export function createPiiCipher(dataKey: Buffer): PiiCipher {
  if (dataKey.length !== 32) throw new Error("the data key must be 32 bytes");
  const indexKey = Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), BLIND_INDEX_INFO, 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [
        VERSION,
        iv.toString("base64"),
        cipher.getAuthTag().toString("base64"),
        body.toString("base64"),
      ].join(":");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", dataKey, Buffer.from(iv, "base64"), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    blindIndex(kind, value) {
      return createHmac("sha256", indexKey).update(kind).update("\u0000").update(value).digest("base64url");
    },
  };
}

// Masks as shown in the console (DESIGN.md): first 3 and last 4 of an ID, 3 + 4 of a phone, last 4 of a card.
export function maskIdNumber(value: string): string {
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

export function maskPhone(value: string): string {
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

export function maskBankCard(value: string): string {
  if (value.length <= 4) return "*".repeat(value.length);
  return `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
}
