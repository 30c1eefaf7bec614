// 提前结清 quote: what settles the loan on a date (domain/payoff.ts). Paying it as a repayment settles
// the loan (repayment-plan.ts). Penalty is as accrued by the batch up to the business date.
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { invalid } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { getBusinessDate } from "./business-date.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { loadInstallments } from "./loan-state.ts";
import { quoteFor } from "./repayment-plan.ts";
import { prepaymentFeeRate } from "./repayments.service.ts";

export async function getPayoffQuote(db: Db, ctx: RequestContext, loanId: string, query: { date?: string }) {
  const loan = await loadVisibleLoan(db, ctx, loanId);
  const businessDate = await getBusinessDate(db);
  const date = query.date ?? businessDate;
  if (date < loan.startDate) throw invalid({ date: "date-before-disbursement" });
  const rows = await loadInstallments(db, loanId);
  const quote = quoteFor({ loan, rows, date, prepaymentFeeRate: await prepaymentFeeRate(db, loan, date) });
  const settled = loan.status !== "active";
  return {
    loanId,
    loanNo: loan.loanNo,
    status: loan.status,
    date,
    penaltyAccruedTo: loan.lastClosedDate,
    principal: formatAmount(settled ? 0 : quote.principal),
    interest: formatAmount(settled ? 0 : quote.interest),
    fee: formatAmount(settled ? 0 : quote.fee),
    penalty: formatAmount(settled ? 0 : quote.penalty),
    prepaymentFee: formatAmount(settled ? 0 : quote.prepaymentFee),
    total: formatAmount(settled ? 0 : quote.total),
    dueInterest: formatAmount(settled ? 0 : quote.dueInterest),
    accruedInterest: formatAmount(settled ? 0 : quote.accruedInterest),
    accruedDays: settled ? 0 : quote.accruedDays,
    creditBalance: formatAmount(loan.creditBalance),
  };
}
