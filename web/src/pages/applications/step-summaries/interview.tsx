// The 客户面谈 step's record: notes, income and debt, repayment source, premises visit, business.
import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../api/applications.ts";
import { formatMoney } from "../../../format.ts";
import { byLine } from "./shared.tsx";

export function InterviewSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const i = app.interview;
  if (!i) return null;
  const text = (v: string | null | undefined) => v || <span className="muted">—</span>;
  return (
    <div data-testid="interview-summary">
      <p className="record-notes">{i.notes}</p>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "income",
            label: t("applications.steps.interview.monthlyIncome"),
            children: i.monthlyIncome ? formatMoney(i.monthlyIncome) : text(null),
          },
          {
            key: "debt",
            label: t("applications.steps.interview.monthlyDebt"),
            children: i.monthlyDebt ? formatMoney(i.monthlyDebt) : text(null),
          },
          {
            key: "source",
            label: t("applications.steps.interview.repaymentSource"),
            children: text(i.repaymentSource),
          },
          {
            key: "visited",
            label: t("applications.steps.interview.premisesVisited"),
            children: i.premisesVisited ? t("common.yes") : t("common.no"),
          },
          ...(i.businessDescription
            ? [
                {
                  key: "business",
                  label: t("applications.steps.interview.businessDescription"),
                  children: i.businessDescription,
                  span: 2,
                },
              ]
            : []),
        ]}
      />
      <div className="muted small">{byLine(t, i.by, i.at)}</div>
    </div>
  );
}
