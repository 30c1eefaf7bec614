// 通话记录: calls in the caller's scope with the day's figures on top (outbound, connected, effective,
// talk time), filters by agent, dates, outcome and flags, and an export of what the filters show.
import { AudioOutlined, DownloadOutlined, ImportOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Empty, Select, Statistic, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { api, errorMessage } from "../../api/client.ts";
import {
  type CallFilters,
  type CallList,
  type CallRecord,
  callsPath,
  useCalls,
  useOutcomes,
} from "../../api/crm-calls.ts";
import { useAgents } from "../../api/crm-leads.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, todayInChina } from "../../format.ts";
import { useTalkTime } from "./lead-tags.tsx";
import "../business.css";
import "./leads-styles.css";

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : "—");

export function CallsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  useDocumentTitle(t("crmCalls.title"));
  const [params] = useSearchParams();
  const talkTime = useTalkTime();
  const agents = useAgents();
  const outcomes = useOutcomes();
  const english = i18n.language === "en-US";
  const importId = params.get("importId") ?? undefined;
  // The last seven days by default: a weekend's empty "today" says nothing.
  const [range, setRange] = useState<[string, string] | null>(
    importId ? null : [dayjs(todayInChina()).subtract(6, "day").format("YYYY-MM-DD"), todayInChina()],
  );
  const [agentId, setAgentId] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const [connected, setConnected] = useState<boolean | undefined>();
  const [effective, setEffective] = useState<boolean | undefined>();
  const [origin, setOrigin] = useState<"manual" | "import" | undefined>();
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 50 });
  const [exporting, setExporting] = useState(false);

  const filters = useMemo<CallFilters>(
    () => ({ from: range?.[0], to: range?.[1], agentId, outcome, connected, effective, origin, importId }),
    [range, agentId, outcome, connected, effective, origin, importId],
  );
  const key = JSON.stringify(filters);
  const page = paging.key === key ? paging.page : 1;
  const calls = useCalls({ ...filters, page, pageSize: paging.pageSize });
  const summary = calls.data?.summary;
  const yesNo = [
    { value: "true", label: t("crmCalls.filters.yes") },
    { value: "false", label: t("crmCalls.filters.no") },
  ];
  const toBool = (v: string | undefined) => (v === undefined ? undefined : v === "true");

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: CallRecord[] = [];
      for (let p = 1; p <= 20; p++) {
        const chunk = await api.get<CallList>(callsPath({ ...filters, page: p, pageSize: 500 }));
        rows.push(...chunk.items);
        if (rows.length >= chunk.total || chunk.items.length === 0) break;
      }
      const c = (k: string) => t(`crmCalls.columns.${k}`);
      downloadCsv(
        `${t("crmCalls.export")}-${todayInChina()}.csv`,
        [
          c("startedAt"),
          c("agent"),
          c("lead"),
          c("direction"),
          c("number"),
          c("outcome"),
          c("talk"),
          t("crmCalls.connected"),
          t("crmCalls.effective"),
          c("note"),
          c("origin"),
        ],
        rows.map((r) => [
          formatDateTime(r.startedAt),
          r.agentName,
          r.leadName,
          t(`crmCalls.direction.${r.direction}`),
          r.direction === "inbound" ? r.caller : r.callee,
          (english ? r.outcomeEn : r.outcomeZh) ?? r.vendorResult,
          r.talkSeconds,
          r.connected ? t("common.yes") : t("common.no"),
          r.effective ? t("common.yes") : t("common.no"),
          r.note,
          t(`crmCalls.origin.${r.importId ? "import" : "manual"}`),
        ]),
      );
      message.success(t("common.exported", { count: rows.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<CallRecord> = [
    {
      title: t("crmCalls.columns.startedAt"),
      dataIndex: "startedAt",
      width: 140,
      render: (at: string) => <span className="num">{formatDateTime(at)}</span>,
    },
    { title: t("crmCalls.columns.agent"), dataIndex: "agentName", width: 90 },
    {
      title: t("crmCalls.columns.lead"),
      dataIndex: "leadName",
      width: 110,
      render: (name: string | null, r) =>
        r.leadId ? <Link to={`/crm/leads/${r.leadId}`}>{name}</Link> : <span className="muted">—</span>,
    },
    {
      title: t("crmCalls.columns.number"),
      key: "number",
      width: 130,
      render: (_: unknown, r) => (
        <span className="num mono-text">
          {r.direction === "inbound" ? r.caller : r.callee}
          <div className="muted small">{t(`crmCalls.direction.${r.direction}`)}</div>
        </span>
      ),
    },
    {
      title: t("crmCalls.columns.outcome"),
      key: "outcome",
      width: 130,
      render: (_: unknown, r) => (english ? r.outcomeEn : r.outcomeZh) ?? r.vendorResult ?? "—",
    },
    {
      title: t("crmCalls.columns.talk"),
      dataIndex: "talkSeconds",
      width: 100,
      align: "right",
      render: (s: number) => <span className="num">{s ? talkTime(s) : "—"}</span>,
    },
    {
      title: t("crmCalls.columns.flags"),
      key: "flags",
      width: 170,
      render: (_: unknown, r) => (
        <span>
          {r.connected ? (
            <Tag color="blue">{t("crmCalls.connected")}</Tag>
          ) : (
            <Tag>{t("crmCalls.notConnected")}</Tag>
          )}
          {r.effective ? <Tag color="green">{t("crmCalls.effective")}</Tag> : null}
          {r.appointment ? (
            <Tag color="orange">{t("crmCalls.appointment")}</Tag>
          ) : r.intent ? (
            <Tag color="gold">{t("crmCalls.intent")}</Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t("crmCalls.columns.note"),
      dataIndex: "note",
      ellipsis: true,
      render: (n: string | null, r) => n ?? r.nextStep ?? "",
    },
    {
      title: t("crmCalls.columns.origin"),
      key: "origin",
      width: 110,
      render: (_: unknown, r) => (
        <span>
          {t(`crmCalls.origin.${r.importId ? "import" : "manual"}`)}
          {r.recordingUrl ? (
            <a
              href={r.recordingUrl}
              target="_blank"
              rel="noreferrer"
              aria-label={t("crmCalls.listen")}
              style={{ marginInlineStart: 6 }}
            >
              <AudioOutlined />
            </a>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="calls-page">
      <PageHeader
        title={t("crmCalls.title")}
        subtitle={t("crmCalls.subtitle")}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportCsv")}
            </Button>
            {hasPermission(me, "crm.manage") ? (
              <Link to="/crm/call-imports">
                <Button icon={<ImportOutlined />}>{t("crmCalls.importLink")}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      <div className="calls-kpis section-gap" data-testid="calls-summary">
        <Card size="small">
          <Statistic title={t("crmCalls.summary.calls")} value={summary?.calls ?? 0} />
        </Card>
        <Card size="small">
          <Statistic
            title={t("crmCalls.summary.connected")}
            value={summary?.connected ?? 0}
            suffix={
              <span className="muted small">{percent(summary?.connected ?? 0, summary?.calls ?? 0)}</span>
            }
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t("crmCalls.summary.effective")}
            value={summary?.effective ?? 0}
            suffix={
              <span className="muted small">{percent(summary?.effective ?? 0, summary?.calls ?? 0)}</span>
            }
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t("crmCalls.summary.talk")}
            value={t("crmCalls.hours", {
              h: Math.floor((summary?.talkSeconds ?? 0) / 3600),
              m: Math.floor(((summary?.talkSeconds ?? 0) % 3600) / 60),
            })}
          />
        </Card>
      </div>
      <Card className="section-gap">
        <div className="filter-bar">
          <DatePicker.RangePicker
            value={range ? [dayjs(range[0]), dayjs(range[1])] : null}
            onChange={(v) =>
              setRange(v?.[0] && v[1] ? [v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")] : null)
            }
            aria-label={t("crmCalls.filters.dates")}
            allowClear
          />
          {(agents.data ?? []).length > 1 ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t("crmCalls.filters.agent")}
              aria-label={t("crmCalls.filters.agent")}
              value={agentId}
              onChange={setAgentId}
              options={(agents.data ?? []).map((a) => ({ value: a.userId, label: a.displayName }))}
              style={{ width: 130 }}
            />
          ) : null}
          <Select
            allowClear
            placeholder={t("crmCalls.filters.outcome")}
            aria-label={t("crmCalls.filters.outcome")}
            value={outcome}
            onChange={setOutcome}
            options={(outcomes.data ?? []).map((o) => ({
              value: o.code,
              label: english ? o.nameEn : o.nameZh,
            }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            placeholder={t("crmCalls.filters.connected")}
            aria-label={t("crmCalls.filters.connected")}
            options={yesNo}
            value={connected === undefined ? undefined : String(connected)}
            onChange={(v) => setConnected(toBool(v))}
            style={{ width: 110 }}
          />
          <Select
            allowClear
            placeholder={t("crmCalls.filters.effective")}
            aria-label={t("crmCalls.filters.effective")}
            options={yesNo}
            value={effective === undefined ? undefined : String(effective)}
            onChange={(v) => setEffective(toBool(v))}
            style={{ width: 110 }}
          />
          <Select
            allowClear
            placeholder={t("crmCalls.filters.origin")}
            aria-label={t("crmCalls.filters.origin")}
            value={origin}
            onChange={setOrigin}
            options={(["manual", "import"] as const).map((o) => ({
              value: o,
              label: t(`crmCalls.origin.${o}`),
            }))}
            style={{ width: 120 }}
          />
          <span className="filter-bar-spacer" />
          <span className="muted small num">{t("common.total", { total: calls.data?.total ?? 0 })}</span>
        </div>
        <Table<CallRecord>
          rowKey="id"
          size="middle"
          loading={calls.isFetching}
          dataSource={calls.data?.items ?? []}
          columns={columns}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: calls.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(calls.error) })} />
            ) : (
              <Empty description={t("crmCalls.empty")}>
                <div className="muted">{t("crmCalls.emptyHint")}</div>
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: calls.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            showTotal: (n) => t("common.total", { total: n }),
            onChange: (next, pageSize) => setPaging({ key, page: next, pageSize }),
          }}
        />
      </Card>
    </div>
  );
}
