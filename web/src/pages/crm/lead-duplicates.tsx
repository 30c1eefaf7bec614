// The records a phone or ID number already belongs to (撞单), naming whose they are.
import { IdcardOutlined, UserOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { DuplicateMatch } from "../../api/crm-leads.ts";
import { formatDate } from "../../format.ts";
import { LeadStageTag } from "./lead-tags.tsx";

export function DuplicateList({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  return (
    <ul className="lead-duplicates" data-testid="duplicate-list">
      {matches.map((m) => (
        <li key={`${m.kind}-${m.id}`}>
          <Tag
            icon={m.kind === "lead" ? <UserOutlined /> : <IdcardOutlined />}
            color={m.kind === "lead" ? "blue" : "purple"}
          >
            {t(`crmLeads.duplicate.${m.kind}`)}
          </Tag>
          {m.visible ? <Link to={`/crm/leads/${m.id}`}>{m.name}</Link> : <strong>{m.name}</strong>}
          <span className="lead-duplicate-owner" data-testid="duplicate-owner">
            {m.ownerName
              ? t("crmLeads.duplicate.owner", { name: m.ownerName })
              : t("crmLeads.duplicate.noOwner")}
          </span>
          {m.stage ? <LeadStageTag stage={m.stage} /> : null}
          <span className="muted small">
            {t("crmLeads.duplicate.matchedOn", {
              fields: m.matchedOn.map((f) => t(`crmLeads.duplicate.${f}`)).join(t("common.listSeparator")),
            })}
            {" · "}
            {t("crmLeads.duplicate.since", { date: formatDate(m.createdAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
