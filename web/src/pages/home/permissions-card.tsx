import { Card, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/types.ts";

export function PermissionsCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t("home.myPermissions")}
      className="full-height-card"
      extra={
        <Typography.Text type="secondary">
          {t("home.permissionCount", { count: me.permissions.length })}
        </Typography.Text>
      }
    >
      <div className="tag-list">
        {me.permissions.map((key) => (
          <Tag key={key} title={key}>
            {t(`permissions.${key}`, { defaultValue: key })}
          </Tag>
        ))}
      </div>
    </Card>
  );
}
