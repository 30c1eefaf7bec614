// Turns what a caller typed into what is stored: identifiers checked (domain/identifiers.ts), personal
// data sealed with its blind index and mask, and the type / business kind / segment kept consistent.
// Every problem is collected so one 400 names all the fields at once.

import { parseAmount } from "../../platform/money.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import { maskBankCard, maskIdNumber, maskPhone } from "../../platform/pii.ts";
import type { Warning } from "../../platform/warnings.ts";
import type { BusinessKind, CustomerSegment, CustomerType, customers } from "./customers.schema.ts";
import {
  luhnValid,
  normalizeBankCard,
  normalizeMobile,
  parseCreditCode,
  parseResidentId,
} from "./domain/identifiers.ts";

type CustomerInsert = typeof customers.$inferInsert;

export const ID_INDEX = "id-number";
export const PHONE_INDEX = "phone";

export type IdentifierInput = {
  idNumber?: string;
  phone?: string;
  creditCode?: string | null;
  bankCard?: string | null;
};

export type SealedIdentifiers = {
  values: Partial<CustomerInsert>;
  warnings: Warning[];
};

/** Checks and seals the identifiers present in `input`; absent ones are left alone. */
export function sealIdentifiers(
  pii: PiiCipher,
  input: IdentifierInput,
  options: { today: string; errors: Record<string, string> },
): SealedIdentifiers {
  const { errors } = options;
  const values: Partial<CustomerInsert> = {};
  const warnings: Warning[] = [];
  if (input.idNumber !== undefined) {
    const parsed = parseResidentId(input.idNumber, options.today);
    if (!parsed.ok) errors.idNumber = `id-number-${parsed.reason}`;
    else
      Object.assign(values, {
        idNumberEnc: pii.encrypt(parsed.value),
        idNumberIndex: pii.blindIndex(ID_INDEX, parsed.value),
        idNumberMasked: maskIdNumber(parsed.value),
        birthDate: parsed.info.birthDate,
        gender: parsed.info.gender,
      });
  }
  if (input.phone !== undefined) {
    const phone = normalizeMobile(input.phone);
    if (!phone) errors.phone = "invalid-phone";
    else
      Object.assign(values, {
        phoneEnc: pii.encrypt(phone),
        phoneIndex: pii.blindIndex(PHONE_INDEX, phone),
        phoneMasked: maskPhone(phone),
      });
  }
  if (input.creditCode !== undefined) {
    if (input.creditCode === null || input.creditCode.trim() === "") values.creditCode = null;
    else {
      const parsed = parseCreditCode(input.creditCode);
      if (!parsed.ok) errors.creditCode = `credit-code-${parsed.reason}`;
      else values.creditCode = parsed.value;
    }
  }
  if (input.bankCard !== undefined) {
    if (input.bankCard === null || input.bankCard.trim() === "")
      Object.assign(values, { bankCardEnc: null, bankCardMasked: null });
    else {
      const card = normalizeBankCard(input.bankCard);
      if (!card) errors.bankCard = "invalid-bank-card";
      else {
        // Some cards in circulation fail Luhn, so this is a warning for the officer to double-check.
        if (!luhnValid(card)) warnings.push({ code: "bank-card-checksum", field: "bankCard" });
        Object.assign(values, { bankCardEnc: pii.encrypt(card), bankCardMasked: maskBankCard(card) });
      }
    }
  }
  return { values, warnings };
}

export type Classification = {
  businessKind: BusinessKind | null;
  segment: CustomerSegment;
  legalRepresentative: string | null;
};

/**
 * A business is a sole proprietor (个体工商户) or a small business (小微企业) with a credit code, and its
 * segment is its kind; an individual is "individual" or "student" (stored so origination refuses students).
 */
export function classify(
  state: {
    type: CustomerType;
    businessKind?: BusinessKind | null;
    segment?: CustomerSegment;
    creditCode: string | null | undefined;
    legalRepresentative?: string | null;
  },
  errors: Record<string, string>,
): Classification {
  if (state.type === "business") {
    if (!state.businessKind) errors.businessKind = "business-kind-required";
    if (!state.creditCode && !errors.creditCode) errors.creditCode = "credit-code-required";
    const kind = state.businessKind ?? "small-business";
    if (state.segment && state.segment !== kind) errors.segment = "segment-mismatch";
    return { businessKind: kind, segment: kind, legalRepresentative: state.legalRepresentative ?? null };
  }
  if (state.businessKind) errors.businessKind = "segment-mismatch";
  if (state.creditCode && !errors.creditCode) errors.creditCode = "segment-mismatch";
  if (state.segment && state.segment !== "individual" && state.segment !== "student")
    errors.segment = "segment-mismatch";
  return { businessKind: null, segment: state.segment ?? "individual", legalRepresentative: null };
}

export function incomeFen(value: string | null | undefined): number | null | undefined {
  if (value === undefined || value === null) return value;
  return parseAmount(value);
}
