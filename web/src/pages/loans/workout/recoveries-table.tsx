import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Empty, Input, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../../api/auth.ts";
import { errorMessage } from "../../../api/client.ts";
import { type LoanDetail, proposeReversal, receiptUrl } from "../../../api/servicing.ts";
import type { Recovery } from "../../../api/workout.ts";
import { formatMoney } from "../../../format.ts";
import { money } from "../money.tsx";
import { useRefresh } from "./use-refresh.ts";

/**
 * 核销后收回记录 with 冲正: finance proposes reversing a recovery with a reason; another person with
 * approval rights approves it on the loan page's reversals tab, like a repayment reversal.
 */
export function RecoveriesTable({
  loan,
  recoveries,
  onChanged,
}: {
  loan: LoanDetail;
  recoveries: Recovery[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe().data;
  const refresh = useRefresh(onChanged);
  const canPost = hasPermission(me, "repayments.post");
  const rc = (key: string, params: Record<string, unknown> = {}) => t(`workout.recovery.${key}`, params);
  const pending = new Set(loan.reversals.filter((r) => r.status === "pending").map((r) => r.transactionId));

  const propose = (recovery: Recovery) => {
    let reason = "";
    modal.confirm({
      title: rc("reverseTitle", { amount: formatMoney(recovery.amount), date: recovery.date }),
      width: 520,
      content: (
        <Space direction="vertical" style={{ width: "100%" }}>
          <span className="muted">{rc("reverseHint")}</span>
          <Input.TextArea
            rows={3}
            maxLength={500}
            aria-label={t("servicing.detail.reversalReason")}
            placeholder={rc("reverseReasonPlaceholder")}
            data-testid="recovery-reverse-reason"
            onChange={(e) => {
              reason = e.target.value;
            }}
          />
        </Space>
      ),
      okText: rc("reverse"),
      okButtonProps: { danger: true, "data-testid": "recovery-reverse-submit" } as ButtonProps,
      onOk: async () => {
        if (reason.trim().length < 2) {
          message.error(t("servicing.detail.reversalReasonRequired"));
          throw new Error("reason");
        }
        try {
          await proposeReversal(loan.id, recovery.id, reason.trim());
          message.success(t("servicing.detail.reversalProposed"));
          refresh();
        } catch (error) {
          message.error(errorMessage(error));
          throw error;
        }
      },
    });
  };

  return (
    <Table<Recovery>
      rowKey="id"
      size="small"
      dataSource={recoveries}
      pagination={false}
      data-testid="recoveries-table"
      rowClassName={(r) => (r.reversedBy ? "workout-reversed" : "")}
      title={() => <strong>{t("workout.panel.recoveries")}</strong>}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("workout.panel.noRecoveries")} />
        ),
      }}
      columns={[
        { title: rc("date"), dataIndex: "date", width: 104 },
        { title: rc("amount"), dataIndex: "amount", align: "right", render: money },
        {
          title: rc("channel"),
          dataIndex: "channel",
          render: (v: string | null) => (v ? t(`servicing.channel.${v}`) : "—"),
        },
        { title: rc("reference"), dataIndex: "reference", render: (v: string | null) => v ?? "—" },
        {
          title: t("common.actions"),
          key: "actions",
          width: 170,
          render: (_, r) => (
            <Space size={4} wrap>
              <a href={receiptUrl(loan.id, r.id)} target="_blank" rel="noreferrer">
                <FilePdfOutlined /> {rc("receipt")}
              </a>
              {r.reversedBy ? <Tag color="red">{rc("reversed")}</Tag> : null}
              {pending.has(r.id) ? <Tag color="gold">{t("servicing.detail.pendingReversal")}</Tag> : null}
              {canPost && !r.reversedBy && !pending.has(r.id) ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => propose(r)}
                  data-testid="recovery-reverse"
                >
                  {rc("reverse")}
                </Button>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}
