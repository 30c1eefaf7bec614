import { CheckCircleFilled } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type Allocation,
  type LoanDetail,
  PAYMENT_CHANNELS,
  type PaymentChannel,
  postRepayment,
} from "../../api/servicing.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { formatMoney, groupAmountInput, parseAmountInput, toFen } from "../../format.ts";

type Values = { amount: string; date: Dayjs; channel: PaymentChannel; reference?: string };

export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * 登记还款. One Idempotency-Key per opened form: a double click, a retry after a timeout or a second
 * submit of the same form all land on the same payment, never a second one.
 */
export function RepaymentDrawer({
  loan,
  open,
  initialAmount,
  onClose,
  onPosted,
}: {
  loan: LoanDetail;
  open: boolean;
  initialAmount?: string;
  onClose: () => void;
  onPosted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newKey);
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const [result, setResult] = useState<{ amount: string; allocation: Allocation } | null>(null);

  const reset = () => {
    setKey(newKey());
    setResult(null);
    form.resetFields();
    form.setFieldsValue({
      amount: initialAmount ?? "",
      date: dayjs(loan.businessDate),
      channel: "bank-transfer",
      reference: undefined,
    });
  };

  // A fresh form (and key) each time the drawer opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on opening
  useEffect(() => {
    if (open) reset();
  }, [open]);

  const submit = async (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    try {
      const amount = parseAmountInput(values.amount);
      const answer = await postRepayment(
        loan.id,
        {
          amount,
          date: values.date.format("YYYY-MM-DD"),
          channel: values.channel,
          reference: values.reference?.trim() || undefined,
        },
        key,
      );
      setResult({ amount, allocation: answer.allocation });
      message.success(t("servicing.repayment.posted", { amount: formatMoney(amount) }));
      onPosted();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };

  const r = (key: string) => t(`servicing.repayment.columns.${key}`);
  const money = (v: string) => <span className="num">{formatMoney(v)}</span>;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={560}
      title={t("servicing.repayment.title", { loanNo: loan.loanNo })}
      destroyOnHidden
      data-testid="repayment-drawer"
      footer={
        result ? (
          <div style={{ display: "flex", justifyContent: "flex-end", gap: 8 }}>
            <Button onClick={reset} disabled={loan.status !== "active" || result.allocation.settlement}>
              {t("servicing.repayment.another")}
            </Button>
            <Button type="primary" onClick={onClose} data-testid="repayment-done">
              {t("servicing.repayment.done")}
            </Button>
          </div>
        ) : (
          <div style={{ display: "flex", justifyContent: "flex-end", gap: 8 }}>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              loading={pending}
              disabled={pending}
              onClick={() => form.submit()}
              data-testid="repayment-submit"
            >
              {t("servicing.repayment.submit")}
            </Button>
          </div>
        )
      }
    >
      {result ? (
        <div data-testid="repayment-result">
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleFilled />}
            message={t("servicing.repayment.posted", { amount: formatMoney(result.amount) })}
            description={
              result.allocation.settlement
                ? t("servicing.repayment.settled")
                : t("servicing.repayment.resultHint")
            }
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            size="small"
            column={2}
            bordered
            title={t("servicing.repayment.result")}
            items={[
              { key: "p", label: r("principal"), children: money(result.allocation.principal) },
              { key: "i", label: r("interest"), children: money(result.allocation.interest) },
              { key: "f", label: r("fee"), children: money(result.allocation.fee) },
              { key: "n", label: r("penalty"), children: money(result.allocation.penalty) },
              { key: "c", label: t("servicing.repayment.credit"), children: money(result.allocation.credit) },
              { key: "t", label: r("total"), children: <strong>{money(result.allocation.total)}</strong> },
            ]}
          />
          <Table
            className="section-gap-top"
            rowKey="period"
            size="small"
            pagination={false}
            dataSource={result.allocation.lines}
            columns={[
              { title: r("period"), dataIndex: "period", width: 60, align: "center" },
              { title: r("principal"), dataIndex: "principal", align: "right", render: money },
              { title: r("interest"), dataIndex: "interest", align: "right", render: money },
              { title: r("fee"), dataIndex: "fee", align: "right", render: money },
              { title: r("penalty"), dataIndex: "penalty", align: "right", render: money },
              {
                title: r("total"),
                dataIndex: "total",
                align: "right",
                render: (v: string) => <strong>{money(v)}</strong>,
              },
            ]}
          />
        </div>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          requiredMark
          disabled={pending}
        >
          {toFen(loan.balances.overdue) ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={t("servicing.repayment.overdueHint", {
                amount: formatMoney(loan.balances.overdue),
                dpd: loan.dpd,
              })}
            />
          ) : null}
          <Form.Item
            name="amount"
            label={t("servicing.repayment.amount")}
            validateFirst
            rules={[
              { required: true, message: t("servicing.repayment.amountRequired") },
              {
                validator: async (_, value: string | undefined) => {
                  const fen = toFen(parseAmountInput(value ?? ""));
                  if (fen === null || fen <= 0n) throw new Error(apiMessage("invalid-amount"));
                },
              },
            ]}
          >
            <InputNumber<string>
              stringMode
              prefix="¥"
              controls={false}
              style={{ width: "100%" }}
              formatter={(value) => groupAmountInput(value)}
              parser={(value) => parseAmountInput(value)}
              inputMode="decimal"
              autoFocus
              data-testid="repayment-amount"
            />
          </Form.Item>
          <div className="form-row">
            <Form.Item
              name="date"
              label={t("servicing.repayment.date")}
              extra={t("servicing.repayment.dateHelp")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <DatePicker
                style={{ width: "100%" }}
                allowClear={false}
                disabledDate={(d) =>
                  d.format("YYYY-MM-DD") > loan.businessDate || d.format("YYYY-MM-DD") < loan.startDate
                }
              />
            </Form.Item>
            <Form.Item
              name="channel"
              label={t("servicing.repayment.channel")}
              rules={[{ required: true, message: t("common.required") }]}
            >
              <Select
                options={PAYMENT_CHANNELS.map((c) => ({ value: c, label: t(`servicing.channel.${c}`) }))}
                data-testid="repayment-channel"
              />
            </Form.Item>
          </div>
          <Form.Item name="reference" label={t("servicing.repayment.reference")}>
            <Input maxLength={64} placeholder={t("servicing.repayment.referencePlaceholder")} />
          </Form.Item>
          <Descriptions
            size="small"
            column={2}
            items={[
              {
                key: "p",
                label: t("servicing.detail.kpi.principal"),
                children: money(loan.balances.principal),
              },
              {
                key: "i",
                label: t("servicing.detail.kpi.interest"),
                children: money(loan.balances.interest),
              },
              { key: "n", label: t("servicing.detail.kpi.penalty"), children: money(loan.balances.penalty) },
              { key: "c", label: t("servicing.detail.kpi.credit"), children: money(loan.balances.credit) },
            ]}
          />
          {/* Enter in any field submits. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      )}
    </Drawer>
  );
}
