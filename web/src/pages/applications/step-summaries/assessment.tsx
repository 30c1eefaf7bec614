// The 信用评估 step's record: the scorecard with every factor's value and points, the grade and the limit.
import { Progress } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../api/applications.ts";
import { formatMoney, formatMoneyLong } from "../../../format.ts";
import { byLine } from "./shared.tsx";

const GRADE_COLORS: Record<string, string> = { A: "#52c41a", B: "#1668dc", C: "#faad14", D: "#ff4d4f" };

function factorValue(key: string, value: number, t: TFunction): string {
  switch (key) {
    case "monthlyIncome":
      return formatMoney(value.toFixed(2));
    case "debtToIncome":
      return value >= 999 ? "—" : `${(value * 100).toFixed(1)}%`;
    case "businessYears":
      return t("customers.yearsValue", { count: value });
    case "overdueCount24m":
      return t("applications.scorecard.times", { count: value });
    case "hasCollateral":
      return value ? t("common.yes") : t("common.no");
    default:
      return String(value);
  }
}

/** The scorecard: every factor with its value, its points out of the maximum, then total, grade, limit. */
export function ScorecardSummary({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const a = app.assessment;
  if (!a) return null;
  const r = a.result;
  const english = i18n.language === "en-US";
  return (
    <div data-testid="scorecard">
      <div className="score-head">
        <div className="score-total">
          <Progress
            type="circle"
            percent={Math.round((r.score / r.maxScore) * 100)}
            size={96}
            strokeColor={GRADE_COLORS[r.grade] ?? "#1668dc"}
            format={() => (
              <span className="score-number">
                <strong className="num">{r.score}</strong>
                <span className="muted small">/ {r.maxScore}</span>
              </span>
            )}
          />
        </div>
        <div className="score-facts">
          <div>
            <div className="muted small">{t("applications.scorecard.grade")}</div>
            <div className="score-grade" style={{ color: GRADE_COLORS[r.grade] }} data-testid="score-grade">
              {r.grade}
            </div>
          </div>
          <div>
            <div className="muted small">{t("applications.scorecard.recommendedLimit")}</div>
            <div className="money-big num">{formatMoneyLong(r.recommendedLimit)}</div>
          </div>
          <div>
            <div className="muted small">{t("applications.scorecard.requested")}</div>
            <div className="num">{formatMoneyLong(app.amount)}</div>
          </div>
        </div>
      </div>
      <table className="factor-table">
        <thead>
          <tr>
            <th>{t("applications.scorecard.factor")}</th>
            <th>{t("applications.scorecard.value")}</th>
            <th className="factor-bar-col">{t("applications.scorecard.points")}</th>
          </tr>
        </thead>
        <tbody>
          {r.factors.map((f) => (
            <tr key={f.key}>
              <td>{english ? f.nameEn : f.nameZh}</td>
              <td className="num">{factorValue(f.key, f.value, t)}</td>
              <td className="factor-bar-col">
                <div className="factor-bar">
                  <Progress
                    percent={f.maxPoints ? (f.points / f.maxPoints) * 100 : 0}
                    showInfo={false}
                    size="small"
                    strokeColor={
                      f.points === f.maxPoints ? "#52c41a" : f.points === 0 ? "#ff4d4f" : "#1668dc"
                    }
                  />
                  <span className="num factor-points">
                    {f.points} / {f.maxPoints}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>
              <strong>{t("applications.scorecard.total")}</strong>
            </td>
            <td className="factor-bar-col">
              <strong className="num">
                {r.score} / {r.maxScore}
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="muted small section-gap-top">
        {t("applications.scorecard.explain")} {byLine(t, a.by, a.at)}
        {r.scorecardVersion
          ? ` · ${t("applications.scorecard.version", { version: r.scorecardVersion })}`
          : ""}
      </div>
    </div>
  );
}
