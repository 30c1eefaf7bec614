// 经营报表 (src/modules/reports): the portfolio overview as the console reads it. Amounts are decimal
// strings; ratios are decimals with four places ("0.0523"), null where there is nothing to divide by.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
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

export type PortfolioReport = {
  businessDate: string;
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
  writeOffs: { loans: number; principal: string; recovered: string };
};

export function usePortfolio(months: number) {
  return useQuery({
    queryKey: ["reports", "portfolio", months],
    queryFn: () => api.get<PortfolioReport>(`/reports/portfolio?months=${months}`),
    placeholderData: keepPreviousData,
  });
}
