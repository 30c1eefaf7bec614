// The PK leaderboard as a wall screen: big ranks and scores, each unit's figures, a bar against the
// leader; it refreshes itself every 30 s and goes full screen on a button (browsers want a click).
import {
  ArrowLeftOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  GiftOutlined,
  ReloadOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import { Alert, Button, Skeleton, Space, Tag } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { type PkBoard, usePkBoard } from "../../api/crm-engagement.ts";
import { useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatWan } from "../../format.ts";
import { metricText, PkStatusTag } from "./pk-list-page.tsx";
import "./kpi-styles.css";

// Gold, silver and bronze for the first three; the rest plain.
const RANK_COLORS = ["#ffd666", "#d9d9d9", "#d4a373"];

/** "9.00" → "9"; "735.50" stays. */
const trimScore = (score: string) => score.replace(/\.00$/, "");

/** Disbursed PKs score in ¥10,000 (万); the rest in points. */
function points(board: PkBoard, value: string): string {
  return board.contest.metric === "disbursed" ? `${value}万` : trimScore(value);
}

export function PkBoardPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const board = usePkBoard(id);
  const data = board.data;
  useDocumentTitle(data?.contest.name ?? t("crmKpi.pk.title"));
  const wall = useRef<HTMLDivElement>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement === wall.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void wall.current?.requestFullscreen?.();
  };

  return (
    <div data-testid="pk-board-page">
      <Space style={{ marginBottom: 12, width: "100%", justifyContent: "space-between" }} wrap>
        <Link to="/crm/pk" className="back-link">
          <ArrowLeftOutlined /> {t("crmKpi.pk.board.back")}
        </Link>
        <Space>
          <Button icon={<ReloadOutlined />} loading={board.isFetching} onClick={() => void board.refetch()}>
            {t("common.refresh")}
          </Button>
          <Button
            type="primary"
            icon={<FullscreenOutlined />}
            onClick={toggleFull}
            data-testid="pk-fullscreen"
          >
            {t("crmKpi.pk.board.fullscreen")}
          </Button>
        </Space>
      </Space>
      {board.isError ? <Alert type="error" showIcon message={errorMessage(board.error)} /> : null}
      {!data ? (
        board.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : null
      ) : (
        <div className="pk-wall" ref={wall} data-testid="pk-wall">
          <div className="pk-wall-head">
            <div>
              <h1 className="pk-wall-title">
                <TrophyOutlined style={{ color: "#ffd666" }} /> {data.contest.name}
              </h1>
              <div className="pk-wall-sub">
                {metricText(data.contest, t)} ·{" "}
                {t("crmKpi.common.range", { from: data.contest.startsOn, to: data.contest.endsOn })}
                {data.contest.reward ? (
                  <>
                    {" · "}
                    <GiftOutlined /> {data.contest.reward}
                  </>
                ) : null}
              </div>
            </div>
            <Space direction="vertical" align="end">
              <PkStatusTag status={data.contest.status} />
              {data.contest.status === "finished" ? (
                <Tag color={data.provisional ? "gold" : "green"}>
                  {data.provisional ? t("crmKpi.pk.board.provisional") : t("crmKpi.pk.board.final")}
                </Tag>
              ) : null}
              {full ? (
                <Button size="small" ghost icon={<FullscreenExitOutlined />} onClick={toggleFull}>
                  {t("crmKpi.pk.board.exitFullscreen")}
                </Button>
              ) : null}
            </Space>
          </div>
          {data.asOf === null ? (
            <div className="pk-wall-sub">
              {t("crmKpi.pk.board.notStarted", { date: data.contest.startsOn })}
            </div>
          ) : null}
          <Standings data={data} />
          <div className="pk-wall-foot">
            <span>{data.asOf ? t("crmKpi.pk.board.asOf", { date: data.asOf }) : ""}</span>
            <span>
              {t("crmKpi.pk.board.autoRefresh")} ·{" "}
              {t("crmKpi.common.refreshed", {
                time: formatDateTime(new Date(board.dataUpdatedAt)).slice(11),
              })}
            </span>
          </div>
        </div>
      )}
    </div>
  );
}

function Standings({ data }: { data: PkBoard }) {
  const { t } = useTranslation();
  const top = Math.max(...data.standings.map((s) => Number(s.score)), 0);
  const leaderScore = data.standings[0] ? Number(data.standings[0].score) : 0;
  return (
    <div>
      {data.standings.map((s) => {
        const width = top > 0 ? Math.max(2, Math.round((Number(s.score) / top) * 100)) : 2;
        const gap = leaderScore - Number(s.score);
        return (
          <div
            key={s.unitId}
            className={`pk-wall-row${s.rank === 1 ? " is-first" : ""}`}
            data-testid="pk-row"
          >
            <div className="pk-wall-rank" style={{ color: RANK_COLORS[s.rank - 1] ?? "#8fa3c8" }}>
              {s.rank}
            </div>
            <div>
              <div className="pk-wall-name">
                {s.unitName}
                {s.winner ? (
                  <Tag color="gold" style={{ marginInlineStart: 12, fontSize: 16, padding: "2px 10px" }}>
                    {t("crmKpi.pk.board.champion")}
                  </Tag>
                ) : null}
              </div>
              <div className="pk-wall-figures">
                <span>{t("crmKpi.pk.board.members", { count: s.members })}</span>
                <span>
                  {t("crmKpi.metrics.calls")} {s.figures.calls}
                </span>
                <span>
                  {t("crmKpi.metrics.effective")} {s.figures.effective}
                </span>
                <span>
                  {t("crmKpi.metrics.intent")} {s.figures.intent}
                </span>
                <span>
                  {t("crmKpi.metrics.appointments")} {s.figures.appointments}
                </span>
                {Number(s.figures.disbursed) > 0 ? (
                  <span>
                    {t("crmKpi.metrics.disbursed")} {formatWan(s.figures.disbursed)}
                  </span>
                ) : null}
              </div>
              <div className="pk-wall-bar">
                <span style={{ width: `${width}%` }} />
              </div>
            </div>
            <div className="pk-wall-score">
              {points(data, s.score)}
              <small>
                {s.rank === 1
                  ? t("crmKpi.pk.board.leader")
                  : t("crmKpi.pk.board.gap", { gap: points(data, gap.toFixed(2)) })}
              </small>
            </div>
          </div>
        );
      })}
    </div>
  );
}
