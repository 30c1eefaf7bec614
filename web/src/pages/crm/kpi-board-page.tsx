// 业绩看板: a group (the leader's page), a team (the manager's) or the whole floor over a day, a week or
// a month — the KPI cards against target, the floor's groups, the day-by-day trend, and each member's
// figures with who is behind. The level, unit, period and date live in the URL, so a view can be shared.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Empty, Segmented, Select, Skeleton, Switch, Table } from "antd";
import dayjs from "dayjs";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  type Board,
  type BoardLevel,
  type BoardMember,
  type BoardUnit,
  type Figures,
  type PeriodKind,
  useKpiBoard,
  useKpiUnits,
} from "../../api/crm-engagement.ts";
import { downloadCsv } from "../../components/csv.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { BehindTag, dailyFigures, KpiCards, KpiCell, PositionName } from "./kpi-parts.tsx";

const COLUMNS: (keyof Figures)[] = [
  "calls",
  "effective",
  "intent",
  "revisits",
  "nextDayAppointments",
  "appointments",
];

export function KpiBoardPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.board.title"));
  const [params, setParams] = useSearchParams();
  const units = useKpiUnits();
  const levels = useMemo(() => {
    const u = units.data;
    const list: BoardLevel[] = [];
    if (u?.groups.length) list.push("group");
    if (u?.teams.length) list.push("team");
    if (u?.floor) list.push("floor");
    return list;
  }, [units.data]);
  const level =
    (params.get("level") as BoardLevel | null) ??
    (units.data?.own.team && !units.data.own.group ? "team" : levels[0]);
  const options = level === "team" ? units.data?.teams : level === "group" ? units.data?.groups : [];
  const ownUnit = level === "team" ? units.data?.own.team : units.data?.own.group;
  const unitId = level === "floor" ? undefined : (params.get("unitId") ?? ownUnit ?? options?.[0]?.id);
  const period = (params.get("period") as PeriodKind | null) ?? "day";
  const date = params.get("date") ?? undefined;
  const behindOnly = params.get("behind") === "1";
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const board = useKpiBoard({ level: level ?? "group", unitId, period, date }, Boolean(level));
  const data = board.data;

  return (
    <div data-testid="kpi-board-page">
      <PageHeader
        title={t("crmKpi.board.title")}
        subtitle={
          data
            ? t("crmKpi.board.subtitle", {
                unit: data.unit?.name ?? t("crmKpi.board.levels.floor"),
                period:
                  data.period.from === data.period.to
                    ? data.period.from
                    : t("crmKpi.common.range", data.period),
              })
            : null
        }
        extra={
          data ? (
            <Button icon={<DownloadOutlined />} onClick={() => exportBoard(data, t)}>
              {t("common.exportExcel")}
            </Button>
          ) : null
        }
      />
      {units.isSuccess && levels.length === 0 ? (
        <Alert type="info" showIcon message={t("crmKpi.board.noUnits")} />
      ) : null}
      {levels.length > 0 ? (
        <Card size="small">
          <div className="filter-bar">
            <Segmented
              value={level}
              onChange={(v) => set({ level: String(v), unitId: undefined })}
              options={levels.map((l) => ({ value: l, label: t(`crmKpi.board.levels.${l}`) }))}
              data-testid="board-level"
            />
            {level !== "floor" ? (
              <Select
                value={unitId}
                onChange={(v) => set({ unitId: v })}
                options={(options ?? []).map((o) => ({ value: o.id, label: o.name }))}
                placeholder={t("crmKpi.board.selectUnit")}
                aria-label={t("crmKpi.board.selectUnit")}
                style={{ width: 160 }}
                data-testid="board-unit"
              />
            ) : null}
            <Segmented
              value={period}
              onChange={(v) => set({ period: String(v) })}
              options={(["day", "week", "month"] as const).map((p) => ({
                value: p,
                label: t(`crmKpi.periods.${p}`),
              }))}
              data-testid="board-period"
            />
            <DatePicker
              allowClear
              value={date ? dayjs(date) : null}
              onChange={(d) => set({ date: d ? d.format("YYYY-MM-DD") : undefined })}
              placeholder={units.data?.today}
              aria-label={t("crmKpi.common.date")}
            />
            <span className="filter-bar-spacer" />
            <span>
              <Switch
                size="small"
                checked={behindOnly}
                onChange={(v) => set({ behind: v ? "1" : undefined })}
              />{" "}
              {t("crmKpi.board.behindOnly")}
            </span>
          </div>
        </Card>
      ) : null}
      {board.isError ? (
        <Alert type="error" showIcon className="section-gap-top" message={errorMessage(board.error)} />
      ) : null}
      {!data ? (
        board.isPending && levels.length ? (
          <Skeleton active paragraph={{ rows: 8 }} className="section-gap-top" />
        ) : null
      ) : (
        <BoardBody data={data} behindOnly={behindOnly} />
      )}
    </div>
  );
}

