// Ending an application by hand: reject with a reason code (reviewers), withdraw (the customer manager).
import { Alert, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  type ApplicationDetail,
  REJECT_REASONS,
  type RejectReason,
  stepApi,
} from "../../api/applications.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { useStepSubmit } from "./use-step-submit.ts";
import "../business.css";

type RejectValues = { reasonCode: RejectReason; comment?: string };

export function RejectModal({
  app,
  open,
  onClose,
}: {
  app: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RejectValues>();
  const step = useStepSubmit<RejectValues, unknown>({
    form,
    run: (v) => stepApi.reject(app.id, { reasonCode: v.reasonCode, comment: v.comment?.trim() || null }),
    success: () => t("applications.reject.done"),
    onDone: onClose,
  });
  return (
    <Modal
      open={open}
      title={t("applications.reject.title", { appNo: app.appNo })}
      okText={t("applications.reject.submit")}
      okButtonProps={{ danger: true, loading: step.pending, disabled: step.pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RejectValues>
        form={form}
        layout="vertical"
        onFinish={step.submit}
        disabled={step.pending}
        requiredMark
      >
        {step.error ? <Alert type="error" showIcon title={step.error} className="section-gap" /> : null}
        <Form.Item
          name="reasonCode"
          label={t("applications.reject.reason")}
          rules={[{ required: true, message: apiMessage("required") }]}
        >
          <Select
            options={REJECT_REASONS.map((r) => ({ value: r, label: t(`applications.rejectReasons.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("applications.reject.comment")}
          extra={t("applications.reject.commentHelp")}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

export function WithdrawModal({
  app,
  open,
  onClose,
}: {
  app: ApplicationDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const step = useStepSubmit<{ reason: string }, unknown>({
    form,
    run: (v) => stepApi.withdraw(app.id, v.reason.trim()),
    success: () => t("applications.withdraw.done"),
    onDone: onClose,
  });
  return (
    <Modal
      open={open}
      title={t("applications.withdraw.title", { appNo: app.appNo })}
      okText={t("applications.withdraw.submit")}
      okButtonProps={{ loading: step.pending, disabled: step.pending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={step.submit}
        disabled={step.pending}
        requiredMark
      >
        {step.error ? <Alert type="error" showIcon title={step.error} className="section-gap" /> : null}
        <Form.Item
          name="reason"
          label={t("applications.withdraw.reason")}
          rules={[
            { required: true, whitespace: true, message: apiMessage("required") },
            { min: 2, message: apiMessage("too-short") },
          ]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t("applications.withdraw.placeholder")}
          />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
