// Applying a restructuring / extension (调整方案 / 展期) to a loan's installments, pure: what happens to
// each open installment, which arrears are capitalised, and the new rows from the engine's
// `restructure`. The rules (docs in the service): on the restructuring date D,
// - the unpaid principal of every open installment moves into the new schedule;
// - installments already due keep their unpaid interest, fee and penalty as arrears still owed, unless
//   the arrears are capitalised, in which case they move into the new principal too;
// - installments not yet due drop their unpaid interest and fee (the new schedule charges interest from D);
//   one already partly paid ahead stays as history, cut down to what was paid and dated D;
// - an open installment with nothing paid and nothing left on it disappears (the history table keeps it);
//   one paid ahead in full stays, dated D.
// So Σ unpaid principal before + capitalised arrears = Σ principal of the new rows, to the 分.
import type { Dec, Fen, RoundingMode } from "../../../platform/money.ts";
import { addMonths, compareDates, parseDate } from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";
import { restructure } from "./restructure.ts";
import type { DayBasis, Installment, RepaymentMethod, ScheduleTotals } from "./schedule.ts";
import { MAX_TERM_MONTHS } from "./schedule.ts";

export type InstallmentState = {
  period: number;
  dueDate: string;
  principalDue: number;
  interestDue: number;
  feeDue: number;
  penaltyAccrued: number;
  principalPaid: number;
  interestPaid: number;
  feePaid: number;
  penaltyPaid: number;
  paidOffDate: string | null;
  recognisedDate: string | null;
};

type Dues = Pick<InstallmentState, "dueDate" | "principalDue" | "interestDue" | "feeDue" | "penaltyAccrued">;

export type RowChange =
  | { period: number; action: "delete" }
  | { period: number; action: "update"; next: Dues & { paidOffDate: string | null } };

export type RestructuringTerms = {
  annualRate: Dec;
  method: RepaymentMethod;
  capitaliseArrears: boolean;
  // Either the new term counted from the restructuring date, or the months added to what is left.
  termMonths?: number;
  extensionMonths?: number;
};

export type RestructuringPlan = {
  date: string;
  principalOutstanding: Fen;
  // Interest, fee and penalty due and unpaid on the date (the arrears beyond principal).
  arrears: { interest: Fen; fee: Fen; penalty: Fen; total: Fen };
  // What of the arrears moves into principal, split by whether the batch had recognised it.
  capitalised: {
    interestRecognised: Fen;
    interestUnrecognised: Fen;
    feeRecognised: Fen;
    feeUnrecognised: Fen;
    penalty: Fen;
    total: Fen;
  };
  // Recognised interest/fee of not-yet-due rows that the new schedule replaces (0 unless the batch ran ahead).
  derecognised: { interest: Fen; fee: Fen };
  newPrincipal: Fen;
  remainingMonths: number;
  termMonths: number;
  extensionMonths: number;
  // New rows are numbered periodBase + 1…; every period up to periodBase is history.
  periodBase: number;
  changes: RowChange[];
  installments: Installment[];
  totals: ScheduleTotals;
  maturityDate: string;
};

/** Whole months from `from` until `to`, rounded up: the smallest m with from + m months ≥ to. */
export function monthsUntil(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) throw new LoanInputError({ code: "invalid-date", field: "date" });
  let months = 0;
  while (compareDates(addMonths(a, months), b) < 0) months += 1;
  return months;
}

