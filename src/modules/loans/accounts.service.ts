// Opening a loan account at disbursement: the schedule comes from the loan engine, the money moves
// in the ledger, all in the disbursement's transaction.
import { asc, eq, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import { Dec, type Fen, formatYuan, type RoundingMode } from "../../platform/money.ts";
import { accountBalance, postJournal } from "../ledger/ledger.service.ts";
import { scheduleApr } from "./domain/apr.ts";
import { buildSchedule, type DayBasis, type RepaymentMethod } from "./domain/schedule.ts";
import { installments, loans } from "./loans.schema.ts";

export type OpenLoanInput = {
  applicationId: string | null;
  customerId: string;
  productId: string | null;
  officerId: string | null;
  principal: Fen;
  annualRate: string;
  penaltyRate: string;
  method: RepaymentMethod;
  termMonths: number;
  startDate: string;
  dayBasis?: DayBasis;
  rounding?: RoundingMode;
  upfrontFee?: Fen;
  channel: "bank-transfer" | "cash";
  reference?: string | null;
};

const CASH_ACCOUNT = { "bank-transfer": "1002", cash: "1001" } as const;

async function nextLoanNo(tx: Tx, startDate: string): Promise<string> {
  const prefix = `L${startDate.slice(0, 4)}${startDate.slice(5, 7)}`;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(loans)
    .where(sql`${loans.loanNo} like ${`${prefix}%`}`);
  return `${prefix}${String(row.n + 1).padStart(5, "0")}`;
}

export async function openLoanAccount(
  tx: Tx,
  ctx: RequestContext,
  input: OpenLoanInput,
): Promise<{ loanId: string; loanNo: string; apr: string }> {
  // Funds available: the money must be in the account it is paid from.
  const available = await accountBalance(tx, CASH_ACCOUNT[input.channel]);
  if (available < input.principal)
    throw conflict("insufficient-funds", {
      available: formatYuan(available),
      needed: formatYuan(input.principal),
    });
  const schedule = buildSchedule({
    principal: input.principal,
    annualRate: new Dec(input.annualRate),
    termMonths: input.termMonths,
    method: input.method,
    startDate: input.startDate,
    dayBasis: input.dayBasis,
    rounding: input.rounding,
    fees: { upfront: input.upfrontFee },
  });
  const apr = scheduleApr({
    principal: input.principal,
    startDate: input.startDate,
    installments: schedule.installments,
    upfrontFee: input.upfrontFee ?? 0,
  }).percent;
  const loanNo = await nextLoanNo(tx, input.startDate);
  const [loan] = await tx
    .insert(loans)
    .values({
      loanNo,
      applicationId: input.applicationId,
      customerId: input.customerId,
      productId: input.productId,
      officerId: input.officerId,
      principal: input.principal,
      annualRate: input.annualRate,
      penaltyRate: input.penaltyRate,
      method: input.method,
      termMonths: input.termMonths,
      dayBasis: input.dayBasis ?? 360,
      rounding: input.rounding ?? "half-up",
      startDate: input.startDate,
      maturityDate: schedule.installments[schedule.installments.length - 1].dueDate,
      upfrontFee: input.upfrontFee ?? 0,
      apr,
      principalOutstanding: input.principal,
      lastClosedDate: input.startDate,
      disbursementChannel: input.channel,
      disbursementReference: input.reference ?? null,
      disbursedBy: ctx.actor.userId,
    })
    .returning({ id: loans.id });
  await tx.insert(installments).values(
    schedule.installments.map((row) => ({
      loanId: loan.id,
      period: row.period,
      dueDate: row.dueDate,
      principalDue: row.principal,
      interestDue: row.interest,
      feeDue: row.fee,
    })),
  );
  const fee = input.upfrontFee ?? 0;
  const cash = CASH_ACCOUNT[input.channel];
  await postJournal(tx, ctx, {
    date: input.startDate,
    kind: "disbursement",
    description: `放款 ${loanNo}`,
    loanId: loan.id,
    source: { type: "loan", id: loan.id },
    lines: [
      { account: "1301", debit: input.principal },
      { account: cash, credit: input.principal - fee },
      ...(fee > 0 ? [{ account: "6021", credit: fee }] : []),
    ],
  });
  return { loanId: loan.id, loanNo, apr };
}

export async function loanSchedule(tx: Tx, loanId: string) {
  return tx
    .select()
    .from(installments)
    .where(eq(installments.loanId, loanId))
    .orderBy(asc(installments.period));
}
