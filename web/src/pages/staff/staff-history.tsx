import { CheckCircleOutlined, CloseCircleOutlined } from "@ant-design/icons";
import { Empty, Table, Tag, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Assignment, HistoryEntry, StaffDetail } from "../../api/staff.ts";
import { formatDateTime, formatMoney } from "../../format.ts";
import { DirectionTag, ProposalStatusTag, useStaffNames } from "./staff-parts.tsx";

/** 任职记录: every seat with the dates it held, newest first; the open one has no end. */
export function AssignmentsTable({ rows }: { rows: Assignment[] }) {
  const { t } = useTranslation();
  const names = useStaffNames();
  const c = (key: string) => t(`staff.columns.${key}`);
  return (
    <Table<Assignment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 720 }}
      data-testid="staff-assignments"
      columns={[
        {
          title: c("validity"),
          key: "validity",
          width: 200,
          render: (_, row) => (
            <span className="num">
              {row.validFrom} ~ {row.validTo ?? t("staff.detail.open")}
            </span>
          ),
        },
        { title: c("position"), dataIndex: "position", width: 110, render: (v: string) => names.position(v) },
        {
          title: c("department"),
          key: "department",
          width: 140,
          render: (_, row) => (
            <>
              {names.department(row.departmentId, row.departmentName)}
              {row.team ? <div className="muted">{row.team}</div> : null}
            </>
          ),
        },
        { title: c("manager"), dataIndex: "managerName", width: 90, render: (v: string | null) => v ?? "—" },
        {
          title: c("reason"),
          dataIndex: "reason",
          width: 80,
          render: (v: string) => <Tag>{t(`staff.assignmentReason.${v}`)}</Tag>,
        },
        { title: c("note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
      ]}
    />
  );
}

/** 职级: the rank history, then every quarterly review proposal about the person. */
export function RankHistory({ staff }: { staff: StaffDetail }) {
  const { t } = useTranslation();
  const names = useStaffNames();
  if (staff.rankHistory.length === 0 && staff.rankReviews.length === 0)
    return <Empty description={t("staff.detail.noRank")} />;
  return (
    <>
      <Timeline
        className="section-gap"
        items={staff.rankHistory.map((r) => ({
          key: `${r.effectiveFrom}-${r.rank}`,
          color: r.reason === "hire" ? "blue" : "green",
          content: (
            <div>
              <div className="timeline-head">
                <span className="num muted timeline-time">{r.effectiveFrom}</span>
                <strong>{names.rank(r.rank)}</strong>
                {r.previousRank ? <span className="muted">← {names.rank(r.previousRank)}</span> : null}
                <Tag>{t(`staff.rankReason.${r.reason}`)}</Tag>
              </div>
              {r.note || r.by ? (
                <div className="muted timeline-detail">{[r.note, r.by].filter(Boolean).join(" · ")}</div>
              ) : null}
            </div>
          ),
        }))}
      />
      {staff.rankReviews.length ? (
        <>
          <Typography.Title level={5}>{t("staff.detail.reviews")}</Typography.Title>
          <Table
            rowKey={(r) => `${r.reviewId}`}
            size="small"
            pagination={false}
            dataSource={staff.rankReviews}
            columns={[
              { title: t("staff.ranks.columns.effectiveFrom"), dataIndex: "effectiveFrom", width: 110 },
              {
                title: t("staff.ranks.columns.performance"),
                key: "performance",
                render: (_, r) => (
                  <span className="num">
                    {formatMoney(r.performance)} / {formatMoney(r.target)}
                  </span>
                ),
              },
              {
                title: t("staff.ranks.columns.proposal"),
                key: "direction",
                render: (_, r) => <DirectionTag direction={r.direction} rankName={names.rank(r.toRank)} />,
              },
              {
                title: t("staff.ranks.columns.status"),
                dataIndex: "status",
                render: (v) => <ProposalStatusTag status={v} />,
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

type TrainingRow = StaffDetail["training"][number];

/** 培训记录: courses attended, scores and whether each was passed. */
export function TrainingTable({ rows }: { rows: TrainingRow[] }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`staff.training.columns.${key}`);
  if (rows.length === 0) return <Empty description={t("staff.detail.noTraining")} />;
  return (
    <Table<TrainingRow>
      rowKey="sessionId"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: c("heldOn"),
          dataIndex: "heldOn",
          width: 110,
          render: (v: string) => <span className="num">{v}</span>,
        },
        {
          title: c("course"),
          dataIndex: "course",
          render: (v: string, row) => t(`staff.courses.${v}`, { defaultValue: row.courseName }),
        },
        {
          title: c("attended"),
          dataIndex: "attended",
          width: 90,
          render: (v: boolean) => (v ? t("common.yes") : t("common.no")),
        },
        { title: c("score"), dataIndex: "score", width: 80, render: (v: number | null) => v ?? "—" },
        {
          title: c("result"),
          dataIndex: "passed",
          width: 100,
          render: (v: boolean) =>
            v ? (
              <Tag color="green" icon={<CheckCircleOutlined />}>
                {t("staff.training.passed")}
              </Tag>
            ) : (
              <Tag color="red" icon={<CloseCircleOutlined />}>
                {t("staff.training.notPassed")}
              </Tag>
            ),
        },
      ]}
    />
  );
}

/** 操作记录: every audited change to the record, newest first. */
export function StaffTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t("staff.detail.noTimeline")} />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.id,
        color: entry.action.includes("fail") || entry.action.includes("left") ? "red" : "blue",
        content: (
          <div className="timeline-head">
            <span className="num muted timeline-time">{formatDateTime(entry.at)}</span>
            <Tag className="timeline-action">
              {t(`staff.timelineActions.${entry.action.replace(/\./g, "_")}`, {
                defaultValue: t(`audit.actions.${entry.action}`, { defaultValue: entry.action }),
              })}
            </Tag>
            <span className="timeline-actor">{entry.actorName ?? "—"}</span>
          </div>
        ),
      }))}
    />
  );
}