export function planRestructuring(options: {
  rows: readonly InstallmentState[];
  principalOutstanding: Fen;
  date: string;
  maturityDate: string;
  terms: RestructuringTerms;
  rounding?: RoundingMode;
  dayBasis?: DayBasis;
}): RestructuringPlan {
  const { rows, date, terms } = options;
  const remainingMonths = monthsUntil(date, options.maturityDate);
  const termMonths = terms.termMonths ?? remainingMonths + (terms.extensionMonths ?? 0);
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS)
    throw new LoanInputError({
      code: "invalid-term",
      field: terms.termMonths === undefined ? "extensionMonths" : "termMonths",
    });

  let unpaidPrincipal = 0;
  const arrears = { interest: 0, fee: 0, penalty: 0 };
  const cap = {
    interestRecognised: 0,
    interestUnrecognised: 0,
    feeRecognised: 0,
    feeUnrecognised: 0,
    penalty: 0,
  };
  const derecognised = { interest: 0, fee: 0 };
  const changes: RowChange[] = [];
  let periodBase = 0;
  for (const row of rows) {
    if (row.paidOffDate !== null) {
      periodBase = Math.max(periodBase, row.period);
      // Paid ahead in full: history now, dated D so that no old row sits among the new due dates.
      if (row.dueDate > date)
        changes.push({
          period: row.period,
          action: "update",
          next: {
            dueDate: date,
            principalDue: row.principalDue,
            interestDue: row.interestDue,
            feeDue: row.feeDue,
            penaltyAccrued: row.penaltyAccrued,
            paidOffDate: row.paidOffDate,
          },
        });
      continue;
    }
    const interest = row.interestDue - row.interestPaid;
    const fee = row.feeDue - row.feePaid;
    const penalty = row.penaltyAccrued - row.penaltyPaid;
    unpaidPrincipal += row.principalDue - row.principalPaid;
    const isDue = row.dueDate <= date;
    const recognised = row.recognisedDate !== null;
    if (isDue) {
      arrears.interest += interest;
      arrears.fee += fee;
      arrears.penalty += penalty;
    }
    const keepArrears = isDue && !terms.capitaliseArrears;
    if (isDue && terms.capitaliseArrears) {
      cap[recognised ? "interestRecognised" : "interestUnrecognised"] += interest;
      cap[recognised ? "feeRecognised" : "feeUnrecognised"] += fee;
      cap.penalty += penalty;
    }
    if (!isDue && recognised) {
      derecognised.interest += interest;
      derecognised.fee += fee;
    }
    const next: Dues = {
      dueDate: isDue ? row.dueDate : date,
      principalDue: row.principalPaid,
      interestDue: keepArrears ? row.interestDue : row.interestPaid,
      feeDue: keepArrears ? row.feeDue : row.feePaid,
      // Penalty only ever sits on due rows; a future row keeps what was paid of it, which is nothing.
      penaltyAccrued: keepArrears ? row.penaltyAccrued : row.penaltyPaid,
    };
    const owed = next.principalDue + next.interestDue + next.feeDue + next.penaltyAccrued;
    const paid = row.principalPaid + row.interestPaid + row.feePaid + row.penaltyPaid;
    if (owed === 0 && paid === 0) {
      changes.push({ period: row.period, action: "delete" });
      continue;
    }
    periodBase = Math.max(periodBase, row.period);
    const left = owed - paid;
    changes.push({
      period: row.period,
      action: "update",
      next: { ...next, paidOffDate: left === 0 ? date : null },
    });
  }
  if (unpaidPrincipal !== options.principalOutstanding)
    throw new Error(
      `installments owe ${unpaidPrincipal} of principal but the loan ${options.principalOutstanding}`,
    );

  const capitalisedTotal =
    cap.interestRecognised + cap.interestUnrecognised + cap.feeRecognised + cap.feeUnrecognised + cap.penalty;
  const arrearsTotal = arrears.interest + arrears.fee + arrears.penalty;
  const result = restructure({
    remainingPrincipal: options.principalOutstanding,
    unpaidInterest: arrearsTotal as Fen,
    capitaliseInterest: terms.capitaliseArrears,
    annualRate: terms.annualRate,
    termMonths,
    method: terms.method,
    startDate: date,
    rounding: options.rounding,
    dayBasis: options.dayBasis,
  });
  const installments = result.schedule.installments.map((r) => ({ ...r, period: r.period + periodBase }));
  return {
    date,
    principalOutstanding: options.principalOutstanding,
    arrears: {
      interest: arrears.interest as Fen,
      fee: arrears.fee as Fen,
      penalty: arrears.penalty as Fen,
      total: arrearsTotal as Fen,
    },
    capitalised: {
      interestRecognised: cap.interestRecognised as Fen,
      interestUnrecognised: cap.interestUnrecognised as Fen,
      feeRecognised: cap.feeRecognised as Fen,
      feeUnrecognised: cap.feeUnrecognised as Fen,
      penalty: cap.penalty as Fen,
      total: capitalisedTotal as Fen,
    },
    derecognised: { interest: derecognised.interest as Fen, fee: derecognised.fee as Fen },
    newPrincipal: result.principal,
    remainingMonths,
    termMonths,
    extensionMonths: termMonths - remainingMonths,
    periodBase,
    changes,
    installments,
    totals: result.schedule.totals,
    maturityDate: installments[installments.length - 1].dueDate,
  };
}
