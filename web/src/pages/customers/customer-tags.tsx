import { BankOutlined, StopOutlined, UserOutlined, WarningOutlined } from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Customer, CustomerType, Segment } from "../../api/customers.ts";
import { formatDateTime } from "../../format.ts";

// Type tags stay clear of green/gold/orange/red/magenta, which mean status and loan classification.
export function CustomerTypeTag({ type }: { type: CustomerType }) {
  const { t } = useTranslation();
  return type === "business" ? (
    <Tag color="geekblue" icon={<BankOutlined />}>
      {t("customers.types.business")}
    </Tag>
  ) : (
    <Tag color="cyan" icon={<UserOutlined />}>
      {t("customers.types.individual")}
    </Tag>
  );
}

export function SegmentTag({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  if (segment === "student")
    return (
      <Tooltip title={t("customers.studentNote")}>
        <Tag icon={<WarningOutlined />}>{t("customers.segments.student")}</Tag>
      </Tooltip>
    );
  return <Tag>{t(`customers.segments.${segment}`)}</Tag>;
}

export function BlacklistTag({
  customer,
}: {
  customer: Pick<Customer, "blacklisted" | "blacklistReason" | "blacklistedAt">;
}) {
  const { t } = useTranslation();
  if (!customer.blacklisted) return null;
  return (
    <Tooltip
      title={
        customer.blacklistReason
          ? t("customers.blacklistSince", {
              reason: customer.blacklistReason,
              time: formatDateTime(customer.blacklistedAt),
            })
          : undefined
      }
    >
      <Tag color="red" icon={<StopOutlined />} data-testid="blacklist-tag">
        {t("customers.blacklisted")}
      </Tag>
    </Tooltip>
  );
}
