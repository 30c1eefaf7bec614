// Small zod building blocks every module's contracts share, so that an amount or a date is
// validated the same way everywhere and fails with the same message code.
import { z } from "zod";
import { parseAmount } from "../money.ts";

export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const dateString = z.string().refine(isRealDate, { message: "invalid-date" });

/** A positive amount in yuan as a decimal string (or a number that is one), at most 2 decimals. */
export const amountString = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(
    (v) => {
      const parsed = parseAmount(v);
      return parsed !== null && parsed > 0;
    },
    { message: "invalid-amount" },
  );

/** A yes/no in a query string: exactly "true" or "false" (anything else is a 400, not a silent false). */
export const booleanQuery = z.enum(["true", "false"]).transform((v) => v === "true");
