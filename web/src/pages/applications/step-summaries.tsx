// Read-only records of finished steps: the interview, the qualification checks, the scorecard with
// every factor's points, the risk plan with its APR, the committee's votes, the disbursement.
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  FilePdfOutlined,
  MinusCircleOutlined,
} from "@ant-design/icons";
import { App, Button, Descriptions, Empty, Progress, Table, Tag, Timeline, Tooltip } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  type ApplicationDetail,
  type ApplicationStatus,
  downloadContract,
  type QualificationCheck,
  type Stage,
  type TimelineEntry,
  useLoanBrief,
  type Vote,
} from "../../api/applications.ts";
import { errorMessage } from "../../api/client.ts";
import { formatDateTime, formatMoney, formatMoneyLong, formatPercent, formatRate } from "../../format.ts";
import { useDuration } from "./status.tsx";

export function PassFailIcon({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <CheckCircleFilled className="check-pass" aria-label={t("applications.checks.passed")} />
  ) : (
    <CloseCircleFilled className="check-fail" aria-label={t("applications.checks.failed")} />
  );
}

/** The automatic checks as a pass/fail list, each with the figures it compared. */
export function CheckList({ checks }: { checks: QualificationCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("applications.checks.none")} />;
  return (
    <ul className="check-list" data-testid="check-list">
      {checks.map((c) => (
        <li key={c.key} className={c.passed ? "check-row" : "check-row check-row-failed"}>
          <PassFailIcon passed={c.passed} />
          <span className="check-name">{t(`applications.checks.${c.key}`)}</span>
          <span className="check-result">
            {c.passed ? t("applications.checks.passed") : t("applications.checks.failed")}
          </span>
          <span className="check-detail muted">{c.detail}</span>
        </li>
      ))}
    </ul>
  );
}

const by = (t: TFunction, name: string, at: string) =>
  t("applications.byLine", { name, time: formatDateTime(at) });

export function InterviewSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const i = app.interview;
  if (!i) return null;
  const text = (v: string | null | undefined) => v || <span className="muted">—</span>;
  return (
    <div data-testid="interview-summary">
      <p className="record-notes">{i.notes}</p>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "income",
            label: t("applications.steps.interview.monthlyIncome"),
            children: i.monthlyIncome ? formatMoney(i.monthlyIncome) : text(null),
          },
          {
            key: "debt",
            label: t("applications.steps.interview.monthlyDebt"),
            children: i.monthlyDebt ? formatMoney(i.monthlyDebt) : text(null),
          },
          {
            key: "source",
            label: t("applications.steps.interview.repaymentSource"),
            children: text(i.repaymentSource),
          },
          {
            key: "visited",
            label: t("applications.steps.interview.premisesVisited"),
            children: i.premisesVisited ? t("common.yes") : t("common.no"),
          },
          ...(i.businessDescription
            ? [
                {
                  key: "business",
                  label: t("applications.steps.interview.businessDescription"),
                  children: i.businessDescription,
                  span: 2,
                },
              ]
            : []),
        ]}
      />
      <div className="muted small">{by(t, i.by, i.at)}</div>
    </div>
  );
}

export function QualificationSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const q = app.qualification;
  if (!q) return null;
  const failed = q.checks.filter((c) => !c.passed).length;
  return (
    <div data-testid="qualification-summary">
      <div className="summary-head">
        {q.decision === "pass" ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t("applications.steps.qualification.pass")}
          </Tag>
        ) : (
          <Tag color="error" icon={<CloseCircleFilled />}>
            {t("applications.steps.qualification.reject")}
          </Tag>
        )}
        <span className="muted">
          {t("applications.checks.summary", { passed: q.checks.length - failed, total: q.checks.length })}
        </span>
      </div>
      {q.reason ? (
        <p className="record-notes">
          <span className="muted">{t("applications.steps.qualification.reason")}：</span>
          {q.reason}
        </p>
      ) : null}
      <CheckList checks={q.checks} />
      <div className="muted small section-gap-top">{by(t, q.by, q.at)}</div>
    </div>
  );
}

