import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from "@ant-design/icons";
import { useQueries } from "@tanstack/react-query";
import { Card, Col, Empty, Progress, Row, Segmented, Skeleton, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  type ApplicationDetail,
  fetchApplication,
  type OriginationSettings,
  useApplications,
  useOriginationSettings,
} from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import type { Me } from "../../api/types.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney, formatMoneyLong, formatPercent, formatRate } from "../../format.ts";
import { committeeSeat, isOriginator, myVote } from "./acting.ts";
import { StageAge } from "./status.tsx";
import { CommitteeBlock, PassFailIcon } from "./step-summaries/index.ts";
import { VoteButtons } from "./vote-form.tsx";
import "../business.css";

const GRADE_COLORS: Record<string, string> = { A: "#52c41a", B: "#1668dc", C: "#faad14", D: "#ff4d4f" };

/** One case before the committee: the risk report in brief, the plan with its APR, the votes, the buttons. */
function CommitteeCase({
  app,
  me,
  settings,
}: {
  app: ApplicationDetail;
  me: Me;
  settings: OriginationSettings;
}) {
  const { t } = useTranslation();
  const seat = committeeSeat(me, settings);
  const mine = myVote(me, app.votes, seat);
  const canVote = Boolean(seat) && !mine && !isOriginator(me, app);
  const r = app.assessment?.result;
  const checks = app.qualification?.checks ?? [];
  const failed = checks.filter((c) => !c.passed);
  const plan = app.riskPlan;
  return (
    <Card
      className="committee-case section-gap"
      data-testid="committee-case"
      title={
        <div className="committee-case-title">
          <Link to={`/applications/${app.id}`} className="mono-text">
            {app.appNo}
          </Link>
          <Link to={`/customers/${app.customerId}`} className="strong-link">
            {app.customerName}
          </Link>
          <span className="muted small">
            {app.productName} · {t("applications.committee.originator", { name: app.originatorName ?? "—" })}
          </span>
        </div>
      }
      extra={
        <span className="tag-list">
          <StageAge status={app.status} since={app.statusChangedAt} settings={settings} />
          {mine ? (
            <Tag
              color={mine.decision === "approve" ? "success" : "error"}
              icon={mine.decision === "approve" ? <CheckCircleFilled /> : <CloseCircleFilled />}
            >
              {t("applications.committee.youVoted", {
                decision: t(`applications.committee.${mine.decision}`),
              })}
            </Tag>
          ) : seat ? (
            <Tag color="processing" icon={<MinusCircleOutlined />}>
              {t("applications.committee.yourTurn")}
            </Tag>
          ) : null}
        </span>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <div className="report-block">
            <div className="report-title">{t("applications.committee.report")}</div>
            {r ? (
              <div className="report-score">
                <Progress
                  type="circle"
                  size={72}
                  percent={Math.round((r.score / r.maxScore) * 100)}
                  strokeColor={GRADE_COLORS[r.grade] ?? "#1668dc"}
                  format={() => <strong className="num">{r.score}</strong>}
                />
                <div>
                  <div>
                    {t("applications.scorecard.grade")}{" "}
                    <strong className="score-grade-inline" style={{ color: GRADE_COLORS[r.grade] }}>
                      {r.grade}
                    </strong>
                  </div>
                  <div className="muted small">
                    {t("applications.scorecard.recommendedLimit")}{" "}
                    <span className="num">{formatMoney(r.recommendedLimit)}</span>
                  </div>
                </div>
              </div>
            ) : (
              <span className="muted">—</span>
            )}
            <div className="report-checks">
              <div>
                {t("applications.checks.summary", {
                  passed: checks.length - failed.length,
                  total: checks.length,
                })}
              </div>
              {failed.length ? (
                <ul className="report-failed">
                  {failed.map((c) => (
                    <li key={c.key}>
                      <PassFailIcon passed={false} /> {t(`applications.checks.${c.key}`)}
                      <div className="muted small">{c.detail}</div>
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="muted small">
                  <PassFailIcon passed /> {t("applications.committee.allChecksPassed")}
                </div>
              )}
              {app.qualification?.reason ? (
                <div className="muted small section-gap-top">
                  {t("applications.steps.qualification.reason")}：{app.qualification.reason}
                </div>
              ) : null}
            </div>
          </div>
        </Col>
        <Col xs={24} lg={8}>
          <div className="report-block">
            <div className="report-title">{t("applications.committee.plan")}</div>
            {plan ? (
              <>
                <div className="plan-apr-inline">
                  <span className="muted small">APR</span>
                  <span className="apr-figure-value num">{formatPercent(plan.apr)}</span>
                </div>
                <dl className="product-facts">
                  <dt>{t("applications.steps.riskPlan.amount")}</dt>
                  <dd className="num">
                    <strong>{formatMoneyLong(plan.amount)}</strong>
                    {plan.amount !== app.amount ? (
                      <div className="muted small">
                        {t("applications.committee.requested", { amount: formatMoney(app.amount) })}
                      </div>
                    ) : null}
                  </dd>
                  <dt>{t("applications.steps.riskPlan.annualRate")}</dt>
                  <dd className="num">{formatRate(plan.annualRate)}</dd>
                  <dt>{t("applications.steps.riskPlan.term")}</dt>
                  <dd>
                    {t("applications.months", { count: plan.termMonths })} ·{" "}
                    {t(`calculator.methods.${plan.method}`)}
                  </dd>
                  <dt>{t("applications.steps.riskPlan.guarantee")}</dt>
                  <dd>{t(`products.guarantees.${plan.guarantee}`)}</dd>
                  {plan.conditions ? (
                    <>
                      <dt>{t("applications.steps.riskPlan.conditions")}</dt>
                      <dd>{plan.conditions}</dd>
                    </>
                  ) : null}
                </dl>
              </>
            ) : null}
          </div>
        </Col>
        <Col xs={24} lg={8}>
          <div className="report-block">
            <div className="report-title">{t("applications.committee.votes")}</div>
            <CommitteeBlock app={app} seats={settings.committeeRoles} />
          </div>
        </Col>
      </Row>
      {canVote && seat ? (
        <div className="committee-actions">
          <VoteButtons app={app} seatName={t(`roles.${seat}`, { defaultValue: seat })} />
        </div>
      ) : null}
    </Card>
  );
}

/** 贷审会: the cases waiting for the committee, each with its risk report, plan, APR and votes. */
export function CommitteePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("applications.committee.title"));
  const me = useMe().data;
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  const [filter, setFilter] = useState<"mine" | "all">("mine");
  const list = useApplications(
    { status: ["pending-committee"], page: 1, pageSize: 100 },
    { refetchInterval: 60_000 },
  );
  const details = useQueries({
    queries: (list.data?.items ?? []).map((a) => ({
      queryKey: ["applications", "detail", a.id],
      queryFn: () => fetchApplication(a.id),
    })),
  });
  const loaded = details.map((d) => d.data).filter((d): d is ApplicationDetail => Boolean(d));
  const seat = committeeSeat(me, settings);
  const waitingForMe = loaded.filter((a) => !myVote(me, a.votes, seat) && !isOriginator(me, a));
  const shown = filter === "mine" && seat ? waitingForMe : loaded;
  const loading = list.isPending || details.some((d) => d.isPending);

  return (
    <div data-testid="committee-page">
      <PageHeader
        title={t("applications.committee.title")}
        subtitle={t(`applications.committee.subtitle.${settings.committeeRule}`)}
        extra={
          seat ? (
            <Segmented
              value={filter}
              onChange={(v) => setFilter(v as "mine" | "all")}
              options={[
                {
                  value: "mine",
                  label: t("applications.committee.filterMine", { count: waitingForMe.length }),
                },
                { value: "all", label: t("applications.committee.filterAll", { count: loaded.length }) },
              ]}
              data-testid="committee-filter"
            />
          ) : null
        }
      />
      {seat ? null : (
        <Card className="section-gap" size="small">
          <span className="muted">{t("applications.committee.notMember")}</span>
        </Card>
      )}
      {loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : list.isError ? (
        <Card>
          <Empty description={t("common.loadFailed", { message: errorMessage(list.error) })} />
        </Card>
      ) : shown.length === 0 ? (
        <Card>
          <Empty
            description={
              loaded.length > 0 && filter === "mine"
                ? t("applications.committee.allVoted")
                : t("applications.committee.empty")
            }
          >
            <div className="muted">{t("applications.committee.emptyHint")}</div>
          </Empty>
        </Card>
      ) : (
        shown.map((app) => <CommitteeCase key={app.id} app={app} me={me as Me} settings={settings} />)
      )}
    </div>
  );
}
