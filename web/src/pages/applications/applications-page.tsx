import {
  DownloadOutlined,
  EyeOutlined,
  PlusOutlined,
  ProjectOutlined,
  TableOutlined,
} from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Segmented, Select, Space, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { ApplicationList } from "../../api/applications.ts";
import {
  ALL_STATUSES,
  type ApplicationFilters,
  type ApplicationStatus,
  type ApplicationSummary,
  fetchAllApplications,
  type SavedView,
  useApplications,
  useOriginationSettings,
} from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { api, errorMessage, toQueryString } from "../../api/client.ts";
import { useProducts } from "../../api/products.ts";
import { downloadCsv } from "../../components/csv.ts";
import { ListSearchInput, useListSearch } from "../../components/list-search.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatWan,
  isLargeAmount,
  todayInChina,
} from "../../format.ts";
import { ApplicationCreateModal } from "./application-create-modal.tsx";
import { ApplicationKanban } from "./application-kanban.tsx";
import { SavedViews } from "./saved-views.tsx";
import { ApplicationStatusTag, hoursSince, StageAge } from "./status.tsx";
import "../business.css";

type ViewMode = "kanban" | "table";
const VIEW_KEY = "mc.applications.view";
const VIEWS_PAGE = "applications";

function storedView(): ViewMode {
  try {
    return localStorage.getItem(VIEW_KEY) === "table" ? "table" : "kanban";
  } catch {
    return "kanban";
  }
}

