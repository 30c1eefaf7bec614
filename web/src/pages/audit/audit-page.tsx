import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import {
  App,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Empty,
  Input,
  type InputRef,
  Select,
  Table,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type AuditFilters, useAudit } from "../../api/audit.ts";
import { api, errorMessage, toQueryString } from "../../api/client.ts";
import type { AuditEvent, Page } from "../../api/types.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { formatDateTime, todayInChina } from "../../format.ts";
import { AuditDiff } from "./audit-diff.tsx";
import { ActionLabel, EntityLabel, entityTypeLabel } from "./audit-labels.tsx";
import { ChainBanner } from "./chain-banner.tsx";

const ACTION_PREFIXES = [
  "auth.",
  "auth.login",
  "auth.login-failed",
  "auth.locked",
  "user.",
  "role.",
  "setting.",
  "system.",
];
const ENTITY_TYPES = ["user", "role", "setting", "customer", "application", "loan", "product", "system"];

type Draft = {
  actor: string;
  action: string;
  entityType?: string;
  range: [Dayjs | null, Dayjs | null] | null;
};
const EMPTY_DRAFT: Draft = { actor: "", action: "", entityType: undefined, range: null };

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("audit.title"));
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [debounced, setDebounced] = useState<Draft>(EMPTY_DRAFT);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(draft), 300);
    return () => clearTimeout(timer);
  }, [draft]);

  const filters = useMemo<Omit<AuditFilters, "page" | "pageSize">>(
    () => ({
      actor: debounced.actor.trim() || undefined,
      action: debounced.action.trim() || undefined,
      entityType: debounced.entityType,
      from: debounced.range?.[0]?.format("YYYY-MM-DD"),
      to: debounced.range?.[1]?.format("YYYY-MM-DD"),
    }),
    [debounced],
  );
  // A new filter starts again at page 1.
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const audit = useAudit({ ...filters, page, pageSize: paging.pageSize });

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: AuditEvent[] = [];
      for (let page = 1; page <= 50; page += 1) {
        const result = await api.get<Page<AuditEvent>>(
          `/audit${toQueryString({ ...filters, page, pageSize: 200 })}`,
        );
        rows.push(...result.items);
        if (rows.length >= result.total || result.items.length === 0) break;
      }
      downloadCsv(
        `${t("audit.export")}-${todayInChina()}.csv`,
        [
          "ID",
          t("audit.columns.at"),
          t("audit.columns.actor"),
          t("audit.columns.action"),
          t("audit.entityType"),
          "entityId",
          t("audit.columns.requestId"),
          t("audit.columns.ip"),
          t("audit.before"),
          t("audit.after"),
          t("audit.hash"),
        ],
        rows.map((e) => [
          e.id,
          formatDateTime(e.at),
          e.actorName ?? t("audit.system"),
          e.action,
          entityTypeLabel(e.entityType, t),
          e.entityId,
          e.requestId,
          e.ip,
          e.before === null ? "" : JSON.stringify(e.before),
          e.after === null ? "" : JSON.stringify(e.after),
          e.hash,
        ]),
      );
      message.success(t("common.exported", { count: rows.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const filtered = Object.values(filters).some(Boolean);

  return (
    <div data-testid="audit-page">
      <PageHeader
        title={t("audit.title")}
        subtitle={t("audit.subtitle")}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
            {t("common.exportCsv")}
          </Button>
        }
      />
      <ChainBanner />
      <Card>
        <div className="filter-bar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("audit.actorPlaceholder")}
            aria-label={t("audit.actor")}
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
            style={{ width: 180 }}
          />
          <AutoComplete
            allowClear
            placeholder={t("audit.actionPlaceholder")}
            aria-label={t("audit.action")}
            value={draft.action}
            onChange={(value: string) => setDraft({ ...draft, action: value ?? "" })}
            options={ACTION_PREFIXES.map((value) => ({ value }))}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder={t("audit.entityPlaceholder")}
            aria-label={t("audit.entityType")}
            value={draft.entityType}
            onChange={(value?: string) => setDraft({ ...draft, entityType: value })}
            options={ENTITY_TYPES.map((value) => ({ value, label: entityTypeLabel(value, t) }))}
            style={{ width: 130 }}
          />
          <DatePicker.RangePicker
            aria-label={t("audit.dateRange")}
            value={draft.range}
            onChange={(range) => setDraft({ ...draft, range: range as Draft["range"] })}
            allowEmpty={[true, true]}
          />
          <Button onClick={() => setDraft(EMPTY_DRAFT)} disabled={!filtered}>
            {t("common.reset")}
          </Button>
        </div>
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={audit.isFetching}
          dataSource={audit.data?.items ?? []}
          expandable={{ expandedRowRender: (row) => <AuditDiff event={row} />, expandRowByClick: false }}
          locale={{
            emptyText: audit.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(audit.error) })} />
            ) : (
              <Empty description={t("audit.empty")}>
                <div className="muted">{t("audit.emptyHint")}</div>
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={[
            {
              title: t("audit.columns.at"),
              dataIndex: "at",
              width: 150,
              render: (value: string) => <span className="num">{formatDateTime(value)}</span>,
            },
            {
              title: t("audit.columns.actor"),
              dataIndex: "actorName",
              width: 140,
              render: (value: string | null) => value ?? <span className="muted">{t("audit.system")}</span>,
            },
            {
              title: t("audit.columns.action"),
              dataIndex: "action",
              width: 150,
              render: (value: string) => <ActionLabel action={value} />,
            },
            {
              title: t("audit.columns.entity"),
              key: "entity",
              render: (_: unknown, row) => <EntityLabel type={row.entityType} id={row.entityId} />,
            },
            {
              title: t("audit.columns.requestId"),
              dataIndex: "requestId",
              width: 130,
              render: (value: string | null) =>
                value ? (
                  <span className="mono muted" title={value}>
                    {value.length > 13 ? `${value.slice(0, 8)}…` : value}
                  </span>
                ) : (
                  "—"
                ),
            },
            {
              title: t("audit.columns.ip"),
              dataIndex: "ip",
              width: 130,
              render: (value: string | null) => <span className="mono">{value ?? "—"}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
