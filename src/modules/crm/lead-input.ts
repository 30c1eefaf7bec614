// What a caller typed about a lead, checked and turned into columns: the phone (mainland mobile) and
// optional ID number (GB 11643) validated with the customers' own validators and sealed with their
// blind-index kinds, the source's requirements, the wanted amount in 分. Errors are collected so one
// 400 (or one import row) names every field at once.

import { parseAmount } from "../../platform/money.ts";
import { maskIdNumber, maskPhone, type PiiCipher } from "../../platform/pii.ts";
import { normalizeMobile, parseResidentId } from "../customers/domain/identifiers.ts";
import type { leads } from "./crm.schema.ts";
import { idIndexOf, phoneIndexOf } from "./lead-duplicates.ts";

type LeadInsert = typeof leads.$inferInsert;

export type SealedLeadIdentifiers = {
  values: Partial<LeadInsert>;
  phoneIndex: string | null;
  idNumberIndex: string | null;
  /** The ID number's birth date, for callers that need the age. */
  birthDate: string | null;
};

/** Checks and seals the identifiers present; `idNumber` null or "" clears it. */
export function sealLeadIdentifiers(
  pii: PiiCipher,
  input: { phone?: string; idNumber?: string | null },
  options: { today: string; errors: Record<string, string> },
): SealedLeadIdentifiers {
  const values: Partial<LeadInsert> = {};
  let phoneIndex: string | null = null;
  let idNumberIndex: string | null = null;
  let birthDate: string | null = null;
  if (input.phone !== undefined) {
    const phone = normalizeMobile(input.phone);
    if (!phone) options.errors.phone = "invalid-phone";
    else {
      phoneIndex = phoneIndexOf(pii, phone);
      Object.assign(values, { phoneEnc: pii.encrypt(phone), phoneIndex, phoneMasked: maskPhone(phone) });
    }
  }
  if (input.idNumber !== undefined) {
    if (input.idNumber === null || input.idNumber.trim() === "")
      Object.assign(values, { idNumberEnc: null, idNumberIndex: null, idNumberMasked: null });
    else {
      const parsed = parseResidentId(input.idNumber, options.today);
      if (!parsed.ok) options.errors.idNumber = `id-number-${parsed.reason}`;
      else {
        idNumberIndex = idIndexOf(pii, parsed.value);
        birthDate = parsed.info.birthDate;
        Object.assign(values, {
          idNumberEnc: pii.encrypt(parsed.value),
          idNumberIndex,
          idNumberMasked: maskIdNumber(parsed.value),
        });
      }
    }
  }
  return { values, phoneIndex, idNumberIndex, birthDate };
}

export function wantedAmountFen(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return parseAmount(value);
}
