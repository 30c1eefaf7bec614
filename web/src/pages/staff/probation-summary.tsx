import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  MinusCircleOutlined,
} from "@ant-design/icons";
import { Card, Progress, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ProbationView } from "../../api/staff.ts";

/** Calendar days of the probation (7 by default), counted from the dates the server sends. */
export function probationDays(p: { startsOn: string; endsOn: string }): number {
  return Math.round((Date.parse(p.endsOn) - Date.parse(p.startsOn)) / 86_400_000) + 1;
}

/** Which day of the probation today is (1 … days), for an open one. */
export function probationDay(p: ProbationView): number {
  const days = probationDays(p);
  return Math.min(days, Math.max(1, days - (p.daysLeft ?? 0) + 1));
}

export function ProbationStateTag({ probation }: { probation: ProbationView }) {
  const { t } = useTranslation();
  if (probation.state === "passed")
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t("staff.probation.state.passed")}
      </Tag>
    );
  if (probation.state === "failed")
    return (
      <Tag color="red" icon={<CloseCircleOutlined />}>
        {t("staff.probation.state.failed")}
        {probation.outcomeReason || probation.reason
          ? ` · ${t(`staff.probation.failReason.${probation.outcomeReason ?? probation.reason}`)}`
          : ""}
      </Tag>
    );
  return (
    <Tag color="blue" icon={<ClockCircleOutlined />}>
      {t("staff.probation.state.open")}
    </Tag>
  );
}

/** Whether 通关 and the leader's approval are there yet, each as its own tag. */
export function ProbationChecks({ probation }: { probation: ProbationView }) {
  const { t } = useTranslation();
  const gate =
    probation.state === "passed" ||
    (probation.state === "open" && !probation.missing?.includes("gate")) ||
    (probation.state === "failed" && probation.reason === "not-approved");
  const decision = probation.leaderDecision;
  return (
    <span className="tag-list">
      {gate ? (
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {t("staff.probation.gatePassed")}
        </Tag>
      ) : (
        <Tag icon={<MinusCircleOutlined />}>{t("staff.probation.gatePending")}</Tag>
      )}
      {decision === "approved" ? (
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {t("staff.probation.approvedBy", { name: probation.leaderName ?? "" })}
        </Tag>
      ) : decision === "rejected" ? (
        <Tag color="red" icon={<CloseCircleOutlined />}>
          {t("staff.probation.rejectedBy", { name: probation.leaderName ?? "" })}
        </Tag>
      ) : (
        <Tag icon={<MinusCircleOutlined />}>{t("staff.probation.approvalPending")}</Tag>
      )}
    </span>
  );
}

/** The probation on a staff record: its days, progress and what it still needs. */
export function ProbationSummary({ probation }: { probation: ProbationView }) {
  const { t } = useTranslation();
  const days = probationDays(probation);
  const open = probation.state === "open";
  return (
    <Card
      size="small"
      className="section-gap"
      title={t("staff.probation.title", { days })}
      extra={<ProbationStateTag probation={probation} />}
      data-testid="staff-probation"
    >
      <div className="probation-row">
        <span className="num muted">
          {probation.startsOn} ~ {probation.endsOn}
        </span>
        {open ? (
          <Progress
            percent={Math.round((probationDay(probation) / days) * 100)}
            format={() => t("staff.probation.dayOf", { day: probationDay(probation), days })}
            size="small"
            style={{ maxWidth: 260 }}
          />
        ) : null}
        <ProbationChecks probation={probation} />
      </div>
      {probation.leaderComment ? (
        <div className="muted section-gap-top">{probation.leaderComment}</div>
      ) : null}
    </Card>
  );
}
