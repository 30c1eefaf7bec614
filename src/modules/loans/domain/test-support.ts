// Shared by the *.test.ts files beside it: readable amounts in, readable amounts out.
import { Dec, type Fen, formatAmount, parseAmount } from "../../../platform/money.ts";
import { buildSchedule, type Schedule, type ScheduleInput } from "./schedule.ts";

export function yuan(text: string): Fen {
  const value = parseAmount(text);
  if (value === null) throw new Error(`bad amount in a test: ${text}`);
  return value;
}

export function schedule(
  input: Omit<ScheduleInput, "principal" | "annualRate"> & { principal: string; annualRate: string },
): Schedule {
  return buildSchedule({ ...input, principal: yuan(input.principal), annualRate: new Dec(input.annualRate) });
}

/** Rows as "principal+interest=total" strings, which makes expected tables short to write. */
export function rowsOf(result: Schedule): string[] {
  return result.installments.map(
    (row) => `${formatAmount(row.principal)}+${formatAmount(row.interest)}=${formatAmount(row.total)}`,
  );
}
