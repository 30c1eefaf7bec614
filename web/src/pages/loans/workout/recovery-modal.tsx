import { CheckCircleFilled, FilePdfOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Select,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/client.ts";
import {
  type LoanDetail,
  PAYMENT_CHANNELS,
  type PaymentChannel,
  receiptUrl,
} from "../../../api/servicing.ts";
import { postRecovery, type RecoveryResult, useWriteOff } from "../../../api/workout.ts";
import { apiMessage } from "../../../components/api-messages.ts";
import { applyFieldErrors } from "../../../components/form-errors.ts";
import { formatMoney, groupAmountInput, parseAmountInput, toFen } from "../../../format.ts";
import { newKey } from "../repayment-drawer.tsx";

type Values = { amount: string; date: Dayjs; channel: PaymentChannel; reference?: string };

/** 登记核销后收回: one Idempotency-Key per opened form, so a double click records the money once. */
export function RecoveryModal({
  loan,
  open,
  onClose,
  onPosted,
}: {
  loan: LoanDetail;
  open: boolean;
  onClose: () => void;
  onPosted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<RecoveryResult | null>(null);
  const key = useRef(newKey());
  const state = useWriteOff(loan.id);
  const memo = state.data?.current ?? null;
  const rc = (k: string, params: Record<string, unknown> = {}) => t(`workout.recovery.${k}`, params);

  const submit = async () => {
    const v = await form.validateFields();
    setSubmitting(true);
    try {
      const posted = await postRecovery(
        loan.id,
        {
          amount: parseAmountInput(v.amount),
          date: v.date.format("YYYY-MM-DD"),
          channel: v.channel,
          ...(v.reference?.trim() ? { reference: v.reference.trim() } : {}),
        },
        key.current,
      );
      setResult(posted);
      message.success(rc("posted", { amount: formatMoney(posted.amount) }));
      onPosted();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={rc("title", { loanNo: loan.loanNo })}
      onCancel={onClose}
      destroyOnHidden
      // Start afresh once the modal has closed, not once it has opened: the opening animation can end
      // after a quick submit, and a reset then would wipe the receipt and hand out a new Idempotency-Key
      // for money already recorded.
      afterOpenChange={(visible) => {
        if (!visible) {
          key.current = newKey();
          setResult(null);
        }
      }}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              loading={submitting}
              onClick={() => void submit()}
              data-testid="recovery-submit"
            >
              {rc("submit")}
            </Button>
          </>
        )
      }
      data-testid="recovery-modal"
    >
      {memo ? (
        <Descriptions
          size="small"
          bordered
          column={3}
          layout="vertical"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: "w",
              label: rc("writtenOff"),
              children: <span className="num">{formatMoney(memo.total)}</span>,
            },
            {
              key: "r",
              label: rc("recovered"),
              children: <span className="num">{formatMoney(memo.recovered)}</span>,
            },
            {
              key: "x",
              label: rc("remaining"),
              children: <strong className="num">{formatMoney(memo.remaining)}</strong>,
            },
          ]}
        />
      ) : null}
      {result ? (
        <Result
          icon={<CheckCircleFilled style={{ color: "#52c41a" }} />}
          title={rc("posted", { amount: formatMoney(result.amount) })}
          subTitle={rc("after", {
            recovered: formatMoney(result.recovered),
            remaining: formatMoney(result.remaining),
          })}
          extra={
            <a
              href={receiptUrl(loan.id, result.id)}
              target="_blank"
              rel="noreferrer"
              data-testid="recovery-receipt"
            >
              <FilePdfOutlined /> {rc("receipt")}
            </a>
          }
        />
      ) : (
        <>
          <Alert type="info" showIcon message={rc("hint")} style={{ marginBottom: 12 }} />
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            initialValues={{ date: dayjs(loan.businessDate), channel: "bank-transfer" }}
          >
            <Form.Item
              name="amount"
              label={rc("amount")}
              rules={[
                { required: true, message: rc("amountRequired") },
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
                data-testid="recovery-amount"
              />
            </Form.Item>
            <Form.Item name="date" label={rc("date")} rules={[{ required: true }]}>
              <DatePicker
                allowClear={false}
                style={{ width: "100%" }}
                disabledDate={(d) =>
                  d.format("YYYY-MM-DD") > loan.businessDate ||
                  (memo?.writtenOffOn != null && d.format("YYYY-MM-DD") < memo.writtenOffOn)
                }
              />
            </Form.Item>
            <Form.Item name="channel" label={rc("channel")} rules={[{ required: true }]}>
              <Select
                options={PAYMENT_CHANNELS.map((c) => ({ value: c, label: t(`servicing.channel.${c}`) }))}
              />
            </Form.Item>
            <Form.Item name="reference" label={rc("reference")}>
              <Input maxLength={64} placeholder={rc("referencePlaceholder")} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
