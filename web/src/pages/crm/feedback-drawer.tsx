// One feedback or complaint: its facts, its time limit, and the next steps its status allows
// (start, resolve with the outcome, close, reopen); "由我处理" takes it over.
import { App, Button, Descriptions, Drawer, Input, Space, Steps } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  crmApi,
  FEEDBACK_NEXT,
  type Feedback,
  type FeedbackStatus,
  useCrmMutation,
} from "../../api/crm-engagement.ts";
import { formatDateTime } from "../../format.ts";
import { FeedbackStatusTag, SlaTag } from "./feedback-tags.tsx";

const STEPS: FeedbackStatus[] = ["open", "in-progress", "resolved", "closed"];

export function FeedbackDrawer({ item, onClose }: { item: Feedback | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const move = useCrmMutation(crmApi.moveFeedback);
  const assign = useCrmMutation(crmApi.assignFeedback);
  const [outcome, setOutcome] = useState("");
  // A different case (or a new outcome from the server) starts the text afresh.
  const itemOutcome = item?.outcome ?? "";
  const itemId = item?.id;
  useEffect(() => {
    if (itemId !== undefined) setOutcome(itemOutcome);
  }, [itemId, itemOutcome]);
  if (!item) return <Drawer open={false} onClose={onClose} />;

  const go = async (status: FeedbackStatus) => {
    if (status === "resolved" && !outcome.trim()) {
      message.warning(t("crmKpi.feedback.outcomeRequired"));
      return;
    }
    try {
      await move.mutateAsync({
        id: item.id,
        status,
        outcome: status === "resolved" ? outcome.trim() : undefined,
      });
      message.success(t("crmKpi.feedback.moved"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const next = FEEDBACK_NEXT[item.status];
  const myId = me.data?.user.id;

  return (
    <Drawer
      open
      width={560}
      onClose={onClose}
      title={t("crmKpi.feedback.detailTitle", { refNo: item.refNo, subject: item.subject })}
      data-testid="feedback-drawer"
      extra={<FeedbackStatusTag status={item.status} />}
    >
      <Steps
        size="small"
        current={STEPS.indexOf(item.status)}
        items={STEPS.map((s) => ({ title: t(`crmKpi.feedback.status.${s}`) }))}
      />
      <Descriptions column={1} size="small" bordered className="section-gap-top">
        <Descriptions.Item label={t("crmKpi.feedback.fields.kind")}>
          {t(`crmKpi.feedback.kinds.${item.kind}`)} ·{" "}
          {t(`crmKpi.feedback.categories.${item.category}`, { defaultValue: item.category })}
        </Descriptions.Item>
        <Descriptions.Item label={t("crmKpi.feedback.fields.contactName")}>
          {item.contactName} · {t(`crmKpi.feedback.channels.${item.channel}`, { defaultValue: item.channel })}
        </Descriptions.Item>
        {item.leadName ? (
          <Descriptions.Item label={t("crmKpi.feedback.fields.lead")}>{item.leadName}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t("crmKpi.feedback.fields.receivedAt")}>
          {formatDateTime(item.receivedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t("crmKpi.feedback.fields.dueAt")}>
          <Space wrap>
            <span className="num">{formatDateTime(item.dueAt)}</span>
            <span className="muted">{t("crmKpi.feedback.sla", { hours: item.slaHours })}</span>
            <SlaTag item={item} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("crmKpi.feedback.fields.owner")}>
          <Space>
            {item.ownerName ?? "—"}
            {myId && item.ownerId !== myId && item.status !== "closed" ? (
              <Button
                size="small"
                onClick={() =>
                  assign
                    .mutateAsync({ id: item.id, ownerId: myId })
                    .catch((e) => message.error(errorMessage(e)))
                }
              >
                {t("crmKpi.feedback.takeOver")}
              </Button>
            ) : null}
          </Space>
        </Descriptions.Item>
        {item.detail ? (
          <Descriptions.Item label={t("crmKpi.feedback.fields.detail")}>{item.detail}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <div className="section-gap-top">
        <div className="field-label">{t("crmKpi.feedback.fields.outcome")}</div>
        <Input.TextArea
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          rows={4}
          maxLength={2000}
          disabled={item.status === "closed" || item.status === "resolved"}
          aria-label={t("crmKpi.feedback.fields.outcome")}
          data-testid="feedback-outcome"
        />
      </div>
      <Space className="section-gap-top" wrap>
        {next.map((status) => (
          <Button
            key={status}
            type={status === "resolved" ? "primary" : "default"}
            loading={move.isPending}
            onClick={() => go(status)}
            data-testid={`feedback-to-${status}`}
          >
            {item.status === "resolved" && status === "in-progress"
              ? t("crmKpi.feedback.actions.reopen")
              : t(`crmKpi.feedback.actions.${status}`)}
          </Button>
        ))}
      </Space>
    </Drawer>
  );
}
