import { CalculatorOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, InputNumber, Row, Select, Statistic, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useScheduleQuote } from "../../api/calculator.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { formatMoney, formatPercent, groupAmountInput, parseAmountInput } from "../../format.ts";
import { METHODS, toScheduleRequest } from "../loans/calculator-rules.ts";

const TERMS = [3, 6, 12, 18, 24, 36];

/** For the people who talk to borrowers: a payment and APR estimate without leaving the home page. */
export function QuickQuote() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [principal, setPrincipal] = useState<string>("100000");
  const [rate, setRate] = useState<string>("18");
  const [term, setTerm] = useState(12);
  const [method, setMethod] = useState<RepaymentMethod>("equal-installment");
  const draft = toScheduleRequest({ principal, annualRatePercent: rate, termMonths: term, method });
  const quote = useScheduleQuote(draft);
  const data = quote.data;
  const full = `/calculator?${new URLSearchParams({ principal, rate, term: String(term), method }).toString()}`;

  return (
    <Card
      title={
        <span>
          <CalculatorOutlined /> {t("home.quote.title")}
        </span>
      }
      extra={<Typography.Text type="secondary">{t("home.quote.hint")}</Typography.Text>}
      className="full-height-card"
      data-testid="quick-quote"
    >
      <div className="quote-inputs">
        <div className="quote-field">
          <label htmlFor="quote-amount">{t("home.quote.amount")}</label>
          <InputNumber<string>
            stringMode
            prefix="¥"
            controls={false}
            id="quote-amount"
            value={principal}
            onChange={(value) => setPrincipal(value ?? "")}
            formatter={(value) => groupAmountInput(value)}
            parser={(value) => parseAmountInput(value)}
            style={{ width: "100%" }}
          />
        </div>
        <div className="quote-field">
          <label htmlFor="quote-rate">{t("home.quote.rate")}</label>
          <InputNumber<string>
            stringMode
            suffix="%"
            controls={false}
            id="quote-rate"
            value={rate}
            onChange={(value) => setRate(value ?? "")}
            style={{ width: "100%" }}
          />
        </div>
        <div className="quote-field">
          <label htmlFor="quote-term">{t("home.quote.term")}</label>
          <Select
            id="quote-term"
            value={term}
            onChange={setTerm}
            options={TERMS.map((value) => ({ value, label: `${value} ${t("calculator.form.months")}` }))}
          />
        </div>
        <div className="quote-field">
          <label htmlFor="quote-method">{t("home.quote.method")}</label>
          <Select
            id="quote-method"
            value={method}
            onChange={setMethod}
            options={METHODS.map((value) => ({ value, label: t(`calculator.methods.${value}`) }))}
          />
        </div>
      </div>
      {draft === null ? (
        <Alert type="warning" showIcon title={t("home.quote.invalid")} />
      ) : (
        <div className="quote-results">
          <Row gutter={12}>
            <Col span={8}>
              <Statistic
                title={t("home.quote.firstPayment")}
                value={data?.installments[0]?.total ?? "—"}
                formatter={() => <span className="num">{formatMoney(data?.installments[0]?.total)}</span>}
                loading={!data}
                styles={{ content: { fontSize: 18 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t("home.quote.totalInterest")}
                value={data?.totals.interest ?? "—"}
                formatter={() => <span className="num">{formatMoney(data?.totals.interest)}</span>}
                loading={!data}
                styles={{ content: { fontSize: 18 } }}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t("home.quote.apr")}
                value={data?.apr ?? "—"}
                formatter={() => <span className="quote-apr">{formatPercent(data?.apr)}</span>}
                loading={!data}
                styles={{ content: { fontSize: 18 } }}
              />
            </Col>
          </Row>
          {data ? (
            <div className="muted small quote-note">
              {t("home.quote.summary", {
                total: formatMoney(data.totals.total),
                count: data.installments.length,
                date: data.installments[0]?.dueDate ?? "",
              })}
            </div>
          ) : null}
        </div>
      )}
      <Button type="link" onClick={() => navigate(full)} style={{ paddingInline: 0, marginTop: 8 }}>
        {t("home.quote.openFull")} →
      </Button>
    </Card>
  );
}
