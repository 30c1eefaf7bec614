import { PlayCircleOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { runRankReview, useRankReview, useRankReviews } from "../../api/staff.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney, todayInChina } from "../../format.ts";
import "../business.css";
import { ProposalTable, type ProposalView } from "./proposal-table.tsx";
import { StaffDrawer } from "./staff-drawer.tsx";
import { useStaffNames } from "./staff-parts.tsx";
import "./staff.css";

/** The quarters that have ended, newest first (the review runs for an ended quarter only). */
function endedQuarters(today: string, count = 6): string[] {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const list: string[] = [];
  for (let i = 1; i <= count; i++) {
    const index = year * 4 + (q - 1) - i;
    list.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return list;
}

/**
 * 职级评审: HR runs the quarterly review, the domain proposes one step up or down per person (the
 * protection period, floor and ceiling held), and a manager other than who ran it confirms each.
 */
export function RankReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("staff.ranks.title"));
  const me = useMe().data;
  const canRun = hasPermission(me, "staff.manage");
  const names = useStaffNames();
  const reviews = useRankReviews();
  const [selected, setSelected] = useState<string | null>(null);
  const reviewId = selected ?? reviews.data?.items[0]?.id ?? null;
  const review = useRankReview(reviewId);
  const quarters = endedQuarters(todayInChina());
  const [quarter, setQuarter] = useState(quarters[0]);
  const [running, setRunning] = useState(false);
  const [show, setShow] = useState<"all" | "pending" | "up" | "down" | "stay">("all");
  const [openId, setOpenId] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    try {
      const result = await runRankReview(quarter);
      message.success(t("staff.ranks.ran", { quarter, count: result.proposals.length }));
      await queryClient.invalidateQueries({ queryKey: ["rank-reviews"] });
      setSelected(result.id);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setRunning(false);
    }
  };

  const data = review.data;
  // Whoever ran the review does not confirm it (maker–checker): their buttons would only be refused.
  const ranByMe = Boolean(data?.runBy && data.runBy === me?.user.id);
  const proposals: ProposalView[] = (data?.proposals ?? []).filter((p) =>
    show === "all" ? true : show === "pending" ? p.status === "pending" : p.direction === show,
  );
  const count = (pred: (p: ProposalView) => boolean) => (data?.proposals ?? []).filter(pred).length;

  return (
    <div data-testid="rank-review-page">
      <PageHeader
        title={t("staff.ranks.title")}
        subtitle={t("staff.ranks.subtitle")}
        extra={
          canRun ? (
            <Space>
              <Select
                value={quarter}
                onChange={setQuarter}
                options={quarters.map((q) => ({ value: q, label: q }))}
                style={{ width: 120 }}
                aria-label={t("staff.ranks.quarter")}
                data-testid="review-quarter"
              />
              <Popconfirm
                title={t("staff.ranks.runConfirm", { quarter })}
                description={<div style={{ maxWidth: 300 }}>{t("staff.ranks.runNote")}</div>}
                onConfirm={run}
              >
                <Button
                  type="primary"
                  icon={<PlayCircleOutlined />}
                  loading={running}
                  data-testid="run-review"
                >
                  {t("staff.ranks.run")}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      {reviews.isPending ? (
        <Spin />
      ) : reviews.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(reviews.error) })} />
      ) : !reviews.data.items.length ? (
        <Card>
          <Empty description={t("staff.ranks.empty")}>
            <div className="muted">{canRun ? t("staff.ranks.emptyHintRun") : t("staff.ranks.emptyHint")}</div>
          </Empty>
        </Card>
      ) : (
        <>
          <Card size="small" className="section-gap">
            <div className="tab-toolbar filter-bar-tight">
              <Space wrap>
                <span className="muted">{t("staff.ranks.batch")}</span>
                <Select
                  value={reviewId}
                  onChange={setSelected}
                  style={{ width: 420, maxWidth: "100%" }}
                  data-testid="review-select"
                  options={reviews.data.items.map((r) => ({
                    value: r.id,
                    label: `${r.quarter} · ${t(`staff.ranks.reviewStatus.${r.status}`)} · ${formatDateTime(r.runAt)} · ${t("staff.ranks.pendingCount", { count: r.pending })}`,
                  }))}
                />
              </Space>
              {data ? (
                <span className="tag-list">
                  {data.proposals[0] ? (
                    <Tag>{t("staff.ranks.effective", { date: data.proposals[0].effectiveFrom })}</Tag>
                  ) : null}
                  <Tag color="green">
                    {t("staff.ranks.counts.up", { count: count((p) => p.direction === "up") })}
                  </Tag>
                  <Tag color="orange">
                    {t("staff.ranks.counts.down", { count: count((p) => p.direction === "down") })}
                  </Tag>
                  <Tag>{t("staff.ranks.counts.stay", { count: count((p) => p.direction === "stay") })}</Tag>
                  <Tag color="blue">
                    {t("staff.ranks.counts.pending", { count: count((p) => p.status === "pending") })}
                  </Tag>
                </span>
              ) : null}
            </div>
            {data ? (
              <details className="section-gap-top">
                <summary className="muted">
                  {t("staff.ranks.rulesSummary", {
                    by: data.runByName,
                    at: formatDateTime(data.runAt),
                    months: data.rules.protectionMonths,
                  })}
                </summary>
                <div className="rules-grid section-gap-top">
                  {Object.entries(data.rules.targets).map(([rank, target]) => (
                    <span key={rank}>
                      <span className="muted">{names.rank(rank)}</span>{" "}
                      <span className="num">{formatMoney(target)}</span>
                    </span>
                  ))}
                </div>
              </details>
            ) : null}
          </Card>
          <Card>
            <div className="filter-bar">
              <Segmented
                value={show}
                onChange={(v) => setShow(v as typeof show)}
                options={(["all", "pending", "up", "down", "stay"] as const).map((k) => ({
                  value: k,
                  label: t(`staff.ranks.show.${k}`),
                }))}
              />
            </div>
            {ranByMe ? (
              <Alert type="info" showIcon className="section-gap" title={t("staff.ranks.ranByYou")} />
            ) : null}
            <ProposalTable
              proposals={proposals}
              loading={review.isFetching}
              editable={data?.status === "current" && !ranByMe}
              onOpen={setOpenId}
            />
          </Card>
        </>
      )}
      <StaffDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
