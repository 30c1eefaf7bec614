// 核销 (write-off), pure: what leaves the balance sheet and the balanced posting that takes it off.
// On balance a loan carries its unpaid principal (1301), the interest and fees the batch has
// recognised (1302/1304) and its penalty (1303); interest not yet due was never booked and is not
// written off. The loan's provision (1309) absorbs the loss first; the rest is an impairment expense
// (6701) — and a provision larger than the loss is released back through 6701.
import { Dec, type Fen, roundFen } from "../../../platform/money.ts";
import type { PostingLine } from "../../ledger/domain/chart.ts";
import type { InstallmentState } from "./restructure-plan.ts";

export type WriteOffAmounts = {
  principal: Fen;
  interest: Fen;
  fee: Fen;
  penalty: Fen;
  total: Fen;
  provisionUsed: Fen;
  // total − provision: positive is a charge to 6701, negative a release.
  expense: Fen;
};

export function writeOffAmounts(options: {
  rows: readonly InstallmentState[];
  principalOutstanding: Fen;
  provision: Fen;
}): WriteOffAmounts {
  let interest = 0;
  let fee = 0;
  let penalty = 0;
  for (const r of options.rows) {
    if (r.recognisedDate !== null) {
      interest += r.interestDue - r.interestPaid;
      fee += r.feeDue - r.feePaid;
    }
    penalty += r.penaltyAccrued - r.penaltyPaid;
  }
  const total = options.principalOutstanding + interest + fee + penalty;
  return {
    principal: options.principalOutstanding,
    interest: interest as Fen,
    fee: fee as Fen,
    penalty: penalty as Fen,
    total: total as Fen,
    provisionUsed: options.provision,
    expense: (total - options.provision) as Fen,
  };
}

const side = (account: string, amount: number, normal: "debit" | "credit"): PostingLine[] => {
  if (amount === 0) return [];
  const flip = amount < 0;
  const key = (normal === "debit") !== flip ? "debit" : "credit";
  return [{ account, [key]: Math.abs(amount) }];
};

/** Dr 1309 provision, Dr 6701 the rest / Cr 1301, 1302, 1303, 1304. */
export function writeOffPosting(a: WriteOffAmounts): PostingLine[] {
  return [
    ...side("1309", a.provisionUsed, "debit"),
    ...side("6701", a.expense, "debit"),
    ...side("1301", a.principal, "credit"),
    ...side("1302", a.interest, "credit"),
    ...side("1303", a.penalty, "credit"),
    ...side("1304", a.fee, "credit"),
  ];
}

/**
 * 部分核销: only the principal named leaves the books. Interest, fees and penalty stay owed and keep
 * being serviced — the proposal named principal, so that is what is written off, nothing more. The
 * provision goes with the principal it was held for: the share principal / outstanding of it
 * (half-up to the 分), the rest stays for the principal still on the books.
 */
export function partialWriteOffAmounts(options: {
  principal: Fen;
  principalOutstanding: Fen;
  provision: Fen;
}): WriteOffAmounts {
  const { principal, principalOutstanding, provision } = options;
  if (!(principal > 0 && principal < principalOutstanding))
    throw new RangeError("a partial write-off takes more than nothing and less than the whole principal");
  const provisionUsed = roundFen(new Dec(provision).times(principal).div(principalOutstanding));
  return {
    principal,
    interest: 0 as Fen,
    fee: 0 as Fen,
    penalty: 0 as Fen,
    total: principal,
    provisionUsed,
    expense: (principal - provisionUsed) as Fen,
  };
}

export type PrincipalCut = { period: number; principal: Fen };

/**
 * Where a partial write-off's principal comes off the schedule: the latest installments first. The
 * installments already due keep their arrears (DPD, the collection work and the classification stay
 * true to what the borrower missed), the ones falling due next are unchanged, so the borrower keeps
 * paying what the contract says until the schedule simply ends sooner in principal. Their interest
 * is left as scheduled: the write-off names principal only.
 */
export function principalCutsFromLatest(rows: readonly InstallmentState[], principal: Fen): PrincipalCut[] {
  let left: number = principal;
  const cuts: PrincipalCut[] = [];
  for (const r of [...rows].sort((a, b) => b.period - a.period)) {
    if (left === 0) break;
    const unpaid = r.principalDue - r.principalPaid;
    if (unpaid <= 0) continue;
    const cut = Math.min(unpaid, left);
    cuts.push({ period: r.period, principal: cut as Fen });
    left -= cut;
  }
  if (left > 0) throw new RangeError("more principal than the schedule still owes");
  return cuts;
}
