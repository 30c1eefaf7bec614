import {
  ArrowLeftOutlined,
  CloseCircleOutlined,
  FieldTimeOutlined,
  RollbackOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Result, Row, Skeleton, Steps } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import {
  type ApplicationDetail,
  ENDED_STATUSES,
  useApplication,
  useOriginationSettings,
} from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import type { Me } from "../../api/types.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatDateTime, formatMoneyLong } from "../../format.ts";
import { actingForm, canReject, canWithdraw, committeeSeat, isOriginator, myVote } from "./acting.ts";
import { AssessmentForm } from "./assessment-form.tsx";
import { DisbursementForm } from "./disbursement-form.tsx";
import { RejectModal, WithdrawModal } from "./end-application-modals.tsx";
import { InterviewForm } from "./interview-form.tsx";
import { QualificationForm } from "./qualification-form.tsx";
import { RiskPlanForm } from "./risk-plan-form.tsx";
import { ApplicationStatusTag, hoursSince, STEPS, useDuration, WAITING_STEP } from "./status.tsx";
import {
  ApplicationTimeline,
  CommitteeBlock,
  DisbursedSummary,
  InterviewSummary,
  QualificationSummary,
  RiskPlanSummary,
  ScorecardSummary,
  StageTimes,
} from "./step-summaries/index.ts";
import { VoteButtons } from "./vote-form.tsx";
import "../business.css";

/** The index of the step an ended application stopped at (shown in red on the Steps bar). */
function stoppedAt(app: ApplicationDetail): number {
  const open = app.stages.filter((s) => !ENDED_STATUSES.includes(s.status));
  const last = open[open.length - 1]?.status ?? "submitted";
  return WAITING_STEP[last] ?? 1;
}

/** Who finished step `index` and when, from the timeline. */
function finishedBy(app: ApplicationDetail, index: number): string | null {
  const find = (action: string, status?: string) =>
    app.timeline.find((e) => e.action === action && (!status || e.status === status));
  const entry = [
    find("submit"),
    find("interview"),
    find("qualify"),
    find("assess"),
    find("risk-plan"),
    find("disburse") ?? find("vote", "approved"),
  ][index];
  return entry ? `${entry.actor} · ${formatDate(entry.at).slice(5)}` : null;
}