const GRADE_COLORS: Record<string, string> = { A: "#52c41a", B: "#1668dc", C: "#faad14", D: "#ff4d4f" };

function factorValue(key: string, value: number, t: TFunction): string {
  switch (key) {
    case "monthlyIncome":
      return formatMoney(value.toFixed(2));
    case "debtToIncome":
      return value >= 999 ? "—" : `${(value * 100).toFixed(1)}%`;
    case "businessYears":
      return t("customers.yearsValue", { count: value });
    case "overdueCount24m":
      return t("applications.scorecard.times", { count: value });
    case "hasCollateral":
      return value ? t("common.yes") : t("common.no");
    default:
      return String(value);
  }
}

/** The scorecard: every factor with its value, its points out of the maximum, then total, grade, limit. */
export function ScorecardSummary({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const a = app.assessment;
  if (!a) return null;
  const r = a.result;
  const english = i18n.language === "en-US";
  return (
    <div data-testid="scorecard">
      <div className="score-head">
        <div className="score-total">
          <Progress
            type="circle"
            percent={Math.round((r.score / r.maxScore) * 100)}
            size={96}
            strokeColor={GRADE_COLORS[r.grade] ?? "#1668dc"}
            format={() => (
              <span className="score-number">
                <strong className="num">{r.score}</strong>
                <span className="muted small">/ {r.maxScore}</span>
              </span>
            )}
          />
        </div>
        <div className="score-facts">
          <div>
            <div className="muted small">{t("applications.scorecard.grade")}</div>
            <div className="score-grade" style={{ color: GRADE_COLORS[r.grade] }} data-testid="score-grade">
              {r.grade}
            </div>
          </div>
          <div>
            <div className="muted small">{t("applications.scorecard.recommendedLimit")}</div>
            <div className="money-big num">{formatMoneyLong(r.recommendedLimit)}</div>
          </div>
          <div>
            <div className="muted small">{t("applications.scorecard.requested")}</div>
            <div className="num">{formatMoneyLong(app.amount)}</div>
          </div>
        </div>
      </div>
      <table className="factor-table">
        <thead>
          <tr>
            <th>{t("applications.scorecard.factor")}</th>
            <th>{t("applications.scorecard.value")}</th>
            <th className="factor-bar-col">{t("applications.scorecard.points")}</th>
          </tr>
        </thead>
        <tbody>
          {r.factors.map((f) => (
            <tr key={f.key}>
              <td>{english ? f.nameEn : f.nameZh}</td>
              <td className="num">{factorValue(f.key, f.value, t)}</td>
              <td className="factor-bar-col">
                <div className="factor-bar">
                  <Progress
                    percent={f.maxPoints ? (f.points / f.maxPoints) * 100 : 0}
                    showInfo={false}
                    size="small"
                    strokeColor={
                      f.points === f.maxPoints ? "#52c41a" : f.points === 0 ? "#ff4d4f" : "#1668dc"
                    }
                  />
                  <span className="num factor-points">
                    {f.points} / {f.maxPoints}
                  </span>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>
              <strong>{t("applications.scorecard.total")}</strong>
            </td>
            <td className="factor-bar-col">
              <strong className="num">
                {r.score} / {r.maxScore}
              </strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="muted small section-gap-top">
        {t("applications.scorecard.explain")} {by(t, a.by, a.at)}
        {r.scorecardVersion
          ? ` · ${t("applications.scorecard.version", { version: r.scorecardVersion })}`
          : ""}
      </div>
    </div>
  );
}

/** The risk plan sent to the committee, its APR first. */
export function RiskPlanSummary({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const p = app.riskPlan;
  if (!p) return null;
  return (
    <div data-testid="risk-plan-summary">
      <div className="plan-head">
        <div className="plan-apr">
          <div className="muted small">{t("applications.steps.riskPlan.apr")}</div>
          <div className="apr-figure-value num">{formatPercent(p.apr)}</div>
        </div>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: "amount",
              label: t("applications.steps.riskPlan.amount"),
              children: <strong className="num">{formatMoneyLong(p.amount)}</strong>,
            },
            {
              key: "rate",
              label: t("applications.steps.riskPlan.annualRate"),
              children: <span className="num">{formatRate(p.annualRate)}</span>,
            },
            {
              key: "term",
              label: t("applications.steps.riskPlan.term"),
              children: t("applications.months", { count: p.termMonths }),
            },
            {
              key: "method",
              label: t("applications.steps.riskPlan.method"),
              children: t(`calculator.methods.${p.method}`),
            },
            {
              key: "guarantee",
              label: t("applications.steps.riskPlan.guarantee"),
              children: t(`products.guarantees.${p.guarantee}`),
            },
            {
              key: "conditions",
              label: t("applications.steps.riskPlan.conditions"),
              children: p.conditions || <span className="muted">—</span>,
            },
          ]}
        />
      </div>
      <div className="muted small">{by(t, p.by, p.at)}</div>
    </div>
  );
}

/** The committee: one row per seat with the member's vote, comment and time, and the outcome once decided. */
export function CommitteeBlock({ app, seats }: { app: ApplicationDetail; seats: string[] }) {
  const { t } = useTranslation();
  const bySeat = new Map<string, Vote>(app.votes.map((v) => [v.voterRole, v]));
  const extra = app.votes.filter((v) => !seats.includes(v.voterRole));
  const rows = [
    ...seats.map((seat) => ({ seat, vote: bySeat.get(seat) ?? null })),
    ...extra.map((v) => ({ seat: v.voterRole, vote: v })),
  ];
  const d = app.decision;
  return (
    <div data-testid="committee-block">
      {d ? (
        <div className="summary-head">
          {d.outcome === "approved" ? (
            <Tag color="success" icon={<CheckCircleFilled />}>
              {t("applications.committee.approved")}
            </Tag>
          ) : (
            <Tag color="error" icon={<CloseCircleFilled />}>
              {t("applications.committee.rejected")}
            </Tag>
          )}
          <span className="muted">
            {t(`applications.committee.rule.${d.rule}`)} · {formatDateTime(d.decidedAt)}
          </span>
        </div>
      ) : (
        <div className="summary-head muted">
          {t("applications.committee.progress", { voted: app.votes.length, total: seats.length })}
        </div>
      )}
      <ul className="vote-list">
        {rows.map(({ seat, vote }) => (
          <li key={seat} className="vote-row">
            <span className="vote-seat">{t(`roles.${seat}`, { defaultValue: seat })}</span>
            {vote ? (
              <>
                {vote.decision === "approve" ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t("applications.committee.approve")}
                  </Tag>
                ) : (
                  <Tag color="error" icon={<CloseCircleFilled />}>
                    {t("applications.committee.reject")}
                  </Tag>
                )}
                <span className="vote-who">
                  {vote.voterName}
                  <span className="muted small num"> · {formatDateTime(vote.at)}</span>
                </span>
                {vote.comment || vote.conditions ? (
                  <div className="vote-comment">
                    {vote.comment}
                    {vote.conditions ? (
                      <div className="muted small">
                        {t("applications.committee.conditions")}：{vote.conditions}
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </>
            ) : (
              <>
                <Tag icon={<MinusCircleOutlined />}>{t("applications.committee.notVoted")}</Tag>
                <span className="muted small">{t("applications.committee.waiting")}</span>
              </>
            )}
          </li>
        ))}
      </ul>
      {d?.approvedAmount ? (
        <div className="muted small">
          {t("applications.committee.approvedTerms", {
            amount: formatMoney(d.approvedAmount),
            rate: formatRate(d.approvedRate),
          })}
          {d.conditions.length
            ? ` · ${t("applications.committee.conditions")}：${d.conditions.join("；")}`
            : ""}
        </div>
      ) : null}
    </div>
  );
}

/** After disbursement: the loan it opened and the signed contract. */
export function DisbursedSummary({ app, canReadLoans }: { app: ApplicationDetail; canReadLoans: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loan = useLoanBrief(app.loanId, canReadLoans);
  const entry = [...app.timeline].reverse().find((e) => e.action === "disburse");
  if (!app.loanId) return null;
  const download = async () => {
    try {
      await downloadContract(app);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <div data-testid="disbursed-summary">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: "loan",
            label: t("applications.disbursement.loanNo"),
            children: loan.data ? (
              <Link to={`/loans/${app.loanId}`} className="mono-text" data-testid="loan-no">
                {loan.data.loanNo}
              </Link>
            ) : (
              <span className="mono-text">{entry?.comment?.split(" · ")[0] ?? "—"}</span>
            ),
          },
          {
            key: "loanId",
            label: t("applications.disbursement.loanId"),
            children: (
              <Tooltip title={t("applications.disbursement.loanIdHelp")}>
                <span className="mono small" data-testid="loan-id">
                  {app.loanId}
                </span>
              </Tooltip>
            ),
          },
          {
            key: "at",
            label: t("applications.disbursement.disbursedAt"),
            children: entry ? formatDateTime(entry.at) : "—",
          },
          { key: "by", label: t("applications.disbursement.by"), children: entry?.actor ?? "—" },
        ]}
      />
      {app.hasContract ? (
        <Button icon={<FilePdfOutlined />} onClick={() => void download()} data-testid="contract-link">
          {t("applications.disbursement.contract")}
        </Button>
      ) : null}
    </div>
  );
}

/** Time spent in each stage against its limit; over-limit stages in red with a clock. */
export function StageTimes({ stages }: { stages: Stage[] }) {
  const { t } = useTranslation();
  const duration = useDuration();
  return (
    <Table<Stage>
      rowKey="enteredAt"
      size="small"
      pagination={false}
      dataSource={stages}
      data-testid="stage-times"
      columns={[
        {
          title: t("applications.stages.stage"),
          dataIndex: "status",
          render: (value: ApplicationStatus, s) => (
            <div>
              {t(`applications.status.${value}`)}
              <div className="muted small num">{formatDateTime(s.enteredAt)}</div>
            </div>
          ),
        },
        {
          title: t("applications.stages.spent"),
          dataIndex: "hours",
          align: "right",
          render: (hours: number, s) => (
            <span className={s.overLimit ? "stage-over num" : "num"}>
              {s.overLimit ? <ClockCircleOutlined /> : null} {duration(hours)}
              {s.limitHours !== null ? (
                <div className="muted small">{t("applications.stages.limit", { hours: s.limitHours })}</div>
              ) : null}
            </span>
          ),
        },
      ]}
    />
  );
}

const ACTION_COLORS: Record<string, string> = {
  reject: "red",
  withdraw: "gray",
  expire: "gray",
  disburse: "green",
};

/** The application's timeline, oldest first: who did what, when, with their comment. */
export function ApplicationTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="app-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color:
          ACTION_COLORS[e.action] ??
          (e.status === "rejected"
            ? "red"
            : e.status === "approved" || e.status === "disbursed"
              ? "green"
              : "blue"),
        content: (
          <div className="timeline-entry">
            <div className="timeline-head">
              <strong>{t(`applications.actions.${e.action}`, { defaultValue: e.action })}</strong>
              <span className="timeline-actor">{e.actor}</span>
            </div>
            <div className="muted small num">{formatDateTime(e.at)}</div>
            {e.comment ? <div className="timeline-comment">{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
