// For reports.read (GM, finance, risk, compliance, sales director, team managers): the book at a glance
// on the workbench — outstanding, this month's collections, NPL ratio and recovery rate — with the way
// to the full overview.
import { ArrowRightOutlined } from "@ant-design/icons";
import { Card, Col, Row, Skeleton, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { usePortfolio } from "../../api/reports.ts";
import { formatRate } from "../../format.ts";
import { MoneyStatistic } from "../loans/money.tsx";

/** Twelve months, as the overview page opens with: both read the same cached answer. */
const MONTHS = 12;

export function PortfolioCard() {
  const { t } = useTranslation();
  const query = usePortfolio(MONTHS);
  const report = query.data;
  if (query.isError) return null;
  const now = report?.months[report.months.length - 1];
  // Amounts as ¥ with the 万 form underneath (UI.md), rates as percentages.
  const figures = report
    ? [
        { key: "outstanding", money: report.book.principalOutstanding },
        { key: "collected", money: now?.collected ?? "0.00" },
        { key: "npl", rate: formatRate(report.book.nplRatio) },
        { key: "recoveryRate", rate: formatRate(now?.recoveryRate) },
      ]
    : [];
  return (
    <Card
      size="small"
      className="section-gap"
      title={t("portfolio.home.title")}
      data-testid="home-portfolio"
      extra={
        <Link to="/portfolio" data-testid="home-portfolio-open">
          {t("portfolio.home.open")} <ArrowRightOutlined />
        </Link>
      }
    >
      {!report ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <>
          <Row gutter={[16, 8]}>
            {figures.map((f) => (
              <Col xs={12} md={6} key={f.key}>
                {f.money !== undefined ? (
                  <MoneyStatistic
                    title={t(`portfolio.kpi.${f.key}`)}
                    value={f.money}
                    valueStyle={{ fontSize: 20 }}
                  />
                ) : (
                  <Statistic
                    title={t(`portfolio.kpi.${f.key}`)}
                    value={f.rate}
                    valueStyle={{ fontSize: 20 }}
                  />
                )}
              </Col>
            ))}
          </Row>
          <div className="muted small">
            {t("portfolio.home.asOf", { date: report.businessDate })} · {t(`portfolio.scope.${report.scope}`)}
          </div>
        </>
      )}
    </Card>
  );
}
