import { Alert, App, type ButtonProps, Descriptions, Form, Input, InputNumber, Modal, Skeleton } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/client.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import {
  proposeWriteOff,
  usePartialWriteOffEstimate,
  useWriteOff,
  type WriteOffEstimate,
} from "../../../api/workout.ts";
import { apiMessage } from "../../../components/api-messages.ts";
import { formatMoney, formatMoneyLong, groupAmountInput, parseAmountInput, toFen } from "../../../format.ts";
import { money } from "../money.tsx";

type Values = { reason: string; principal?: string };

/** A partial amount worth asking the server about: positive, to the 分, below the principal outstanding. */
function partialAmount(value: string | undefined, outstanding: string): string | null {
  const text = parseAmountInput(value ?? "");
  const fen = toFen(text);
  const max = toFen(outstanding);
  return fen !== null && max !== null && fen > 0n && fen < max ? text : null;
}

/** The amount typed, once it has stopped changing for a moment (one estimate request, not one a key). */
function useSettled(value: string | null, ms = 300): string | null {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * 提议核销: what would leave the books (estimated today; approval recomputes it) and the reason. An
 * optional principal makes it a partial write-off (部分核销): only that principal and its share of
 * the provision leave the books, the loan stays active.
 */
export function WriteOffModal({
  loan,
  open,
  onClose,
  onProposed,
}: {
  loan: LoanDetail;
  open: boolean;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const state = useWriteOff(loan.id);
  const w = (key: string, params: Record<string, unknown> = {}) => t(`workout.writeOff.${key}`, params);
  const full = state.data?.estimate ?? null;
  const outstanding = full?.principalOutstanding ?? loan.principalOutstanding;
  const typed = partialAmount(Form.useWatch("principal", form), outstanding);
  const settled = useSettled(typed);
  const partial = usePartialWriteOffEstimate(loan.id, settled);
  const estimate = typed !== null && settled === typed && partial.data ? partial.data : full;

  const submit = async () => {
    const values = await form.validateFields();
    const principal = values.principal ? parseAmountInput(values.principal) : "";
    setSubmitting(true);
    try {
      await proposeWriteOff(loan.id, { reason: values.reason.trim(), ...(principal ? { principal } : {}) });
      message.success(w("submitted"));
      onProposed();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={w("title", { loanNo: loan.loanNo })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={w(typed ? "submitPartial" : "submit")}
      okButtonProps={
        {
          danger: true,
          loading: submitting,
          disabled: !full,
          "data-testid": "write-off-submit",
        } as ButtonProps
      }
      destroyOnHidden
      width={640}
      data-testid="write-off-modal"
    >
      <Alert type="info" showIcon message={w("hint")} style={{ marginBottom: 12 }} />
      {state.isPending ? <Skeleton active /> : null}
      {state.isError ? <Alert type="error" showIcon message={errorMessage(state.error)} /> : null}
      {full && !full.eligible ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={w("notEligible", { dpd: full.dpd, min: full.minDpd })}
        />
      ) : null}
      {estimate ? <EstimateBlock estimate={estimate} /> : null}
      <Form<Values> form={form} layout="vertical" style={{ marginTop: 16 }} requiredMark>
        <Form.Item
          name="principal"
          label={w("partialAmount")}
          extra={w("partialHint", { amount: formatMoney(outstanding) })}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                const fen = toFen(parseAmountInput(value));
                if (fen === null || fen <= 0n) throw new Error(apiMessage("invalid-amount"));
                const max = toFen(outstanding);
                if (max !== null && fen > max) throw new Error(apiMessage("above-principal-outstanding"));
              },
            },
          ]}
        >
          <InputNumber<string>
            stringMode
            prefix="¥"
            controls={false}
            style={{ width: "100%" }}
            placeholder={w("partialPlaceholder")}
            formatter={(value) => groupAmountInput(value)}
            parser={(value) => parseAmountInput(value)}
            inputMode="decimal"
            data-testid="write-off-principal"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={w("reason")}
          rules={[{ required: true, whitespace: true, min: 2, message: w("reasonRequired") }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={w("reasonPlaceholder")}
            data-testid="write-off-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EstimateBlock({ estimate }: { estimate: WriteOffEstimate }) {
  const { t } = useTranslation();
  const w = (key: string, params: Record<string, unknown> = {}) => t(`workout.writeOff.${key}`, params);
  const partial = estimate.scope === "partial";
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={2}
        title={w(partial ? "partialAmounts" : "amounts")}
        data-testid="write-off-estimate"
        items={[
          {
            key: "dpd",
            label: w("dpd"),
            children: `${estimate.dpd} · ${w("threshold", { min: estimate.minDpd })}`,
            span: 2,
          },
          { key: "p", label: w("principal"), children: money(estimate.principal) },
          { key: "i", label: w("interest"), children: money(estimate.interest) },
          { key: "n", label: w("penalty"), children: money(estimate.penalty) },
          { key: "f", label: w("fee"), children: money(estimate.fee) },
          {
            key: "t",
            label: <strong>{w("total")}</strong>,
            children: <strong className="num">{formatMoneyLong(estimate.total)}</strong>,
            span: 2,
          },
          { key: "pv", label: w("provision"), children: money(estimate.provision) },
          { key: "e", label: w("expense"), children: money(estimate.expense) },
        ]}
      />
      {partial ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="write-off-partial-rule"
          message={w("partialRule")}
        />
      ) : null}
    </>
  );
}
