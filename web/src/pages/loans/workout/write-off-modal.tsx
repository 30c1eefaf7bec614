import { Alert, App, type ButtonProps, Descriptions, Form, Input, Modal, Skeleton } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/client.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import { proposeWriteOff, useWriteOff } from "../../../api/workout.ts";
import { formatMoney, formatMoneyLong } from "../../../format.ts";

const money = (value: string) => <span className="num">{formatMoney(value)}</span>;

/** 提议核销: what would leave the books (estimated today; approval recomputes it) and the reason. */
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
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const state = useWriteOff(loan.id);
  const w = (key: string, params: Record<string, unknown> = {}) => t(`workout.writeOff.${key}`, params);
  const estimate = state.data?.estimate ?? null;

  const submit = async () => {
    const { reason } = await form.validateFields();
    setSubmitting(true);
    try {
      await proposeWriteOff(loan.id, reason.trim());
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
      okText={w("submit")}
      okButtonProps={
        {
          danger: true,
          loading: submitting,
          disabled: !estimate,
          "data-testid": "write-off-submit",
        } as ButtonProps
      }
      destroyOnHidden
      width={620}
      data-testid="write-off-modal"
    >
      <Alert type="info" showIcon message={w("hint")} style={{ marginBottom: 12 }} />
      {state.isPending ? <Skeleton active /> : null}
      {state.isError ? <Alert type="error" showIcon message={errorMessage(state.error)} /> : null}
      {estimate ? (
        <>
          {!estimate.eligible ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={w("notEligible", { dpd: estimate.dpd, min: estimate.minDpd })}
            />
          ) : null}
          <Descriptions
            size="small"
            bordered
            column={2}
            title={w("amounts")}
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
        </>
      ) : null}
      <Form form={form} layout="vertical" style={{ marginTop: 16 }} requiredMark>
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
