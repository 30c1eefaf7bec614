// Loan servicing (src/modules/loans), the close of business (src/modules/loans/cob) and the ledger and
// capital views (src/modules/ledger), as the console reads them. Amounts are decimal strings.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { Page, RepaymentMethod } from "./types.ts";

export type LoanStatus = "active" | "closed" | "written-off";
export const LOAN_STATUSES: LoanStatus[] = ["active", "closed", "written-off"];
export type Bucket = "M0" | "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M7";
export const BUCKETS: Bucket[] = ["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"];
export type Classification = "normal" | "special-mention" | "substandard" | "doubtful" | "loss";
export const CLASSIFICATIONS: Classification[] = [
  "normal",
  "special-mention",
  "substandard",
  "doubtful",
  "loss",
];
export type PaymentChannel = "cash" | "bank-transfer" | "wechat-pay" | "alipay";
export const PAYMENT_CHANNELS: PaymentChannel[] = ["cash", "bank-transfer", "wechat-pay", "alipay"];

type Ref = { id: string; name: string | null };

export type LoanSummary = {
  id: string;
  loanNo: string;
  status: LoanStatus;
  customer: Ref;
  officer: Ref | null;
  method: RepaymentMethod;
  rate: string;
  apr: string | null;
  principal: string;
  principalOutstanding: string;
  dpd: number;
  bucket: Bucket;
  classification: Classification;
  startDate: string;
  maturityDate: string;
  /** The earliest installment still owed (overdue or next); null once everything is paid. */
  nextDue: { period: number; dueDate: string; amount: string } | null;
};

export type LoanFilters = {
  status?: LoanStatus;
  bucket?: Bucket;
  classification?: Classification;
  /** Part of the loan number or of the borrower's name. */
  search?: string;
};

export type InstallmentState = "paid" | "partly-paid" | "overdue" | "due" | "future";

type Components = { principal: string; interest: string; fee: string; penalty: string; total: string };

export type ScheduleRow = Components & {
  period: number;
  dueDate: string;
  paid: Components;
  outstanding: string;
  state: InstallmentState;
  paidOffDate: string | null;
};

export type LoanTransaction = {
  id: string;
  kind: "repayment" | "prepayment" | "refund" | "reversal" | "recovery";
  date: string;
  amount: string;
  channel: PaymentChannel | null;
  reference: string | null;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  credit: string;
  settlement: boolean;
  reversalOf: string | null;
  reversedBy: string | null;
  createdAt: string;
};

export type Reversal = {
  id: string;
  transactionId: string;
  reason: string;
  status: "pending" | "approved" | "rejected";
  proposedBy: string;
  decidedBy: string | null;
  proposedAt: string;
};

export type Posting = {
  entryId: number;
  date: string;
  kind: string;
  description: string;
  reversalOf: number | null;
  lines: { account: string; debit: string; credit: string }[];
};

export type LoanDetail = {
  id: string;
  loanNo: string;
  status: LoanStatus;
  principalOutstanding: string;
  dpd: number;
  classification: Classification;
  bucket: Bucket;
  customer: Ref;
  product: { id: string; code: string; name: string } | null;
  officer: Ref | null;
  applicationId: string | null;
  method: RepaymentMethod;
  rate: string;
  penaltyRate: string;
  apr: string | null;
  principal: string;
  termMonths: number;
  dayBasis: string;
  startDate: string;
  maturityDate: string;
  lastClosedDate: string | null;
  businessDate: string;
  // 展期/重组: the schedule version, when the latest restructuring took effect, the class floor it set.
  scheduleVersion: number;
  restructuredOn: string | null;
  classificationFloor: Classification | null;
  classificationFloorUntil: string | null;
  balances: {
    principal: string;
    interest: string;
    penalty: string;
    fees: string;
    credit: string;
    overdue: string;
    provision: string;
  };
  schedule: ScheduleRow[];
  transactions: LoanTransaction[];
  reversals: Reversal[];
  postings: Posting[];
};

export type Allocation = {
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  credit: string;
  total: string;
  settlement: boolean;
  loanStatus: string;
  lines: {
    period: number;
    principal: string;
    interest: string;
    fee: string;
    penalty: string;
    total: string;
  }[];
};

export type RepaymentInput = { amount: string; date: string; channel: PaymentChannel; reference?: string };

export type PayoffQuote = {
  loanId: string;
  loanNo: string;
  status: LoanStatus;
  date: string;
  penaltyAccruedTo: string | null;
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  prepaymentFee: string;
  total: string;
  dueInterest: string;
  accruedInterest: string;
  accruedDays: number;
  creditBalance: string;
};

