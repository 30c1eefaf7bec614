import {
  ArrowLeftOutlined,
  BranchesOutlined,
  EditOutlined,
  EyeOutlined,
  MergeCellsOutlined,
  StopOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Dropdown, Result, Skeleton, Tabs, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { type LeadStage, leadApi, OPEN_STAGES, useLead } from "../../api/crm-leads.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatDateTime, formatMoneyLong } from "../../format.ts";
import { LeadCallLogger } from "./lead-call-logger.tsx";
import { LeadConvertModal } from "./lead-convert-modal.tsx";
import { DuplicateList } from "./lead-duplicates.tsx";
import { LeadEditDrawer } from "./lead-edit-drawer.tsx";
import { LeadMergeModal } from "./lead-merge-modal.tsx";
import { LeadReassignModal } from "./lead-reassign-modal.tsx";
import { LeadInvalidModal } from "./lead-stage-modal.tsx";
import { FollowUpDate, IntentTag, LeadStageTag } from "./lead-tags.tsx";
import { LeadTimeline } from "./lead-timeline.tsx";
import "../business.css";
import "./leads-styles.css";

/** The phone in clear for the lead's owner (or pii.unmask), one audited request per look. */
function PhoneValue({ leadId, masked, canReveal }: { leadId: string; masked: string; canReveal: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [clear, setClear] = useState<string | null>(null);
  const reveal = async () => {
    try {
      setClear((await leadApi.reveal(leadId, "phone")).value);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <span className="pii-value">
      <span className="num mono-text" data-testid="lead-phone-value">
        {clear ?? masked}
      </span>
      {canReveal && clear === null ? (
        <Tooltip title={t("crmLeads.logger.revealPhone")}>
          <Button
            type="text"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => void reveal()}
            aria-label={t("crmLeads.logger.revealPhone")}
          />
        </Tooltip>
      ) : null}
    </span>
  );
}

export function LeadDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const query = useLead(id);
  const lead = query.data;
  useDocumentTitle(lead?.name ?? t("crmLeads.title"));
  const [dialog, setDialog] = useState<"edit" | "merge" | "convert" | "reassign" | "invalid" | null>(null);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError || !lead) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={missing ? "404" : "error"}
        title={
          missing
            ? t("crmLeads.detail.notFound")
            : t("common.loadFailed", { message: errorMessage(query.error) })
        }
        subTitle={missing ? t("crmLeads.detail.notFoundHint") : undefined}
        extra={
          <Link to="/crm/leads">
            <Button type="primary">{t("crmLeads.detail.back")}</Button>
          </Link>
        }
      />
    );
  }

  const open = OPEN_STAGES.includes(lead.stage);
  const canAssign = hasPermission(me, "crm.manage");
  const canConvert = hasPermission(me, "customers.write") && hasPermission(me, "applications.create");
  const canReveal = lead.ownerId === me?.user.id || hasPermission(me, "pii.unmask");
  const close = () => setDialog(null);
  const move = async (stage: LeadStage) => {
    try {
      await leadApi.stage(lead.id, { stage });
      message.success(t("crmLeads.detail.moved", { stage: t(`crmLeads.stage.${stage}`) }));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const stageItems = (
    lead.stage === "invalid"
      ? OPEN_STAGES
      : open
        ? OPEN_STAGES.filter((s) => s !== lead.stage)
        : lead.stage === "applied"
          ? (["disbursed"] as LeadStage[])
          : []
  ).map((s) => ({ key: s, label: t(`crmLeads.stage.${s}`), onClick: () => void move(s) }));

  return (
    <div data-testid="lead-detail">
      <Link to="/crm/leads" className="back-link">
        <ArrowLeftOutlined /> {t("crmLeads.detail.back")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span data-testid="lead-title">{lead.name}</span>
            <LeadStageTag stage={lead.stage} />
            {lead.intentLevel ? <IntentTag level={lead.intentLevel} /> : null}
          </span>
        }
        subtitle={`${t("crmLeads.detail.owner")} ${lead.ownerName ?? "—"} · ${t(
          "crmLeads.detail.createdLine",
          {
            source: t(`crmLeads.source.${lead.source}`),
            date: formatDate(lead.createdAt),
          },
        )}`}
        extra={
          <div className="lead-header-actions">
            <Button icon={<EditOutlined />} onClick={() => setDialog("edit")}>
              {t("crmLeads.detail.edit")}
            </Button>
            {stageItems.length ? (
              <Dropdown menu={{ items: stageItems }} trigger={["click"]}>
                <Button icon={<BranchesOutlined />} data-testid="stage-menu">
                  {lead.stage === "invalid" ? t("crmLeads.detail.reopen") : t("crmLeads.detail.stage")}
                </Button>
              </Dropdown>
            ) : null}
            {open ? (
              <Button icon={<StopOutlined />} onClick={() => setDialog("invalid")}>
                {t("crmLeads.detail.markInvalid")}
              </Button>
            ) : null}
            <Button icon={<MergeCellsOutlined />} onClick={() => setDialog("merge")} data-testid="merge-lead">
              {t("crmLeads.detail.merge")}
            </Button>
            {canAssign ? (
              <Button icon={<UserSwitchOutlined />} onClick={() => setDialog("reassign")}>
                {t("crmLeads.detail.reassign")}
              </Button>
            ) : null}
            {open ? (
              <Tooltip title={canConvert ? undefined : t("crmLeads.convert.noPermission")}>
                <Button
                  type="primary"
                  icon={<SwapOutlined />}
                  disabled={!canConvert}
                  onClick={() => setDialog("convert")}
                  data-testid="convert-lead"
                >
                  {t("crmLeads.detail.convert")}
                </Button>
              </Tooltip>
            ) : null}
          </div>
        }
      />
      {lead.duplicates.length ? (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          title={t("crmLeads.detail.duplicatesBanner", { count: lead.duplicates.length })}
          description={<DuplicateList matches={lead.duplicates} />}
          action={
            <Button size="small" onClick={() => setDialog("merge")}>
              {t("crmLeads.detail.merge")}
            </Button>
          }
          data-testid="duplicates-banner"
        />
      ) : null}
      <div className="lead-detail-grid section-gap">
        <div>
          <Card title={t("crmLeads.detail.facts")}>
            <Descriptions column={{ xs: 1, sm: 2, xxl: 3 }} size="small">
              <Descriptions.Item label={t("crmLeads.detail.phone")}>
                <PhoneValue leadId={lead.id} masked={lead.phone} canReveal={canReveal} />
              </Descriptions.Item>
              <Descriptions.Item label={t("crmLeads.detail.idNumber")}>
                <span className="num mono-text">{lead.idNumber ?? "—"}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("crmLeads.detail.amount")}>
                {lead.wantedAmount ? formatMoneyLong(lead.wantedAmount) : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={t("crmLeads.detail.followUp")}>
                <FollowUpDate date={lead.nextFollowUpOn} open={open} />
              </Descriptions.Item>
              <Descriptions.Item label={t("crmLeads.detail.lastContact")}>
                <span className="num">{formatDateTime(lead.lastContactAt)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("crmLeads.detail.city")}>{lead.city ?? "—"}</Descriptions.Item>
              {lead.referrer ? (
                <Descriptions.Item label={t("crmLeads.detail.referrer")}>{lead.referrer}</Descriptions.Item>
              ) : null}
              {lead.campaignName ? (
                <Descriptions.Item label={t("crmLeads.detail.campaign")}>
                  {lead.campaignName}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t("crmLeads.detail.purpose")}>
                {lead.purpose ?? "—"}
              </Descriptions.Item>
              {lead.invalidReason ? (
                <Descriptions.Item label={t("crmLeads.detail.invalidReason")}>
                  {t(`crmLeads.invalidReason.${lead.invalidReason}`, { defaultValue: lead.invalidReason })}
                </Descriptions.Item>
              ) : null}
              {lead.customerId ? (
                <Descriptions.Item label={t("crmLeads.detail.customer")}>
                  <Link to={`/customers/${lead.customerId}`}>{t("crmLeads.detail.openCustomer")}</Link>
                </Descriptions.Item>
              ) : null}
              {lead.applicationId ? (
                <Descriptions.Item label={t("crmLeads.detail.application")}>
                  <Link to={`/applications/${lead.applicationId}`}>
                    {t("crmLeads.detail.openApplication")}
                  </Link>
                </Descriptions.Item>
              ) : null}
              {lead.notes ? (
                <Descriptions.Item label={t("crmLeads.detail.notes")} span={3}>
                  <span style={{ whiteSpace: "pre-wrap" }}>{lead.notes}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {lead.mergedFrom.length ? (
              <div className="muted small">
                {t("crmLeads.detail.mergedFrom", {
                  names: lead.mergedFrom.map((m) => m.name).join(t("common.listSeparator")),
                })}
              </div>
            ) : null}
          </Card>
          <Card className="section-gap">
            <Tabs
              items={[
                {
                  key: "timeline",
                  label: t("crmLeads.detail.timeline"),
                  children: <LeadTimeline items={lead.timeline} />,
                },
                {
                  key: "calls",
                  label: t("crmLeads.detail.calls", { count: lead.callCount }),
                  children: <LeadTimeline items={lead.timeline.filter((i) => i.kind === "call")} />,
                },
              ]}
            />
          </Card>
        </div>
        <div className="lead-detail-side">
          <LeadCallLogger lead={lead} />
        </div>
      </div>
      <LeadEditDrawer lead={lead} open={dialog === "edit"} onClose={close} />
      <LeadMergeModal lead={lead} open={dialog === "merge"} onClose={close} />
      {canConvert ? <LeadConvertModal lead={lead} open={dialog === "convert"} onClose={close} /> : null}
      {canAssign ? (
        <LeadReassignModal leadIds={[lead.id]} open={dialog === "reassign"} onClose={close} />
      ) : null}
      <LeadInvalidModal lead={dialog === "invalid" ? lead : null} onClose={close} />
    </div>
  );
}
