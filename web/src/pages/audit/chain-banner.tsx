import { ReloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useAuditChain } from "../../api/audit.ts";
import { errorMessage } from "../../api/client.ts";

/** The hash chain's verdict at the top of the audit page, with a button to walk it again. */
export function ChainBanner() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chain = useAuditChain();
  const report = chain.data;
  const reverify = async () => {
    const result = await chain.refetch();
    if (result.data) message.success(t("audit.verified"));
  };
  const action = (
    <Button
      size="small"
      icon={<ReloadOutlined />}
      loading={chain.isFetching}
      onClick={() => void reverify()}
      data-testid="reverify"
    >
      {t("audit.reverify")}
    </Button>
  );
  if (chain.isError && !report) {
    return (
      <Alert
        type="warning"
        showIcon
        title={errorMessage(chain.error)}
        action={action}
        className="section-gap"
      />
    );
  }
  if (!report) {
    return <Alert type="info" showIcon title={t("audit.chainChecking")} className="section-gap" />;
  }
  return report.ok ? (
    <Alert
      type="success"
      showIcon
      icon={<SafetyCertificateOutlined />}
      title={t("audit.chainOk", { count: report.checked })}
      action={action}
      className="section-gap"
      data-testid="chain-banner"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      title={t("audit.chainBroken", { id: report.brokenAt, reason: report.reason })}
      action={action}
      className="section-gap"
      data-testid="chain-banner"
    />
  );
}
