// The status and time-limit tags of a feedback case, the same on the list and in the drawer.
import { ClockCircleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Feedback, FeedbackStatus } from "../../api/crm-engagement.ts";

const STATUS_COLOR: Record<FeedbackStatus, string> = {
  open: "default",
  "in-progress": "blue",
  resolved: "green",
  closed: "default",
};

export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`crmKpi.feedback.status.${status}`)}</Tag>;
}

/** Overdue in red, the hours left while open, late or on time once resolved. */
export function SlaTag({ item }: { item: Feedback }) {
  const { t } = useTranslation();
  if (item.overdue)
    return (
      <Tag color="red" icon={<ClockCircleOutlined />}>
        {t("crmKpi.feedback.overdue", { hours: Math.abs(item.hoursLeft ?? 0) })}
      </Tag>
    );
  if (item.hoursLeft !== null)
    return (
      <Tag color={item.hoursLeft < 4 ? "orange" : "blue"}>
        {t("crmKpi.feedback.hoursLeft", { hours: item.hoursLeft })}
      </Tag>
    );
  return item.late ? (
    <Tag color="magenta">{t("crmKpi.feedback.late")}</Tag>
  ) : (
    <Tag color="green">{t("crmKpi.feedback.onTime")}</Tag>
  );
}
