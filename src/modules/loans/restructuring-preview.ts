// What a restructuring would do to a loan today: the engine's plan (domain/restructure-plan.ts) and
// the side-by-side view the proposer and the approvers read — the open installments as they are and
// the new schedule, with the balances carried over, the arrears, the APR and the classification floor.
import type { Queryable } from "../../platform/db.ts";
import { invalid } from "../../platform/errors.ts";
import { Dec, type Fen, formatAmount, type RoundingMode } from "../../platform/money.ts";
import { getSetting } from "../settings/settings.service.ts";
import { scheduleApr } from "./domain/apr.ts";
import { addMonths, formatDate, parseDate } from "./domain/due-dates.ts";
import { planRestructuring, type RestructuringPlan } from "./domain/restructure-plan.ts";
import type { DayBasis, RepaymentMethod } from "./domain/schedule.ts";
import { type InstallmentRow, type LoanRow, totalOf, unpaidOf } from "./loan-state.ts";

export type TermsInput = {
  extensionMonths?: number;
  termMonths?: number;
  annualRate: string;
  // 罚息年利率 from the effective date; undefined keeps the loan's current one.
  penaltyRate?: string;
  method: RepaymentMethod;
  capitaliseArrears: boolean;
};

/** The penalty rate the loan will have after the restructuring, normalised ("0.090" → "0.09"). */
export function newPenaltyRate(loan: LoanRow, terms: TermsInput): string {
  return terms.penaltyRate === undefined ? loan.penaltyRate : new Dec(terms.penaltyRate).toFixed();
}

/**
 * DOMAIN.md has no penalty-rate ceiling of its own, so a new penalty rate may not exceed the legal
 * rate cap the engine already applies to APRs (setting rates.apr-cap, default 24%): a 400 naming the field.
 */
export async function assertPenaltyRate(
  db: Queryable,
  terms: TermsInput,
  businessDate: string,
): Promise<void> {
  if (terms.penaltyRate === undefined) return;
  const cap = await getSetting(db, "rates.apr-cap", businessDate);
  if (new Dec(terms.penaltyRate).gt(cap)) throw invalid({ penaltyRate: "penalty-rate-above-cap" });
}

export function addMonthsTo(date: string, months: number): string {
  const parsed = parseDate(date);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  return formatDate(addMonths(parsed, months));
}

export async function restructuringPlanFor(
  db: Queryable,
  options: { loan: LoanRow; rows: readonly InstallmentRow[]; businessDate: string; terms: TermsInput },
) {
  const { loan, rows, businessDate, terms } = options;
  const plan = planRestructuring({
    rows,
    principalOutstanding: loan.principalOutstanding as Fen,
    date: businessDate,
    maturityDate: loan.maturityDate,
    terms: {
      annualRate: new Dec(terms.annualRate),
      method: terms.method,
      capitaliseArrears: terms.capitaliseArrears,
      termMonths: terms.termMonths,
      extensionMonths: terms.extensionMonths,
    },
    rounding: loan.rounding as RoundingMode,
    dayBasis: loan.dayBasis as DayBasis,
  });
  const apr = scheduleApr({
    principal: plan.newPrincipal,
    startDate: businessDate,
    installments: plan.installments,
  }).percent;
  const cap = await getSetting(db, "rates.apr-cap", businessDate);
  const floor = await getSetting(db, "restructuring.classification-floor", businessDate);
  const observationMonths = await getSetting(db, "restructuring.observation-months", businessDate);
  return {
    plan,
    apr,
    aprCap: new Dec(cap).times(100).toFixed(2),
    aprAboveCap: new Dec(apr).div(100).gt(cap),
    floor: observationMonths > 0 ? floor : null,
    floorUntil: observationMonths > 0 ? addMonthsTo(businessDate, observationMonths) : null,
  };
}

export type PlanFor = Awaited<ReturnType<typeof restructuringPlanFor>>;

const amount = (fen: number) => formatAmount(fen);

function currentView(loan: LoanRow, rows: readonly InstallmentRow[], plan: RestructuringPlan) {
  const open = rows.filter((r) => r.paidOffDate === null);
  return {
    principalOutstanding: amount(loan.principalOutstanding),
    annualRate: loan.annualRate,
    penaltyRate: loan.penaltyRate,
    method: loan.method,
    maturityDate: loan.maturityDate,
    remainingMonths: plan.remainingMonths,
    dpd: loan.dpd,
    classification: loan.classification,
    scheduleVersion: loan.scheduleVersion,
    arrears: {
      interest: amount(plan.arrears.interest),
      fee: amount(plan.arrears.fee),
      penalty: amount(plan.arrears.penalty),
      total: amount(plan.arrears.total),
    },
    // The installments the new schedule replaces, with what is still unpaid on each.
    schedule: open.map((r) => ({
      period: r.period,
      dueDate: r.dueDate,
      principal: amount(r.principalDue),
      interest: amount(r.interestDue),
      fee: amount(r.feeDue),
      penalty: amount(r.penaltyAccrued),
      total: amount(r.principalDue + r.interestDue + r.feeDue + r.penaltyAccrued),
      outstanding: amount(totalOf(unpaidOf(r))),
      overdue: r.dueDate < plan.date,
    })),
    totals: {
      principal: amount(open.reduce((s, r) => s + r.principalDue - r.principalPaid, 0)),
      outstanding: amount(open.reduce((s, r) => s + totalOf(unpaidOf(r)), 0)),
    },
  };
}

export function previewView(
  loan: LoanRow,
  rows: readonly InstallmentRow[],
  businessDate: string,
  terms: TermsInput,
  planned: PlanFor,
) {
  const { plan } = planned;
  return {
    loanId: loan.id,
    loanNo: loan.loanNo,
    businessDate,
    input: terms,
    current: currentView(loan, rows, plan),
    proposed: {
      termMonths: plan.termMonths,
      extensionMonths: plan.extensionMonths,
      annualRate: terms.annualRate,
      penaltyRate: newPenaltyRate(loan, terms),
      penaltyRateChanged: newPenaltyRate(loan, terms) !== loan.penaltyRate,
      method: terms.method,
      capitaliseArrears: terms.capitaliseArrears,
      principal: amount(plan.newPrincipal),
      capitalised: amount(plan.capitalised.total),
      // Arrears not capitalised stay owed on the old installments, and overdue.
      arrearsKept: amount(plan.arrears.total - plan.capitalised.total),
      apr: planned.apr,
      aprCap: planned.aprCap,
      aprAboveCap: planned.aprAboveCap,
      maturityDate: plan.maturityDate,
      classificationFloor: planned.floor,
      classificationFloorUntil: planned.floorUntil,
      firstInstallment: amount(plan.installments[0].total),
      schedule: plan.installments.map((r) => ({
        period: r.period,
        dueDate: r.dueDate,
        principal: amount(r.principal),
        interest: amount(r.interest),
        fee: amount(r.fee),
        total: amount(r.total),
        remainingPrincipal: amount(r.remainingPrincipal),
      })),
      totals: {
        principal: amount(plan.totals.principal),
        interest: amount(plan.totals.interest),
        fee: amount(plan.totals.fee),
        total: amount(plan.totals.total),
      },
    },
  };
}

export type RestructuringPreview = ReturnType<typeof previewView>;
