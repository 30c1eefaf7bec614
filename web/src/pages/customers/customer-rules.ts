// The customer form's checks: the server's own pure validators (resident ID checksum and birth date,
// credit code mod-31, mainland mobile, bank card) and its message catalogue, so a mistake shows while
// typing in exactly the words the API would answer with.
import {
  luhnValid,
  normalizeBankCard,
  normalizeMobile,
  parseCreditCode,
  parseResidentId,
} from "../../../../src/modules/customers/domain/identifiers.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { todayInChina, toFen } from "../../format.ts";

/** The message for a resident ID number, or null when it is valid. */
export function idNumberError(value: string | undefined): string | null {
  if (!value?.trim()) return apiMessage("required");
  const parsed = parseResidentId(value, todayInChina());
  return parsed.ok ? null : apiMessage(`id-number-${parsed.reason}`);
}

export function residentIdInfo(value: string | undefined) {
  if (!value) return null;
  const parsed = parseResidentId(value, todayInChina());
  return parsed.ok ? parsed.info : null;
}

export function creditCodeError(value: string | undefined): string | null {
  if (!value?.trim()) return apiMessage("credit-code-required");
  const parsed = parseCreditCode(value);
  return parsed.ok ? null : apiMessage(`credit-code-${parsed.reason}`);
}

export function phoneError(value: string | undefined): string | null {
  if (!value?.trim()) return apiMessage("required");
  return normalizeMobile(value) ? null : apiMessage("invalid-phone");
}

/** A bank card is optional; when given it has 12–19 digits. */
export function bankCardError(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  return normalizeBankCard(value) ? null : apiMessage("invalid-bank-card");
}

/** Luhn failures are only a warning: some cards in circulation fail it (the server says the same). */
export function bankCardWarning(value: string | undefined): string | null {
  const card = value ? normalizeBankCard(value) : null;
  return card && !luhnValid(card) ? apiMessage("bank-card-checksum") : null;
}

export function incomeError(value: string | undefined): string | null {
  if (value === undefined || value === "") return null;
  const fen = toFen(value);
  return fen === null || fen < 0n ? apiMessage("invalid-amount") : null;
}
