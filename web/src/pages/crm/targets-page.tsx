// 营销目标: the teams' monthly plan against what they disbursed (chart, then the table behind it, where a
// sales director sets a month's target), and the campaigns' cost → leads → applications → disbursed.
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { TargetsCampaigns } from "./targets-campaigns.tsx";
import { TargetsPlan } from "./targets-plan.tsx";

export function TargetsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.targets.title"));
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "campaigns" ? "campaigns" : "plan";
  return (
    <div data-testid="targets-page">
      <PageHeader title={t("crmKpi.targets.title")} subtitle={t("crmKpi.targets.subtitle")} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === "plan" ? {} : { tab: key }, { replace: true })}
        items={[
          { key: "plan", label: t("crmKpi.targets.tabs.plan"), children: <TargetsPlan /> },
          { key: "campaigns", label: t("crmKpi.targets.tabs.campaigns"), children: <TargetsCampaigns /> },
        ]}
      />
    </div>
  );
}
