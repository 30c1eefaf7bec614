import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, stepApi } from "../../api/applications.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { useStepSubmit } from "./use-step-submit.ts";

type VoteValues = { comment?: string; conditions?: string };

/**
 * A committee member's vote: approve, or reject with a required comment; conditions optional. The
 * decision is confirmed in a dialog with the comment, so one click never casts a vote by accident.
 */
export function VoteButtons({
  app,
  seatName,
  onVoted,
}: {
  app: ApplicationDetail;
  seatName: string;
  onVoted?: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<"approve" | "reject" | null>(null);
  const [form] = Form.useForm<VoteValues>();
  const step = useStepSubmit<VoteValues, { status: string }>({
    form,
    run: (v) =>
      stepApi.vote(app.id, {
        decision: decision ?? "approve",
        comment: v.comment?.trim() || null,
        conditions: v.conditions?.trim() || null,
      }),
    success: (r) =>
      r.status === "approved"
        ? t("applications.committee.votedApproved")
        : r.status === "rejected"
          ? t("applications.committee.votedRejected")
          : t("applications.committee.voted"),
    onDone: () => {
      setDecision(null);
      form.resetFields();
      onVoted?.();
    },
  });

  return (
    <div className="vote-buttons" data-testid="vote-buttons">
      <Button
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => setDecision("approve")}
        data-testid="vote-approve"
      >
        {t("applications.committee.approve")}
      </Button>
      <Button danger icon={<CloseOutlined />} onClick={() => setDecision("reject")} data-testid="vote-reject">
        {t("applications.committee.reject")}
      </Button>
      <span className="muted small">{t("applications.committee.asSeat", { seat: seatName })}</span>
      <Modal
        open={decision !== null}
        title={
          decision === "reject"
            ? t("applications.committee.rejectTitle", { appNo: app.appNo })
            : t("applications.committee.approveTitle", { appNo: app.appNo })
        }
        okText={
          decision === "reject"
            ? t("applications.committee.confirmReject")
            : t("applications.committee.confirmApprove")
        }
        okButtonProps={{
          danger: decision === "reject",
          loading: step.pending,
          disabled: step.pending,
          "data-testid": "vote-confirm",
        }}
        onOk={() => form.submit()}
        onCancel={() => {
          setDecision(null);
          step.clearError();
        }}
        destroyOnHidden
      >
        <Form<VoteValues> form={form} layout="vertical" onFinish={step.submit} disabled={step.pending}>
          {step.error ? (
            <Alert
              type="error"
              showIcon
              title={step.error}
              className="section-gap"
              data-testid="step-error"
            />
          ) : null}
          <Form.Item
            name="comment"
            label={t("applications.committee.comment")}
            required={decision === "reject"}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if (decision === "reject" && !value?.trim()) throw new Error(apiMessage("required"));
                },
              },
            ]}
            extra={decision === "reject" ? t("applications.committee.rejectCommentHelp") : undefined}
          >
            <Input.TextArea
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              autoFocus
              data-testid="vote-comment"
            />
          </Form.Item>
          {decision === "approve" ? (
            <Form.Item
              name="conditions"
              label={t("applications.committee.conditionsOptional")}
              extra={t("applications.committee.conditionsHelp")}
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          ) : null}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      </Modal>
    </div>
  );
}
