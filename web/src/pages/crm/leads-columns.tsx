// The leads table's columns: name (link) with city, masked phone, stage, intent, source, owner,
// follow-up (flagged when overdue or today), last contact, wanted amount.
import { EyeOutlined } from "@ant-design/icons";
import { Button, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { type Lead, OPEN_STAGES } from "../../api/crm-leads.ts";
import { formatDateTime, formatMoney, formatWan, isLargeAmount } from "../../format.ts";
import { FollowUpDate, IntentTag, LeadStageTag } from "./lead-tags.tsx";

export function useLeadColumns(): ColumnsType<Lead> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return [
    {
      title: t("crmLeads.columns.name"),
      dataIndex: "name",
      fixed: "left",
      width: 150,
      render: (name: string, lead) => (
        <div>
          <Link to={`/crm/leads/${lead.id}`} className="strong-link" data-testid="lead-link">
            {name}
          </Link>
          {lead.doNotCall ? (
            <Tag color="red" bordered={false} style={{ marginInlineStart: 6 }}>
              {t("crmLeads.doNotCall")}
            </Tag>
          ) : null}
          {lead.city ? <div className="muted small">{lead.city}</div> : null}
        </div>
      ),
    },
    {
      title: t("crmLeads.columns.phone"),
      dataIndex: "phone",
      width: 120,
      render: (phone: string) => <span className="num mono-text">{phone}</span>,
    },
    {
      title: t("crmLeads.columns.stage"),
      dataIndex: "stage",
      width: 100,
      render: (_: string, lead) => <LeadStageTag stage={lead.stage} />,
    },
    {
      title: t("crmLeads.columns.intent"),
      dataIndex: "intentLevel",
      width: 80,
      sorter: (a, b) => (a.intentLevel ?? "Z").localeCompare(b.intentLevel ?? "Z"),
      render: (_: string, lead) => <IntentTag level={lead.intentLevel} />,
    },
    {
      title: t("crmLeads.columns.source"),
      dataIndex: "source",
      width: 110,
      render: (_: string, lead) => (
        <div>
          {t(`crmLeads.source.${lead.source}`)}
          {lead.campaignName ? <div className="muted small">{lead.campaignName}</div> : null}
          {lead.referrer ? <div className="muted small">{lead.referrer}</div> : null}
        </div>
      ),
    },
    {
      title: t("crmLeads.columns.owner"),
      dataIndex: "ownerName",
      width: 90,
      render: (v: string | null) => v ?? "—",
    },
    {
      title: t("crmLeads.columns.followUp"),
      dataIndex: "nextFollowUpOn",
      width: 150,
      sorter: (a, b) => (a.nextFollowUpOn ?? "9999").localeCompare(b.nextFollowUpOn ?? "9999"),
      render: (date: string | null, lead) => (
        <FollowUpDate date={date} open={OPEN_STAGES.includes(lead.stage)} />
      ),
    },
    {
      title: t("crmLeads.columns.lastContact"),
      dataIndex: "lastContactAt",
      width: 140,
      sorter: (a, b) => (a.lastContactAt ?? "").localeCompare(b.lastContactAt ?? ""),
      render: (at: string | null) => <span className="num muted">{formatDateTime(at)}</span>,
    },
    {
      title: t("crmLeads.columns.amount"),
      dataIndex: "wantedAmount",
      width: 120,
      align: "right",
      sorter: (a, b) => Number(a.wantedAmount ?? 0) - Number(b.wantedAmount ?? 0),
      render: (amount: string | null) =>
        amount ? (
          <div className="num">
            {formatMoney(amount)}
            {isLargeAmount(amount) ? <div className="muted small">{formatWan(amount)}</div> : null}
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 72,
      render: (_: unknown, lead) => (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => navigate(`/crm/leads/${lead.id}`)}
        >
          {t("applications.open")}
        </Button>
      ),
    },
  ];
}
