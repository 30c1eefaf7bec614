// Request shapes of the loan-servicing API (zod), shared with the console. Amounts are decimal strings.
import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";

export const PAYMENT_CHANNELS = ["cash", "bank-transfer", "wechat-pay", "alipay"] as const;

export const loanIdParams = z.object({ id: z.uuid() }).strict();
export const loanTxParams = z.object({ id: z.uuid(), txId: z.uuid() }).strict();

export const listLoansQuery = z
  .object({
    status: z.enum(["active", "closed", "written-off"]).optional(),
    bucket: z.enum(["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"]).optional(),
    classification: z.enum(["normal", "special-mention", "substandard", "doubtful", "loss"]).optional(),
    officerId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    search: z.string().trim().min(1).max(64).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

const reference = z.string().trim().min(1).max(64).optional();

export const repaymentBody = z
  .object({ amount: amountString, date: dateString, channel: z.enum(PAYMENT_CHANNELS), reference })
  .strict();

export const prepaymentBody = z
  .object({
    amount: amountString.describe(
      "principal to repay early; interest accrued on it and the prepayment fee are added",
    ),
    date: dateString,
    choice: z.enum(["keep-term", "keep-installment"]),
    channel: z.enum(PAYMENT_CHANNELS).default("bank-transfer"),
    reference,
  })
  .strict();

export const refundBody = z
  .object({ amount: amountString, date: dateString, channel: z.enum(["cash", "bank-transfer"]), reference })
  .strict();

export const reversalBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();
export const decisionBody = z.object({ comment: z.string().trim().max(500).optional() }).strict();
export const payoffQuery = z.object({ date: dateString.optional() }).strict();