function BoardBody({ data, behindOnly }: { data: Board; behindOnly: boolean }) {
  const { t } = useTranslation();
  const behind = data.members.filter((m) => m.behind).length;
  const members = behindOnly ? data.members.filter((m) => m.behind) : data.members;
  const partial = data.members.some((m) => m.days < data.daily.length);
  const metricColumns = COLUMNS.map((m) => ({
    title: t(`crmKpi.metrics.${m}`),
    key: m,
    width: 120,
    sorter: (a: BoardMember | BoardUnit, b: BoardMember | BoardUnit) => a.figures[m] - b.figures[m],
    render: (_: unknown, row: BoardMember | BoardUnit) => <KpiCell tally={row} metric={m} />,
  }));
  return (
    <>
      <div className="section-gap-top">
        <KpiCards tally={data.total} prefix="board" />
      </div>
      {data.level === "floor" ? (
        <Card size="small" title={t("crmKpi.board.groups")} className="section-gap-top">
          <Table<BoardUnit>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={data.units}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("crmKpi.board.columns.group"),
                dataIndex: "name",
                fixed: "left",
                width: 130,
                render: (name: string, row) => (
                  <Link
                    to={`/crm/kpi?level=group&unitId=${row.unitId}&period=${data.period.kind}&date=${data.period.date}`}
                  >
                    {name} <span className="muted">{t("common.people", { count: row.members })}</span>
                  </Link>
                ),
              },
              ...metricColumns,
              {
                title: t("crmKpi.board.columns.status"),
                key: "status",
                width: 90,
                render: (_, row) => <BehindTag behind={row.behind} />,
              },
            ]}
          />
        </Card>
      ) : null}
      {data.period.kind !== "day" ? (
        <Card size="small" title={t("crmKpi.board.trend")} className="section-gap-top">
          <TrendChart data={data} />
        </Card>
      ) : null}
      <Card
        size="small"
        className="section-gap-top"
        title={t("crmKpi.board.members")}
        extra={
          <span className={behind ? "" : "muted"} data-testid="behind-count">
            {behind ? t("crmKpi.board.behindCount", { count: behind }) : t("crmKpi.board.allOnTrack")}
          </span>
        }
      >
        {partial ? (
          <div className="muted" style={{ marginBottom: 8 }}>
            {t("crmKpi.board.movedHint")}
          </div>
        ) : null}
        <Table<BoardMember>
          rowKey={(m) => `${m.userId}:${m.unitId}`}
          size="small"
          dataSource={members}
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="board-members"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("crmKpi.board.empty")} />,
          }}
          rowClassName={(m) => (m.behind ? "row-warning" : "")}
          columns={[
            {
              title: t("crmKpi.board.columns.name"),
              dataIndex: "name",
              fixed: "left",
              width: 130,
              render: (name: string, m) => (
                <>
                  <Link to={`/crm/my-day?userId=${m.userId}`}>{name}</Link>
                  <div className="muted" style={{ fontSize: 12 }}>
                    <PositionName position={m.position} />
                    {m.days < data.daily.length ? ` · ${t("crmKpi.board.daysInUnit", { days: m.days })}` : ""}
                  </div>
                </>
              ),
            },
            ...(data.level === "floor"
              ? [
                  {
                    title: t("crmKpi.board.columns.group"),
                    dataIndex: "unitName",
                    width: 90,
                    render: (v: string | null) => v ?? "—",
                  },
                ]
              : []),
            ...metricColumns,
            {
              title: t("crmKpi.board.columns.status"),
              key: "status",
              width: 90,
              render: (_, m) => <BehindTag behind={m.behind} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

function TrendChart({ data }: { data: Board }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      color: ["#1668dc", "#52c41a", "#fa8c16", "#722ed1"],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.daily.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: "value", minInterval: 1 },
        { type: "value", minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          type: "bar",
          name: t("crmKpi.metrics.calls"),
          data: data.daily.map((d) => d.figures.calls),
          barMaxWidth: 22,
        },
        {
          type: "bar",
          name: t("crmKpi.metrics.effective"),
          data: data.daily.map((d) => d.figures.effective),
          barMaxWidth: 22,
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: t("crmKpi.metrics.intent"),
          data: data.daily.map((d) => d.figures.intent),
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: t("crmKpi.metrics.nextDayAppointments"),
          data: data.daily.map((d) => d.figures.nextDayAppointments),
        },
      ],
    }),
    [data, t],
  );
  return (
    <EChart
      option={option}
      ariaLabel={t("crmKpi.board.trend")}
      style={{ height: 280 }}
      data={dailyFigures(data.daily, ["calls", "effective", "intent", "nextDayAppointments"], t)}
    />
  );
}

function exportBoard(data: Board, t: TFunction) {
  const header = [
    t("crmKpi.board.columns.name"),
    t("crmKpi.board.columns.position"),
    t("crmKpi.board.columns.group"),
    ...COLUMNS.flatMap((m) =>
      m === "appointments"
        ? [t(`crmKpi.metrics.${m}`)]
        : [t(`crmKpi.metrics.${m}`), t("crmKpi.common.target", { value: "" })],
    ),
    t("crmKpi.board.columns.status"),
  ];
  const rows = data.members.map((m) => [
    m.name,
    m.position ? t(`crmKpi.positions.${m.position}`, { defaultValue: m.position }) : "",
    m.unitName ?? data.unit?.name ?? "",
    ...COLUMNS.flatMap((c) => (c === "appointments" ? [m.figures[c]] : [m.figures[c], m.target[c]])),
    m.behind ? t("crmKpi.common.behind") : t("crmKpi.common.onTrack"),
  ]);
  downloadCsv(
    `${t("crmKpi.board.export")}-${data.unit?.name ?? t("crmKpi.board.levels.floor")}-${data.period.from}.csv`,
    header,
    rows,
  );
}
