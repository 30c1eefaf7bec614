import { CheckCircleOutlined, LockOutlined, StopOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { UserStatus } from "../api/types.ts";

// UI.md: the same colours everywhere, and never colour alone — every tag has an icon and a word.
export function UserStatusTag({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return status === "active" ? (
    <Tag color="green" icon={<CheckCircleOutlined />}>
      {t("status.active")}
    </Tag>
  ) : (
    <Tag icon={<StopOutlined />}>{t("status.disabled")}</Tag>
  );
}

export function LockedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<LockOutlined />}>
      {t("status.locked")}
    </Tag>
  );
}