export function useLoans(filters: LoanFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["loans", filters],
    queryFn: () => api.get<Page<LoanSummary>>(`/loans${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export async function fetchAllLoans(filters: LoanFilters): Promise<LoanSummary[]> {
  const items: LoanSummary[] = [];
  for (let page = 1; page <= 100; page += 1) {
    const result = await api.get<Page<LoanSummary>>(
      `/loans${toQueryString({ ...filters, page, pageSize: 200 })}`,
    );
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export function useLoan(id: string | undefined) {
  return useQuery({
    queryKey: ["loan", id],
    queryFn: () => api.get<LoanDetail>(`/loans/${id}`),
    enabled: Boolean(id),
  });
}

export const postRepayment = (loanId: string, input: RepaymentInput, idempotencyKey: string) =>
  api.post<{ id: string; allocation: Allocation }>(`/loans/${loanId}/repayments`, input, {
    headers: { "Idempotency-Key": idempotencyKey },
  });

export const fetchPayoff = (loanId: string, date?: string) =>
  api.get<PayoffQuote>(`/loans/${loanId}/payoff${toQueryString({ date })}`);

export const proposeReversal = (loanId: string, txId: string, reason: string) =>
  api.post<{ id: string; status: string }>(`/loans/${loanId}/repayments/${txId}/reversal`, { reason });

export const approveReversal = (loanId: string, txId: string) =>
  api.post<{ id: string; status: string }>(`/loans/${loanId}/repayments/${txId}/reversal/approve`, {});

export const rejectReversal = (loanId: string, txId: string) =>
  api.post<{ id: string; status: string }>(`/loans/${loanId}/repayments/${txId}/reversal/reject`, {});

export const receiptUrl = (loanId: string, txId: string) =>
  `/api/v1/loans/${loanId}/repayments/${txId}/receipt.pdf`;

// ---------------------------------------------------------------- close of business
export type BatchJobStatus = "queued" | "running" | "succeeded" | "failed";
export type BatchProgress = {
  fromDate: string | null;
  toDate: string;
  datesTotal: number;
  datesDone: number;
  currentDate: string | null;
  chunksDone: number;
  chunksTotal: number;
  loansClosed: number;
  percent: number;
};
export type BatchJob = {
  id: string;
  targetDate: string;
  status: BatchJobStatus;
  progress: BatchProgress | null;
  error: string | null;
  /** The error in the console's language (the server's message for the code). */
  errorMessage: string | null;
  trigger: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export function useBusinessDate() {
  return useQuery({
    queryKey: ["business-date"],
    queryFn: () => api.get<{ businessDate: string }>("/batch/business-date"),
  });
}

export type ClosedDate = {
  date: string;
  closedAt: string;
  /** null: the system (the daily schedule, the demo seed). */
  closedBy: string | null;
  loansChanged: number;
  mode: string;
  jobId: string | null;
};

export const startCob = (date: string) => api.post<{ jobId: string }>("/batch/cob", { date });
export const fetchJob = (id: string) => api.get<BatchJob>(`/batch/jobs/${id}`);

/** The latest runs from the server (every console, the CLI and the schedule). Not polled: the page polls
 * the run in progress on its own and writes it into this list. */
export function useBatchJobs() {
  return useQuery({
    queryKey: ["batch-jobs"],
    queryFn: () => api.get<{ items: BatchJob[] }>("/batch/jobs?limit=20"),
  });
}

export function useClosedDates() {
  return useQuery({
    queryKey: ["batch-closes"],
    queryFn: () => api.get<{ items: ClosedDate[] }>("/batch/closes?limit=30"),
  });
}

// ---------------------------------------------------------------- ledger and capital
export type TrialBalance = {
  asOf: string | null;
  accounts: { code: string; name: string; nameEn: string; type: string; debit: string; credit: string }[];
  totals: { debit: string; credit: string };
  balanced: boolean;
};

export type Statement = {
  account: { code: string; name: string; nameEn: string; normalSide: string };
  from: string;
  to: string;
  openingBalance: string;
  closingBalance: string;
  lines: {
    entryId: number;
    date: string;
    debit: string;
    credit: string;
    loanId: string | null;
    kind: string;
    description: string;
    balance: string;
  }[];
  dailyBalances: { date: string; balance: string }[];
};

export type SubLedgerCheck = {
  ok: boolean;
  checks: { account: string; ledger: string; subLedger: string; difference: string; ok: boolean }[];
};

export function useTrialBalance(date: string | undefined) {
  return useQuery({
    queryKey: ["ledger", "trial-balance", date ?? null],
    queryFn: () => api.get<TrialBalance>(`/ledger/trial-balance${toQueryString({ date })}`),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(code: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ["ledger", "statement", code, from, to],
    queryFn: () => api.get<Statement>(`/ledger/accounts/${code}/statement${toQueryString({ from, to })}`),
    enabled: Boolean(code),
  });
}

export function useSubLedgerCheck() {
  return useQuery({
    queryKey: ["ledger", "sub-ledger-check"],
    queryFn: () => api.get<SubLedgerCheck>("/ledger/sub-ledger-check"),
  });
}

export type Forecast = {
  days: number;
  until: string;
  principal: string;
  interest: string;
  fee: string;
  total: string;
};

export type CapitalPosition = {
  businessDate: string;
  bank: string;
  cash: string;
  available: string;
  outstandingPrincipal: string;
  paidInCapital: string;
  netCapital: string;
  borrowings: string;
  leverage: string | null;
  leverageMax: string;
  borrowingHeadroom: string;
  forecast: Forecast[];
};

export type FundingSource = {
  id: string;
  kind: "shareholder-capital" | "bank-borrowing";
  source: string;
  amount: string;
  date: string;
  annualRate: string | null;
  maturityDate: string | null;
  reference: string | null;
};

export function useCapital() {
  return useQuery({ queryKey: ["capital"], queryFn: () => api.get<CapitalPosition>("/capital") });
}

export function useFunding() {
  return useQuery({
    queryKey: ["capital", "funding"],
    queryFn: () => api.get<Page<FundingSource>>("/capital/funding"),
  });
}