/** The seven steps; finished ones say who and when, an ended application shows where it stopped. */
function StepsBar({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const ended = ENDED_STATUSES.includes(app.status);
  const current = ended ? stoppedAt(app) : (WAITING_STEP[app.status] ?? 0);
  const currentText = ended
    ? t(`applications.status.${app.status}`)
    : app.status === "approved"
      ? t("applications.stepsBar.awaitingDisbursement")
      : app.status === "disbursed"
        ? t("applications.stepsBar.postLoan")
        : t("applications.stepsBar.current");
  return (
    <Steps
      size="small"
      titlePlacement="vertical"
      current={current}
      status={ended ? "error" : "process"}
      data-testid="steps-bar"
      items={STEPS.map((key, index) => ({
        title: t(`applications.stepNames.${key}`),
        content: index < current ? finishedBy(app, index) : index === current ? currentText : null,
      }))}
    />
  );
}

function roleLabel(role: string, t: TFunction): string {
  if (role === "committee") return t("applications.committee.title");
  return t(`roles.${role}`, { defaultValue: role });
}

/** The current step: the form for the role that acts, everyone else a read-only "who acts next". */
function CurrentStep({ app, me }: { app: ApplicationDetail; me: Me }) {
  const { t, i18n } = useTranslation();
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  const duration = useDuration();
  const form = actingForm(me, app, settings);
  const english = i18n.language === "en-US";

  if (ENDED_STATUSES.includes(app.status) || app.status === "disbursed") return null;
  const title = t(`applications.currentStep.${form ?? "waiting"}`);
  let body: React.ReactNode;
  switch (form) {
    case "interview":
      body = <InterviewForm app={app} />;
      break;
    case "qualification":
      body = <QualificationForm app={app} />;
      break;
    case "assessment":
      body = <AssessmentForm app={app} />;
      break;
    case "riskPlan":
      body = <RiskPlanForm app={app} settings={settings} />;
      break;
    case "vote": {
      const seat = committeeSeat(me, settings) ?? "";
      body = (
        <div>
          <p className="muted">{t("applications.committee.voteHint")}</p>
          <VoteButtons app={app} seatName={roleLabel(seat, t)} />
        </div>
      );
      break;
    }
    case "disbursement":
      body = <DisbursementForm app={app} />;
      break;
    default: {
      const seat = committeeSeat(me, settings);
      const voted = app.status === "pending-committee" ? myVote(me, app.votes, seat) : null;
      const why =
        voted !== null
          ? t("applications.currentStep.alreadyVoted", { time: formatDateTime(voted.at) })
          : isOriginator(me, app) && app.status !== "submitted"
            ? apiMessage("maker-checker")
            : null;
      body = (
        <div className="waiting-step" data-testid="waiting-step">
          <TeamOutlined className="waiting-icon" />
          <div>
            <div className="waiting-title">
              {t("applications.currentStep.next", {
                step: app.nextStep ? (english ? app.nextStep.en : app.nextStep.zh) : "—",
              })}
            </div>
            <div className="muted">
              {app.nextStep
                ? t("applications.currentStep.actor", { role: roleLabel(app.nextStep.role, t) })
                : null}
              {" · "}
              {t("applications.currentStep.waitingFor", {
                duration: duration(hoursSince(app.statusChangedAt)),
              })}
            </div>
            {why ? <div className="muted small section-gap-top">{why}</div> : null}
          </div>
        </div>
      );
    }
  }
  return (
    <Card
      title={title}
      className={form ? "section-gap current-step-card current-step-acting" : "section-gap current-step-card"}
      data-testid="current-step"
    >
      {body}
    </Card>
  );
}

/** 申请详情: where the application is, the form of the step for whoever acts on it, everything done so far. */
export function ApplicationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const query = useApplication(id);
  const app = query.data;
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  useDocumentTitle(app ? `${app.appNo} ${app.customerName ?? ""}` : t("applications.detailTitle"));
  const [rejecting, setRejecting] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (!app || !me) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Result
        status={missing ? "404" : "warning"}
        title={
          missing
            ? t("applications.notFound")
            : t("common.loadFailed", { message: errorMessage(query.error) })
        }
        subTitle={missing ? t("applications.notFoundHint") : undefined}
        extra={
          <Button type="primary" onClick={() => navigate("/applications")}>
            {t("applications.backToList")}
          </Button>
        }
      />
    );
  }

  const ended = ENDED_STATUSES.includes(app.status);
  const amountText = formatMoneyLong(app.amount);
  const sections: { key: string; title: string; node: React.ReactNode }[] = [];
  if (app.status === "disbursed")
    sections.push({
      key: "disbursed",
      title: t("applications.sections.disbursed"),
      node: <DisbursedSummary app={app} canReadLoans={hasPermission(me, "loans.read")} />,
    });
  if (app.riskPlan)
    sections.push({
      key: "committee",
      title: t("applications.sections.committee"),
      node: <CommitteeBlock app={app} seats={settings.committeeRoles} />,
    });
  if (app.riskPlan)
    sections.push({
      key: "plan",
      title: t("applications.sections.riskPlan"),
      node: <RiskPlanSummary app={app} />,
    });
  if (app.assessment)
    sections.push({
      key: "score",
      title: t("applications.sections.assessment"),
      node: <ScorecardSummary app={app} />,
    });
  if (app.qualification)
    sections.push({
      key: "qualification",
      title: t("applications.sections.qualification"),
      node: <QualificationSummary app={app} />,
    });
  if (app.interview)
    sections.push({
      key: "interview",
      title: t("applications.sections.interview"),
      node: <InterviewSummary app={app} />,
    });

  return (
    <div data-testid="application-detail">
      <Link to="/applications" className="back-link">
        <ArrowLeftOutlined /> {t("applications.backToList")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span className="mono-text" data-testid="app-no">
              {app.appNo}
            </span>
            <Link to={`/customers/${app.customerId}`}>{app.customerName}</Link>
            <span className="num">{amountText}</span>
            <ApplicationStatusTag status={app.status} />
          </span>
        }
        subtitle={t("applications.headerLine", {
          product: app.productName ?? "—",
          term: app.termMonths,
          originator: app.originatorName ?? "—",
          date: formatDate(app.createdAt),
        })}
        extra={
          <>
            {canWithdraw(me, app) ? (
              <Button icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="withdraw">
                {t("applications.withdraw.action")}
              </Button>
            ) : null}
            {canReject(me, app) ? (
              <Button
                danger
                icon={<CloseCircleOutlined />}
                onClick={() => setRejecting(true)}
                data-testid="reject"
              >
                {t("applications.reject.action")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="section-gap steps-card">
        <StepsBar app={app} />
      </Card>
      {app.warnings.length && !ended && app.status !== "disbursed" ? (
        <Alert
          type="warning"
          showIcon
          icon={<FieldTimeOutlined />}
          className="section-gap"
          data-testid="stage-warning"
          title={app.warnings
            .map((w) =>
              t("applications.warnings.overLimit", {
                stage: t(`applications.status.${w.status}`),
                hours: Math.round(w.hours),
                limit: w.limitHours,
              }),
            )
            .join("；")}
        />
      ) : null}
      {ended ? (
        <Alert
          type={app.status === "rejected" ? "error" : "info"}
          showIcon
          className="section-gap"
          title={t(`applications.endedBanner.${app.status}`)}
          description={
            app.rejectReason
              ? t("applications.endedReason", {
                  reason: t(`applications.rejectReasons.${app.rejectReason}`, {
                    defaultValue: app.rejectReason,
                  }),
                })
              : undefined
          }
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <CurrentStep app={app} me={me} />
          <Card className="section-gap" size="small" title={t("applications.sections.application")}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: "amount",
                  label: t("applications.columns.amount"),
                  children: <span className="num">{amountText}</span>,
                },
                {
                  key: "term",
                  label: t("applications.columns.term"),
                  children: t("applications.months", { count: app.termMonths }),
                },
                {
                  key: "product",
                  label: t("applications.columns.product"),
                  children: `${app.productName ?? "—"} · v${app.productVersion}`,
                },
                { key: "purpose", label: t("applications.columns.purpose"), children: app.purpose, span: 2 },
                {
                  key: "originator",
                  label: t("applications.columns.originator"),
                  children: app.originatorName ?? "—",
                },
              ]}
            />
          </Card>
          {sections.map((s) => (
            <Card key={s.key} className="section-gap" size="small" title={s.title}>
              {s.node}
            </Card>
          ))}
        </Col>
        <Col xs={24} xl={8}>
          <div className="side-sticky">
            <Card size="small" title={t("applications.sections.timeline")} className="section-gap">
              <ApplicationTimeline entries={app.timeline} />
            </Card>
            <Card size="small" title={t("applications.sections.stages")}>
              <StageTimes stages={app.stages} />
            </Card>
          </div>
        </Col>
      </Row>
      <RejectModal app={app} open={rejecting} onClose={() => setRejecting(false)} />
      <WithdrawModal app={app} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </div>
  );
}
