// 资金 (capital pool): recording where the money comes from — shareholder capital (Dr 1002 / Cr 4001)
// or bank borrowings (Dr 1002 / Cr 2001), the latter within the leverage cap (borrowings ≤ N × net
// capital) — and what is available to lend, what is lent, and what the schedules will bring back.
import { desc, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { Dec, type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import { getBusinessDate, shiftDate } from "../loans/business-date.ts";
import { getSetting } from "../settings/settings.service.ts";
import { type FundingKind, fundingSources } from "./capital.schema.ts";
import { accountBalance, postJournal } from "./ledger.service.ts";
import { netAssets } from "./net-assets.ts";

export type FundingInput = {
  kind: FundingKind;
  source: string;
  amount: string;
  date: string;
  annualRate?: string | null;
  maturityDate?: string | null;
  reference?: string | null;
};

export async function recordFunding(db: Db, ctx: RequestContext, input: FundingInput) {
  requirePermission(ctx, "loans.disburse");
  const amount = parseAmount(input.amount);
  if (amount === null || amount <= 0) throw invalid({ amount: "invalid-amount" });
  if (input.kind === "bank-borrowing" && input.maturityDate && input.maturityDate <= input.date)
    throw invalid({ maturityDate: "maturity-before-date" });
  return idempotentTransaction(db, ctx, async (tx) => {
    if (input.kind === "bank-borrowing") {
      const borrowed = await accountBalance(tx, "2001");
      const capital = await netAssets(tx);
      const cap = await getSetting(tx, "capital.leverage-max", input.date);
      const limit = new Dec(capital).times(cap).floor().toNumber();
      if (borrowed + amount > limit)
        throw new DomainError({
          code: "leverage-exceeded",
          status: 409,
          params: { limit: formatAmount(limit), borrowed: formatAmount(borrowed), multiple: cap },
        });
    }
    const journalId = await postJournal(tx, ctx, {
      date: input.date,
      kind: "funding",
      description: `${input.kind === "bank-borrowing" ? "银行借款" : "股东注资"} ${input.source}`,
      lines: [
        { account: "1002", debit: amount },
        { account: input.kind === "bank-borrowing" ? "2001" : "4001", credit: amount },
      ],
    });
    const [row] = await tx
      .insert(fundingSources)
      .values({
        kind: input.kind,
        source: input.source,
        amount,
        receivedOn: input.date,
        annualRate: input.annualRate ?? null,
        maturityDate: input.maturityDate ?? null,
        reference: input.reference ?? null,
        journalEntryId: journalId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const view = fundingView(row);
    await recordAudit(tx, ctx, {
      action: "capital.funding-recorded",
      entityType: "funding",
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

function fundingView(row: typeof fundingSources.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    amount: formatAmount(row.amount),
    date: row.receivedOn,
    annualRate: row.annualRate,
    maturityDate: row.maturityDate,
    reference: row.reference,
  };
}

export async function listFunding(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "ledger.read");
  const rows = await db.select().from(fundingSources).orderBy(desc(fundingSources.receivedOn));
  return { items: rows.map(fundingView), total: rows.length };
}

/** Scheduled, still unpaid amounts of active loans falling due after the business date, per horizon. */
async function forecast(db: Queryable, businessDate: string, days: number) {
  const until = shiftDate(businessDate, days);
  const result = await db.execute(sql`
    select coalesce(sum(i.principal_due_fen - i.principal_paid_fen), 0)::text as principal,
           coalesce(sum(i.interest_due_fen - i.interest_paid_fen), 0)::text as interest,
           coalesce(sum(i.fee_due_fen - i.fee_paid_fen), 0)::text as fee
    from installments i join loans l on l.id = i.loan_id
    where l.status = 'active' and i.due_date > ${businessDate}::date and i.due_date <= ${until}::date`);
  const [row] = (result as unknown as { rows: { principal: string; interest: string; fee: string }[] }).rows;
  const [p, i, f] = [Number(row.principal), Number(row.interest), Number(row.fee)];
  return {
    days,
    until,
    principal: formatAmount(p),
    interest: formatAmount(i),
    fee: formatAmount(f),
    total: formatAmount(p + i + f),
  };
}

export async function capitalPosition(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "ledger.read");
  const businessDate = await getBusinessDate(db);
  const [bank, cash, principal, borrowings, capital, paidIn, cap] = await Promise.all([
    accountBalance(db, "1002"),
    accountBalance(db, "1001"),
    accountBalance(db, "1301"),
    accountBalance(db, "2001"),
    netAssets(db),
    accountBalance(db, "4001"),
    getSetting(db, "capital.leverage-max", businessDate),
  ]);
  const limit = new Dec(capital).times(cap).floor().toNumber() as Fen;
  return {
    businessDate,
    bank: formatAmount(bank),
    cash: formatAmount(cash),
    available: formatAmount(bank + cash),
    outstandingPrincipal: formatAmount(principal),
    paidInCapital: formatAmount(paidIn),
    netCapital: formatAmount(capital),
    borrowings: formatAmount(borrowings),
    leverage: capital > 0 ? new Dec(borrowings).div(capital).toDecimalPlaces(4).toFixed() : null,
    leverageMax: cap,
    borrowingHeadroom: formatAmount(Math.max(0, limit - borrowings)),
    forecast: await Promise.all([7, 30, 90].map((d) => forecast(db, businessDate, d))),
  };
}
