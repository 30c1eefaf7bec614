import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LockOutlined,
  QuestionCircleOutlined,
} from "@ant-design/icons";
import { Alert, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Dispute, RunStatus, Stage, Warning } from "../../api/payroll.ts";

// UI.md: draft grey, in progress blue, approved green; locked is final, shown with its lock.
const RUN_STYLE: Record<RunStatus, { color: string; icon: ReactNode }> = {
  draft: { color: "default", icon: <EditOutlined /> },
  reviewed: { color: "blue", icon: <ClockCircleOutlined /> },
  approved: { color: "green", icon: <CheckCircleOutlined /> },
  locked: { color: "purple", icon: <LockOutlined /> },
};

export function RunStatusTag({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  const style = RUN_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="run-status">
      {t(`payroll.runStatus.${status}`)}
    </Tag>
  );
}

const STAGE_COLOR: Record<Stage, string> = {
  probation: "cyan",
  "first-month": "geekblue",
  regular: "default",
};

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLOR[stage]}>{t(`payroll.stage.${stage}`)}</Tag>;
}

const DISPUTE_STYLE: Record<Dispute["status"], { color: string; icon: ReactNode }> = {
  open: { color: "gold", icon: <QuestionCircleOutlined /> },
  resolved: { color: "green", icon: <CheckCircleOutlined /> },
  rejected: { color: "red", icon: <CloseCircleOutlined /> },
};

export function DisputeStatusTag({ status }: { status: Dispute["status"] }) {
  const { t } = useTranslation();
  const style = DISPUTE_STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon}>
      {t(`payroll.disputeStatus.${status}`)}
    </Tag>
  );
}

/** A statement line's name; unknown codes show as they are. */
export function useLineName() {
  const { t } = useTranslation();
  return (code: string) => t(`payroll.lines.${code}`, { defaultValue: code });
}

/** The plan's and run's warnings (missing management-commission rates first), worded by the server. */
export function WarningsAlert({ warnings, className }: { warnings: Warning[]; className?: string }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className={className ?? "section-gap"}
      data-testid="plan-warnings"
      title={t("payroll.warningsTitle", { count: warnings.length })}
      description={
        <ul className="warning-list">
          {warnings.map((w) => (
            <li key={`${w.code}-${JSON.stringify(w.params)}`}>{w.message}</li>
          ))}
        </ul>
      }
    />
  );
}