/** 贷款申请: the pipeline as a kanban or a table, with filters, saved views and an export of what shows. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  useDocumentTitle(t("applications.title"));
  const [params, setParams] = useSearchParams();
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  const canCreate = hasPermission(me, "applications.create");
  const [view, setView] = useState<ViewMode>(storedView);
  const searchBox = useListSearch(params.get("search") ?? "");
  const search = searchBox.value;
  const [statuses, setStatuses] = useState<ApplicationStatus[]>(
    (params
      .get("status")
      ?.split(",")
      .filter((s) => ALL_STATUSES.includes(s as ApplicationStatus)) ?? []) as ApplicationStatus[],
  );
  const [productId, setProductId] = useState<string | undefined>(params.get("productId") ?? undefined);
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const creating = params.get("new") === "1";
  const products = useProducts();

  const filters = useMemo<ApplicationFilters>(
    () => ({ search: search || undefined, status: statuses.length ? statuses : undefined, productId }),
    [search, statuses, productId],
  );
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const table = useApplications(
    { ...filters, page, pageSize: paging.pageSize },
    { enabled: view === "table" },
  );
  const kanban = useQuery({
    queryKey: ["applications", "kanban", filters],
    queryFn: async (): Promise<ApplicationList> => {
      const first = await api.get<ApplicationList>(
        `/applications${toQueryString({
          status: filters.status?.join(","),
          search: filters.search,
          productId: filters.productId,
          page: 1,
          pageSize: 500,
        })}`,
      );
      if (first.items.length >= first.total) return first;
      return { ...first, items: await fetchAllApplications(filters) };
    },
    enabled: view === "kanban",
  });
  const filtered = Boolean(search || statuses.length || productId);

  const changeView = (next: ViewMode) => {
    setView(next);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // private mode: the choice lasts for this page
    }
  };

  const clearFilters = () => {
    searchBox.set("");
    setStatuses([]);
    setProductId(undefined);
  };

  const applyView = (saved: SavedView) => {
    const f = saved.filters as {
      search?: string;
      status?: ApplicationStatus[];
      productId?: string;
      view?: ViewMode;
    };
    searchBox.set(f.search ?? "");
    setStatuses(Array.isArray(f.status) ? f.status.filter((s) => ALL_STATUSES.includes(s)) : []);
    setProductId(f.productId);
    if (f.view === "kanban" || f.view === "table") changeView(f.view);
    message.info(t("applications.views.applied", { name: saved.name }));
  };

  const closeCreate = () => {
    const next = new URLSearchParams(params);
    next.delete("new");
    next.delete("customerId");
    setParams(next, { replace: true });
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows = await fetchAllApplications(filters);
      const c = (key: string) => t(`applications.columns.${key}`);
      downloadCsv(
        `${t("applications.export")}-${todayInChina()}.csv`,
        [
          c("appNo"),
          c("customer"),
          c("product"),
          c("amount"),
          c("term"),
          c("status"),
          c("originator"),
          c("purpose"),
          c("stageSince"),
          c("hoursInStage"),
          c("createdAt"),
        ],
        rows.map((a) => [
          a.appNo,
          a.customerName,
          a.productName,
          a.amount,
          a.termMonths,
          t(`applications.status.${a.status}`),
          a.originatorName,
          a.purpose,
          formatDateTime(a.statusChangedAt),
          Math.round(hoursSince(a.statusChangedAt)),
          formatDateTime(a.createdAt),
        ]),
      );
      message.success(t("common.exported", { count: rows.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: t("applications.columns.appNo"),
      dataIndex: "appNo",
      width: 140,
      render: (value: string, a) => (
        <Link to={`/applications/${a.id}`} className="mono-text">
          {value}
        </Link>
      ),
    },
    {
      title: t("applications.columns.customer"),
      dataIndex: "customerName",
      render: (value: string | null, a) => (
        <div>
          <Link to={`/customers/${a.customerId}`}>{value ?? "—"}</Link>
          <div className="muted small">{a.purpose}</div>
        </div>
      ),
    },
    {
      title: t("applications.columns.amount"),
      dataIndex: "amount",
      width: 130,
      align: "right",
      sorter: (a, b) => Number(a.amount) - Number(b.amount),
      render: (value: string) => (
        <div className="num">
          {formatMoney(value)}
          {isLargeAmount(value) ? <div className="muted small">{formatWan(value)}</div> : null}
        </div>
      ),
    },
    {
      title: t("applications.columns.product"),
      dataIndex: "productName",
      width: 115,
      render: (value: string | null, a) => (
        <div>
          {value ?? "—"}
          <div className="muted small">{t("applications.months", { count: a.termMonths })}</div>
        </div>
      ),
    },
    {
      title: t("applications.columns.status"),
      dataIndex: "status",
      width: 140,
      render: (value: ApplicationStatus) => <ApplicationStatusTag status={value} />,
    },
    {
      title: t("applications.columns.inStage"),
      dataIndex: "statusChangedAt",
      width: 100,
      sorter: (a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt),
      render: (value: string, a) =>
        ["rejected", "withdrawn", "expired", "disbursed"].includes(a.status) ? (
          <span className="muted num">{formatDate(value)}</span>
        ) : (
          <StageAge status={a.status} since={value} settings={settings} />
        ),
    },
    {
      title: t("applications.columns.originator"),
      dataIndex: "originatorName",
      width: 90,
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 80,
      render: (_: unknown, a) => (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          onClick={() => navigate(`/applications/${a.id}`)}
        >
          {t("applications.open")}
        </Button>
      ),
    },
  ];

  const emptyState = (
    <Empty description={filtered ? t("applications.empty") : t("applications.emptyNone")}>
      <div className="muted section-gap">
        {canCreate ? t("applications.emptyHint") : t("applications.emptyHintReadOnly")}
      </div>
      <Space>
        {filtered ? <Button onClick={clearFilters}>{t("customers.clearFilters")}</Button> : null}
        {canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: "1" })}>
            {t("applications.create.title")}
          </Button>
        ) : null}
      </Space>
    </Empty>
  );
  const current = view === "table" ? table : kanban;
  const total = current.data?.total ?? 0;

  return (
    <div data-testid="applications-page">
      <PageHeader
        title={t("applications.title")}
        subtitle={t("applications.subtitle")}
        extra={
          <>
            <Segmented<ViewMode>
              value={view}
              onChange={changeView}
              options={[
                { value: "kanban", label: t("applications.viewKanban"), icon: <ProjectOutlined /> },
                { value: "table", label: t("applications.viewTable"), icon: <TableOutlined /> },
              ]}
              data-testid="view-switch"
            />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportCsv")}
            </Button>
            {canCreate ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setParams({ new: "1" })}
                data-testid="create-application"
              >
                {t("applications.create.title")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card className="section-gap">
        <div className="filter-bar">
          <ListSearchInput
            search={searchBox}
            placeholder={t("applications.searchPlaceholder")}
            ariaLabel={t("applications.searchLabel")}
            width={210}
            testId="application-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t("applications.statusPlaceholder")}
            aria-label={t("applications.columns.status")}
            value={statuses}
            onChange={setStatuses}
            options={ALL_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
            style={{ width: 210 }}
          />
          <Select
            allowClear
            placeholder={t("applications.productPlaceholder")}
            aria-label={t("applications.columns.product")}
            value={productId}
            onChange={setProductId}
            options={(products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 150 }}
          />
          {filtered ? <Button onClick={clearFilters}>{t("common.reset")}</Button> : null}
          <SavedViews page={VIEWS_PAGE} filters={{ ...filters, view }} onApply={applyView} />
          <span className="filter-bar-spacer" />
          <span className="muted small num">{t("common.total", { total })}</span>
        </div>
        {view === "table" ? (
          <Table<ApplicationSummary>
            rowKey="id"
            size="middle"
            loading={table.isFetching}
            dataSource={table.data?.items ?? []}
            scroll={{ x: 960 }}
            columns={columns}
            locale={{
              emptyText: table.isError ? (
                <Empty description={t("common.loadFailed", { message: errorMessage(table.error) })} />
              ) : (
                emptyState
              ),
            }}
            pagination={{
              current: page,
              pageSize: paging.pageSize,
              total: table.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (n) => t("common.total", { total: n }),
              onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
            }}
          />
        ) : kanban.isError ? (
          <Empty description={t("common.loadFailed", { message: errorMessage(kanban.error) })} />
        ) : kanban.data && kanban.data.total === 0 ? (
          emptyState
        ) : (
          <ApplicationKanban
            items={kanban.data?.items ?? []}
            counts={kanban.data?.counts ?? {}}
            loading={kanban.isFetching}
            statuses={statuses}
            settings={settings}
          />
        )}
      </Card>
      {canCreate ? (
        <ApplicationCreateModal
          open={creating}
          initialCustomerId={params.get("customerId")}
          onClose={closeCreate}
          onCreated={(id) => {
            void queryClient.invalidateQueries({ queryKey: ["applications"] });
            navigate(`/applications/${id}`);
          }}
        />
      ) : null}
    </div>
  );
}
