// Which loan a statement row pays, in order of certainty: a loan number in the memo; a payer account
// that paid a loan before; the payer's name with the amount due on one of their loans. Anything
// less certain is ambiguous (a person picks among the candidates) or unmatched, never guessed.
import type { Fen } from "../../../../platform/money.ts";
import type { ImportRowStatus, MatchedBy } from "../repayment-imports.schema.ts";
import type { RowFields, RowProblem } from "./row-fields.ts";

export type CandidateLoan = {
  loanId: string;
  loanNo: string;
  status: "active" | "closed" | "written-off";
  startDate: string;
  customerName: string | null;
  /** Last four digits of the borrower's card on file, when there is one. */
  cardLast4: string | null;
  /** Unpaid installments, oldest first: what is owed and when. */
  unpaid: { dueDate: string; amount: number }[];
};

export type MatchLookups = {
  businessDate: string;
  loansByNo: ReadonlyMap<string, CandidateLoan>;
  /** Active loans of customers by exact name. */
  loansByName: ReadonlyMap<string, readonly CandidateLoan[]>;
  /** Loans each payer account (by its blind index) paid in earlier posted imports. */
  loansByAccount: ReadonlyMap<string, readonly CandidateLoan[]>;
  accountKey: (account: string) => string;
  /** References already posted on this channel (and not reversed). */
  postedReferences: ReadonlySet<string>;
  /** The loan a person chose for a row, when they did. */
  chosen: CandidateLoan | null;
  excluded: boolean;
};

export type RowMatch = {
  status: Exclude<ImportRowStatus, "posted">;
  reason: string | null;
  loanId: string | null;
  matchedBy: MatchedBy | null;
  candidates: string[] | null;
};

const LOAN_NO = /L\d{11}/gi;

export function loanNumbersIn(text: string | null): string[] {
  if (!text) return [];
  return [...new Set((text.match(LOAN_NO) ?? []).map((n) => n.toUpperCase()))];
}

export const normaliseName = (name: string | null) => (name ? name.replace(/\s+/g, "") : null);

/** What a payer paying "the installment" would send: everything due by the date, or the next installment. */
export function expectedAmounts(loan: CandidateLoan, date: string): number[] {
  const dueByDate = loan.unpaid.filter((u) => u.dueDate <= date).reduce((s, u) => s + u.amount, 0);
  const next = loan.unpaid[0]?.amount ?? 0;
  return [dueByDate, next].filter((a) => a > 0);
}

const result = (status: RowMatch["status"], extra: Partial<Omit<RowMatch, "status">> = {}): RowMatch => ({
  status,
  reason: null,
  loanId: null,
  matchedBy: null,
  candidates: null,
  ...extra,
});

function matchedOn(loan: CandidateLoan, by: MatchedBy, date: string): RowMatch {
  if (loan.status !== "active")
    return result("invalid", { reason: "import-row-loan-not-active", loanId: loan.loanId, matchedBy: by });
  if (date < loan.startDate)
    return result("invalid", { reason: "date-before-disbursement", loanId: loan.loanId, matchedBy: by });
  return result("matched", { loanId: loan.loanId, matchedBy: by });
}

/** `seenReferences` carries the references of earlier rows of the same file (first one wins). */
export function matchRow(
  fields: RowFields,
  problem: RowProblem | null,
  lookups: MatchLookups,
  seenReferences: Set<string>,
): RowMatch {
  if (lookups.excluded) return result("excluded", { reason: "import-row-excluded" });
  if (problem) return result(problem.kind, { reason: problem.reason });
  const date = fields.date as string;
  const amount = fields.amount as Fen;
  const reference = fields.reference as string;
  if (lookups.postedReferences.has(reference))
    return result("duplicate", { reason: "import-row-posted-before" });
  if (seenReferences.has(reference)) return result("duplicate", { reason: "import-row-duplicate-in-file" });
  seenReferences.add(reference);
  if (date > lookups.businessDate) return result("invalid", { reason: "date-after-business-date" });
  if (lookups.chosen) return matchedOn(lookups.chosen, "manual", date);

  const named = loanNumbersIn(fields.memo)
    .map((no) => lookups.loansByNo.get(no))
    .filter((l): l is CandidateLoan => Boolean(l));
  if (named.length === 1) return matchedOn(named[0], "loan-no", date);
  if (named.length > 1)
    return result("ambiguous", {
      reason: "import-row-several-loans",
      candidates: named.map((l) => l.loanId),
    });

  const remembered = fields.payerAccount
    ? lookups.loansByAccount.get(lookups.accountKey(fields.payerAccount))
    : undefined;
  const byAccount = remembered?.filter((l) => l.status === "active");
  if (byAccount?.length === 1) return matchedOn(byAccount[0], "payer-account", date);

  const byName = lookups.loansByName.get(normaliseName(fields.payerName) ?? "") ?? [];
  if (byName.length === 0)
    return byAccount && byAccount.length > 1
      ? result("ambiguous", {
          reason: "import-row-several-loans",
          candidates: byAccount.map((l) => l.loanId),
        })
      : result("unmatched", { reason: "import-row-no-match" });
  const paying = byName.filter((l) => expectedAmounts(l, date).includes(amount));
  if (paying.length === 1) return matchedOn(paying[0], "name-amount", date);
  // Several loans of the same name owe this amount: the card on file may tell them apart.
  const last4 = fields.payerAccount?.slice(-4);
  const byCard = last4 ? paying.filter((l) => l.cardLast4 === last4) : [];
  if (byCard.length === 1) return matchedOn(byCard[0], "name-amount", date);
  const candidates = (paying.length > 0 ? paying : byName).map((l) => l.loanId);
  return result("ambiguous", {
    reason: paying.length > 0 ? "import-row-several-loans" : "import-row-amount-differs",
    candidates,
  });
}
