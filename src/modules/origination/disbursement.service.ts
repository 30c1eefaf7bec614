// Step 6b 放款: finance pays out an approved application. In one transaction: the checks (funds,
// per-borrower limit, maker–checker), the loan account with its schedule, the ledger posting, the
// contract, the timeline. Twice is impossible: the status moves from approved exactly once.
import type { RequestContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { Dec, type Fen, parseAmount } from "../../platform/money.ts";
import type { FileStorage } from "../../platform/storage.ts";
import { customerView } from "../customers/customer-view.ts";
import { netAssets } from "../ledger/net-assets.ts";
import { loanSchedule, openLoanAccount } from "../loans/accounts.service.ts";
import { customerExposure } from "../loans/customer-exposure.ts";
import type { RepaymentMethod } from "../loans/domain/schedule.ts";
import { getSetting } from "../settings/settings.service.ts";
import { assertNotCreator, assertTransition, loadApplication, moveApplication } from "./application-store.ts";
import { renderContract } from "./contract-pdf.ts";
import { currentProductTerms } from "./product-terms.ts";

export type DisbursementInput = {
  date: string;
  channel: "bank-transfer" | "cash";
  reference?: string | null;
};

type Plan = {
  amount: string;
  annualRate: string;
  termMonths: number;
  method: RepaymentMethod;
  guarantee: string;
  conditions?: string | null;
};

export async function disburse(
  deps: { db: Db; storage: FileStorage },
  ctx: RequestContext,
  id: string,
  input: DisbursementInput,
) {
  const today = todayInChina();
  if (input.date > today) throw invalid({ date: "date-in-future" });
  return idempotentTransaction(deps.db, ctx, async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "disburse");
    assertNotCreator(ctx, app);
    const decidedOn = (app.decision as { decidedAt?: string } | null)?.decidedAt?.slice(0, 10);
    if (decidedOn && input.date < decidedOn) throw invalid({ date: "date-before-approval" });
    const plan = app.riskPlan as Plan;
    const principal = parseAmount(plan.amount) as Fen;
    const product = await currentProductTerms(tx, app.productId, input.date);
    if (!product) throw invalid({ productId: "unknown-product" });

    // DOMAIN.md §8: one borrower's balance within a share of net assets, checked again at payout.
    const [exposure, assets, share] = await Promise.all([
      customerExposure(tx, app.customerId),
      netAssets(tx),
      getSetting(tx, "limits.per-borrower-share", input.date),
    ]);
    const limit = new Dec(assets).times(share).floor().toNumber();
    if (exposure.outstandingPrincipal + principal > limit)
      throw new DomainError({ code: "per-borrower-limit", status: 409 });
    const feeAllowed = await getSetting(tx, "fees.upfront-allowed", input.date);
    const upfrontFee = feeAllowed ? product.upfrontFeeFor(principal) : (0 as Fen);

    const { loanId, loanNo, apr } = await openLoanAccount(tx, ctx, {
      applicationId: app.id,
      customerId: app.customerId,
      productId: app.productId,
      officerId: app.originatorId,
      principal,
      annualRate: plan.annualRate,
      penaltyRate: new Dec(plan.annualRate).times(product.penaltyMultiple).toFixed(),
      method: plan.method,
      termMonths: plan.termMonths,
      startDate: input.date,
      dayBasis: product.dayBasis,
      rounding: product.rounding,
      upfrontFee,
      channel: input.channel,
      reference: input.reference ?? null,
    });

    const customer = await customerView(tx, app.customerId);
    const schedule = await loanSchedule(tx, loanId);
    const contractNo = `HT${loanNo.slice(1)}`;
    const pdf = await renderContract({
      contractNo,
      loanNo,
      signedOn: input.date,
      lender: "小贷通小额贷款有限公司",
      borrower: { name: customer.name, idMasked: customer.idNumber, phoneMasked: customer.phone },
      productName: product.name,
      principal,
      annualRate: plan.annualRate,
      penaltyRate: new Dec(plan.annualRate).times(product.penaltyMultiple).toFixed(),
      method: plan.method,
      termMonths: plan.termMonths,
      startDate: input.date,
      maturityDate: schedule[schedule.length - 1].dueDate,
      apr,
      guarantee: plan.guarantee,
      conditions: [plan.conditions, ...((app.decision as { conditions?: string[] }).conditions ?? [])].filter(
        (c): c is string => Boolean(c),
      ),
      upfrontFee,
      schedule: schedule.map((r, i) => {
        const paidBefore = schedule.slice(0, i + 1).reduce((s, x) => s + x.principalDue, 0);
        return {
          period: r.period,
          dueDate: r.dueDate,
          principal: r.principalDue as Fen,
          interest: r.interestDue as Fen,
          fee: r.feeDue as Fen,
          total: (r.principalDue + r.interestDue + r.feeDue) as Fen,
          remainingPrincipal: (principal - paidBefore) as Fen,
        };
      }),
    });
    const contractFile = `contracts/${app.id}.pdf`;
    await deps.storage.put(contractFile, pdf);
    await moveApplication(tx, ctx, {
      app,
      action: "disburse",
      to: "disbursed",
      patch: { loanId, contractFile },
      comment: `${loanNo} · ${input.channel}${input.reference ? ` · ${input.reference}` : ""}`,
      auditAfter: {
        loanId,
        loanNo,
        date: input.date,
        channel: input.channel,
        reference: input.reference ?? null,
        amount: plan.amount,
      },
    });
    return { loanId, loanNo, status: "disbursed" as const };
  });
}
