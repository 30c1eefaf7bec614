// Tags of a lead: its stage (in progress blue, intent gold, won green, invalid grey), intent level,
// source and follow-up date. UI.md: never colour alone — each tag also says it in words.
import {
  CalendarOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  PhoneOutlined,
  StopOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { IntentLevel, LeadSource, LeadStage } from "../../api/crm-leads.ts";
import { todayInChina } from "../../format.ts";

const STAGE_LOOK: Record<LeadStage, { color: string; icon: ReactNode }> = {
  new: { color: "default", icon: <ClockCircleOutlined /> },
  contacted: { color: "blue", icon: <PhoneOutlined /> },
  intent: { color: "gold", icon: <SyncOutlined /> },
  appointment: { color: "orange", icon: <CalendarOutlined /> },
  applied: { color: "cyan", icon: <CheckCircleOutlined /> },
  disbursed: { color: "green", icon: <CheckCircleOutlined /> },
  invalid: { color: "default", icon: <StopOutlined /> },
};

export function LeadStageTag({ stage }: { stage: LeadStage }) {
  const { t } = useTranslation();
  const look = STAGE_LOOK[stage];
  return (
    <Tag color={look.color} icon={look.icon} data-testid="lead-stage">
      {t(`crmLeads.stage.${stage}`)}
    </Tag>
  );
}

const INTENT_COLOR: Record<IntentLevel, string> = { A: "red", B: "orange", C: "blue" };

export function IntentTag({ level }: { level: IntentLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <span className="muted">—</span>;
  return <Tag color={INTENT_COLOR[level]}>{t("crmLeads.intent", { level })}</Tag>;
}

export function SourceText({ source }: { source: LeadSource }) {
  const { t } = useTranslation();
  return <>{t(`crmLeads.source.${source}`)}</>;
}

/** The next follow-up date, flagged when overdue or today (open leads only). */
export function FollowUpDate({ date, open }: { date: string | null; open: boolean }) {
  const { t } = useTranslation();
  if (!date) return <span className="muted">—</span>;
  const today = todayInChina();
  if (open && date < today)
    return (
      <span className="num">
        {date}{" "}
        <Tag color="red" bordered={false}>
          {t("crmLeads.overdueTag")}
        </Tag>
      </span>
    );
  if (open && date === today)
    return (
      <span className="num">
        {date}{" "}
        <Tag color="gold" bordered={false}>
          {t("crmLeads.todayTag")}
        </Tag>
      </span>
    );
  return <span className="num">{date}</span>;
}

/** Talk time as "2分05秒". */
export function useTalkTime() {
  const { t } = useTranslation();
  return (seconds: number) =>
    t("crmCalls.duration", { m: Math.floor(seconds / 60), s: String(seconds % 60).padStart(2, "0") });
}
