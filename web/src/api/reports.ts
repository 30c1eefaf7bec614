// 经营报表 (src/modules/reports): the portfolio overview as the console reads it. Amounts are decimal
// strings; ratios are decimals with four places ("0.0523"), null where there is nothing to divide by.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Bucket, Classification } from "./servicing.ts";

export type PortfolioMonth = {
  month: string;
  disbursedLoans: number;
  disbursed: string;
  collected: string;
  due: string;
  paidAgainstDue: string;
  recoveryRate: string | null;
  writtenOffLoans: number;
  writtenOff: string;
  recovered: string;
};

export type PortfolioOfficer = {
  officerId: string | null;
  officer: string | null;
  leader: string | null;
  loans: number;
  principal: string;
  overduePrincipal: string;
  nplRatio: string | null;
  par30Ratio: string | null;
  disbursedThisMonth: string;
};

export type PortfolioReport = {
  businessDate: string;
  /** When the server computed it: answers are kept a few minutes (src/modules/reports/report-cache.ts). */
  computedAt: string;
  scope: "own" | "team" | "org" | "all";
  recoveryGoal: string;
  book: {
    loans: number;
    principalOutstanding: string;
    overdueLoans: number;
    overduePrincipal: string;
    nplLoans: number;
    nplPrincipal: string;
    nplRatio: string | null;
    par30Principal: string;
    par30Ratio: string | null;
    provision: string;
    provisionCoverage: string | null;
  };
  byClassification: {
    classification: Classification;
    loans: number;
    principal: string;
    provision: string;
    share: string | null;
  }[];
  byBucket: { bucket: Bucket; loans: number; principal: string; share: string | null }[];
  months: PortfolioMonth[];
  /** Last month from its first day to the business date's day of month, to compare this month with. */
  lastMonthToDate: { until: string; disbursedLoans: number; disbursed: string; collected: string };
  /** Largest book first; officerId null = loans without an officer. */
  byOfficer: PortfolioOfficer[];
  writeOffs: { loans: number; principal: string; recovered: string };
};

const portfolioKey = (months: number) => ["reports", "portfolio", months];

export function usePortfolio(months: number) {
  return useQuery({
    queryKey: portfolioKey(months),
    queryFn: () => api.get<PortfolioReport>(`/reports/portfolio?months=${months}`),
    placeholderData: keepPreviousData,
  });
}

/** Asks the server to compute now rather than answer from its cache; the answer replaces the shown one. */
export function useRefreshPortfolio(months: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<PortfolioReport>(`/reports/portfolio?months=${months}&fresh=true`),
    onSuccess: (report) => queryClient.setQueryData(portfolioKey(months), report),
  });
}
