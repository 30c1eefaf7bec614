import { Button, DatePicker, Descriptions, Modal, Result, Skeleton, Space } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { fetchPayoff, type LoanDetail, type PayoffQuote } from "../../api/servicing.ts";
import { formatMoneyLong } from "../../format.ts";
import "./servicing.css";
import { money } from "./money.tsx";

export function PayoffModal({
  loan,
  open,
  onClose,
  onPay,
}: {
  loan: LoanDetail;
  open: boolean;
  onClose: () => void;
  onPay?: (amount: string) => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(loan.businessDate);
  const [quote, setQuote] = useState<PayoffQuote | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = async (on: string) => {
    setLoading(true);
    setError(null);
    try {
      setQuote(await fetchPayoff(loan.id, on));
    } catch (e) {
      setError(errorMessage(e));
      setQuote(null);
    } finally {
      setLoading(false);
    }
  };
  const l = (key: string, params: Record<string, unknown> = {}) =>
    t(`servicing.detail.payoffLines.${key}`, params);
  return (
    <Modal
      open={open}
      title={t("servicing.detail.payoffTitle")}
      onCancel={onClose}
      afterOpenChange={(visible) => {
        if (visible) void load(date);
      }}
      footer={
        <>
          <Button onClick={onClose}>{t("common.close")}</Button>
          {onPay && quote && date === loan.businessDate ? (
            <Button type="primary" onClick={() => onPay(quote.total)}>
              {t("servicing.detail.payWithQuote")}
            </Button>
          ) : null}
        </>
      }
    >
      <Space style={{ marginBottom: 12 }}>
        <span>{t("servicing.detail.payoffDate")}</span>
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          disabledDate={(d) => d.format("YYYY-MM-DD") < loan.businessDate}
          onChange={(d) => {
            if (!d) return;
            const next = d.format("YYYY-MM-DD");
            setDate(next);
            void load(next);
          }}
        />
      </Space>
      {error ? <Result status="warning" title={error} /> : null}
      {loading && !quote ? <Skeleton active /> : null}
      {quote ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: "p", label: l("principal"), children: money(quote.principal) },
            { key: "di", label: l("dueInterest"), children: money(quote.dueInterest) },
            {
              key: "ai",
              label: l("accruedInterest", { days: quote.accruedDays }),
              children: money(quote.accruedInterest),
            },
            { key: "f", label: l("fee"), children: money(quote.fee) },
            { key: "n", label: l("penalty"), children: money(quote.penalty) },
            { key: "pf", label: l("prepaymentFee"), children: money(quote.prepaymentFee) },
            { key: "c", label: l("creditBalance"), children: money(quote.creditBalance) },
            {
              key: "t",
              label: <strong>{l("total")}</strong>,
              children: <strong style={{ fontSize: 16 }}>{formatMoneyLong(quote.total)}</strong>,
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
