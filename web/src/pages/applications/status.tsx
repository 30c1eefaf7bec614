import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  DollarOutlined,
  FieldTimeOutlined,
  RollbackOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationStatus, OriginationSettings } from "../../api/applications.ts";

// UI.md: in progress blue, approved green, rejected red, ended grey — and never colour alone: every
// tag carries an icon and a word.
const STYLE: Record<ApplicationStatus, { color: string; icon: React.ReactNode }> = {
  submitted: { color: "processing", icon: <SyncOutlined /> },
  interviewed: { color: "processing", icon: <SyncOutlined /> },
  qualified: { color: "processing", icon: <SyncOutlined /> },
  assessed: { color: "processing", icon: <SyncOutlined /> },
  "pending-committee": { color: "processing", icon: <SyncOutlined /> },
  approved: { color: "success", icon: <CheckCircleOutlined /> },
  disbursed: { color: "success", icon: <DollarOutlined /> },
  rejected: { color: "error", icon: <CloseCircleOutlined /> },
  withdrawn: { color: "default", icon: <RollbackOutlined /> },
  expired: { color: "default", icon: <ClockCircleOutlined /> },
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  const style = STYLE[status];
  return (
    <Tag color={style.color} icon={style.icon} data-testid="status-tag">
      {t(`applications.status.${status}`)}
    </Tag>
  );
}

/** The seven steps of DOMAIN.md §5, as the Steps bar shows them. */
export const STEPS = [
  "apply",
  "interview",
  "qualification",
  "assessment",
  "riskPlan",
  "decision",
  "postLoan",
] as const;
export type StepKey = (typeof STEPS)[number];

/** Index of the step an open status is waiting for (approved still waits inside step 6). */
export const WAITING_STEP: Partial<Record<ApplicationStatus, number>> = {
  submitted: 1,
  interviewed: 2,
  qualified: 3,
  assessed: 4,
  "pending-committee": 5,
  approved: 5,
  disbursed: 6,
};

export function hoursSince(iso: string, now = Date.now()): number {
  return Math.max(0, (now - new Date(iso).getTime()) / 3_600_000);
}

/** "3 天" / "5 小时" for time spent in a stage. */
export function useDuration() {
  const { t } = useTranslation();
  return (hours: number): string => {
    if (hours < 1) return t("applications.duration.lessThanHour");
    if (hours < 24) return t("applications.duration.hours", { count: Math.floor(hours) });
    const days = Math.floor(hours / 24);
    const rest = Math.floor(hours - days * 24);
    return rest > 0 && days < 3
      ? t("applications.duration.daysHours", { days, hours: rest })
      : t("applications.duration.days", { count: days });
  };
}

export function stageLimit(status: ApplicationStatus, settings: OriginationSettings): number | null {
  return settings.stageLimitHours[status] ?? null;
}

/** Days in the current stage; red with a clock when past the configured limit. */
export function StageAge({
  status,
  since,
  settings,
}: {
  status: ApplicationStatus;
  since: string;
  settings: OriginationSettings;
}) {
  const { t } = useTranslation();
  const duration = useDuration();
  const hours = hoursSince(since);
  const limit = stageLimit(status, settings);
  const over = limit !== null && hours > limit;
  const text = duration(hours);
  if (limit === null) return <span className="muted num">{text}</span>;
  return (
    <Tooltip title={t("applications.stageLimit", { hours: limit })}>
      <span className={over ? "stage-over num" : "num"} data-over={over ? "true" : undefined}>
        {over ? <FieldTimeOutlined /> : null} {text}
        {over ? <span className="sr-only">{t("applications.overLimit")}</span> : null}
      </span>
    </Tooltip>
  );
}
