// The 风险方案 step's record: the plan sent to the committee, its APR first.
import { Descriptions } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../api/applications.ts";
import { formatMoneyLong, formatPercent, formatRate } from "../../../format.ts";
import { byLine } from "./shared.tsx";

/** The risk plan sent to the committee, its APR first. */
export function RiskPlanSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const p = app.riskPlan;
  if (!p) return null;
  return (
    <div data-testid="risk-plan-summary">
      <div className="plan-head">
        <div className="plan-apr">
          <div className="muted small">{t("applications.steps.riskPlan.apr")}</div>
          <div className="apr-figure-value num">{formatPercent(p.apr)}</div>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "amount",
              label: t("applications.steps.riskPlan.amount"),
              children: <strong className="num">{formatMoneyLong(p.amount)}</strong>,
            },
            {
              key: "rate",
              label: t("applications.steps.riskPlan.annualRate"),
              children: <span className="num">{formatRate(p.annualRate)}</span>,
            },
            {
              key: "term",
              label: t("applications.steps.riskPlan.term"),
              children: t("applications.months", { count: p.termMonths }),
            },
            {
              key: "method",
              label: t("applications.steps.riskPlan.method"),
              children: t(`calculator.methods.${p.method}`),
            },
            {
              key: "guarantee",
              label: t("applications.steps.riskPlan.guarantee"),
              children: t(`products.guarantees.${p.guarantee}`),
            },
            {
              key: "conditions",
              label: t("applications.steps.riskPlan.conditions"),
              children: p.conditions || <span className="muted">—</span>,
            },
          ]}
        />
      </div>
      <div className="muted small">{byLine(t, p.by, p.at)}</div>
    </div>
  );
}
