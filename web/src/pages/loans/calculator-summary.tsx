import { WarningOutlined } from "@ant-design/icons";
import { Card, Col, Row, Statistic, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../../api/types.ts";
import {
  fenToAmount,
  formatMoney,
  formatPercent,
  formatRate,
  formatWan,
  isLargeAmount,
  toFen,
} from "../../format.ts";

// DOMAIN.md §3: the default rate cap. The server refuses products above it; here it is a warning.
const APR_CAP_PERCENT = 24;

function Money({ amount }: { amount: string }) {
  return (
    <div>
      <div className="money-big num">{formatMoney(amount)}</div>
      {isLargeAmount(amount) ? <div className="muted small">{formatWan(amount)}</div> : null}
    </div>
  );
}

/** The APR, prominent as the rules require, then the sums a borrower asks about. */
export function CalculatorSummary({ schedule, upfrontFee }: { schedule: Schedule; upfrontFee: string }) {
  const { t } = useTranslation();
  const principalFen = toFen(schedule.principal) ?? 0n;
  const feeFen = toFen(upfrontFee || "0") ?? 0n;
  const net = fenToAmount(principalFen - feeFen);
  const overCap = Number(schedule.apr) > APR_CAP_PERCENT;
  const first = schedule.installments[0];
  const cards = [
    { key: "firstPayment", amount: first?.total ?? "0", note: first ? first.dueDate : "" },
    {
      key: "totalInterest",
      amount: schedule.totals.interest,
      note: t("calculator.periods", { count: schedule.installments.length }),
    },
    {
      key: "totalRepayment",
      amount: schedule.totals.total,
      note: t(`calculator.methods.${schedule.method}`),
    },
    {
      key: "netReceived",
      amount: net,
      note: feeFen > 0n ? t("calculator.feeIncluded", { fee: formatMoney(fenToAmount(feeFen)) }) : "",
    },
  ];
  return (
    <Row gutter={[16, 16]} className="section-gap">
      <Col xs={24} lg={8}>
        <Card className={`apr-card${overCap ? " apr-card-over" : ""}`} data-testid="apr-card">
          <Statistic
            title={<span className="apr-title">{t("calculator.apr")}</span>}
            value={schedule.apr}
            formatter={() => <span data-testid="apr-value">{formatPercent(schedule.apr)}</span>}
            styles={{ content: { fontSize: 40, fontWeight: 700, color: overCap ? "#cf1322" : "#1668dc" } }}
          />
          <Typography.Text type="secondary">{t("calculator.aprNote")}</Typography.Text>
          <div className="apr-nominal">
            {t("calculator.nominal", { rate: formatRate(schedule.annualRate) })}
          </div>
          {overCap ? (
            <Tag color="red" icon={<WarningOutlined />} className="apr-warning">
              {t("calculator.aprWarning")}
            </Tag>
          ) : null}
        </Card>
      </Col>
      <Col xs={24} lg={16}>
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col xs={12} key={card.key}>
              <Card size="small" className="total-card">
                <Typography.Text type="secondary">{t(`calculator.${card.key}`)}</Typography.Text>
                <Money amount={card.amount} />
                <div className="muted small">{card.note || "\u00a0"}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </Col>
    </Row>
  );
}
