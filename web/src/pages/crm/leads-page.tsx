import {
  DownloadOutlined,
  ImportOutlined,
  PlusOutlined,
  ProjectOutlined,
  SwapOutlined,
  TableOutlined,
} from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Segmented, Select, Space, Table } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { SavedView } from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  FOLLOW_UP_FILTERS,
  type FollowUpFilter,
  fetchAllLeads,
  INTENT_LEVELS,
  type IntentLevel,
  LEAD_SOURCES,
  LEAD_STAGES,
  type Lead,
  type LeadFilters,
  type LeadSource,
  type LeadStage,
  useAgents,
  useCampaigns,
  useLeads,
} from "../../api/crm-leads.ts";
import { downloadCsv } from "../../components/csv.ts";
import { ListSearchInput, useListSearch } from "../../components/list-search.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, todayInChina } from "../../format.ts";
import { SavedViews } from "../applications/saved-views.tsx";
import { LeadCreateModal } from "./lead-create-modal.tsx";
import { LeadReassignModal } from "./lead-reassign-modal.tsx";
import { useLeadColumns } from "./leads-columns.tsx";
import { LeadsKanban } from "./leads-kanban.tsx";
import "../business.css";
import "./leads-styles.css";

type ViewMode = "table" | "kanban";
const VIEW_KEY = "mc.crm.leads.view";
const VIEWS_PAGE = "crm-leads";

function storedView(): ViewMode {
  try {
    return localStorage.getItem(VIEW_KEY) === "kanban" ? "kanban" : "table";
  } catch {
    return "table";
  }
}

const pickValid = <T extends string>(values: unknown, allowed: readonly T[]): T[] =>
  Array.isArray(values) ? (values.filter((v) => allowed.includes(v as T)) as T[]) : [];

/** 线索: a table or a kanban by stage, filters people use, saved views, bulk reassignment and export. */
export function LeadsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe().data;
  useDocumentTitle(t("crmLeads.title"));
  const [params, setParams] = useSearchParams();
  const canAssign = hasPermission(me, "crm.manage");
  const agents = useAgents();
  const campaigns = useCampaigns();
  const [view, setView] = useState<ViewMode>(storedView);
  const search = useListSearch(params.get("q") ?? "");
  const q = search.value;
  const [stages, setStages] = useState<LeadStage[]>(pickValid(params.get("stage")?.split(","), LEAD_STAGES));
  const [levels, setLevels] = useState<IntentLevel[]>([]);
  const [sources, setSources] = useState<LeadSource[]>([]);
  const [ownerId, setOwnerId] = useState<string | undefined>(params.get("ownerId") ?? undefined);
  const [campaignId, setCampaignId] = useState<string | undefined>(params.get("campaignId") ?? undefined);
  const [followUp, setFollowUp] = useState<FollowUpFilter | undefined>(
    (FOLLOW_UP_FILTERS as readonly string[]).includes(params.get("followUp") ?? "")
      ? (params.get("followUp") as FollowUpFilter)
      : undefined,
  );
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const creating = params.get("new") === "1";

  const filters = useMemo<LeadFilters>(
    () => ({
      q: q || undefined,
      stage: stages.length ? stages : undefined,
      intentLevel: levels.length ? levels : undefined,
      source: sources.length ? sources : undefined,
      ownerId,
      campaignId,
      followUp,
    }),
    [q, stages, levels, sources, ownerId, campaignId, followUp],
  );
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const table = useLeads({ ...filters, page, pageSize: paging.pageSize }, view === "table");
  const kanban = useQuery({
    queryKey: ["crm", "leads", "kanban", filters],
    queryFn: () => fetchAllLeads(filters),
    enabled: view === "kanban",
  });
  const filtered = Boolean(
    q || stages.length || levels.length || sources.length || ownerId || campaignId || followUp,
  );
  const columns = useLeadColumns();

  const changeView = (next: ViewMode) => {
    setView(next);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // private mode: the choice lasts for this page
    }
  };

  const clearFilters = () => {
    search.set("");
    setStages([]);
    setLevels([]);
    setSources([]);
    setOwnerId(undefined);
    setCampaignId(undefined);
    setFollowUp(undefined);
  };

  const applyView = (saved: SavedView) => {
    const f = saved.filters as LeadFilters & { view?: ViewMode };
    search.set(f.q ?? "");
    setStages(pickValid(f.stage, LEAD_STAGES));
    setLevels(pickValid(f.intentLevel, INTENT_LEVELS));
    setSources(pickValid(f.source, LEAD_SOURCES));
    setOwnerId(f.ownerId);
    setCampaignId(f.campaignId);
    setFollowUp(pickValid([f.followUp], FOLLOW_UP_FILTERS)[0]);
    if (f.view === "table" || f.view === "kanban") changeView(f.view);
    message.info(t("applications.views.applied", { name: saved.name }));
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { items } = await fetchAllLeads(filters);
      const c = (key: string) => t(`crmLeads.columns.${key}`);
      downloadCsv(
        `${t("crmLeads.export")}-${todayInChina()}.csv`,
        [
          c("name"),
          c("phone"),
          c("stage"),
          c("intent"),
          c("source"),
          c("campaign"),
          c("owner"),
          c("amount"),
          c("city"),
          c("followUp"),
          c("lastContact"),
          c("createdAt"),
        ],
        items.map((l) => [
          l.name,
          l.phone,
          t(`crmLeads.stage.${l.stage}`),
          l.intentLevel,
          t(`crmLeads.source.${l.source}`),
          l.campaignName,
          l.ownerName,
          l.wantedAmount,
          l.city,
          l.nextFollowUpOn,
          formatDateTime(l.lastContactAt),
          formatDateTime(l.createdAt),
        ]),
      );
      message.success(t("common.exported", { count: items.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const emptyState = (
    <Empty description={filtered ? t("crmLeads.empty") : t("crmLeads.emptyNone")}>
      <div className="muted section-gap">{t("crmLeads.emptyHint")}</div>
      <Space>
        {filtered ? <Button onClick={clearFilters}>{t("crmLeads.clearFilters")}</Button> : null}
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ new: "1" })}>
          {t("crmLeads.create")}
        </Button>
      </Space>
    </Empty>
  );
  const total = (view === "table" ? table.data?.total : kanban.data?.total) ?? 0;
  const people = agents.data ?? [];

  return (
    <div data-testid="leads-page">
      <PageHeader
        title={t("crmLeads.title")}
        subtitle={t("crmLeads.subtitle")}
        extra={
          <>
            <Segmented<ViewMode>
              value={view}
              onChange={changeView}
              options={[
                { value: "table", label: t("crmLeads.viewTable"), icon: <TableOutlined /> },
                { value: "kanban", label: t("crmLeads.viewKanban"), icon: <ProjectOutlined /> },
              ]}
              data-testid="leads-view-switch"
            />
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportCsv")}
            </Button>
            <Link to="/crm/leads/import">
              <Button icon={<ImportOutlined />}>{t("crmLeads.import")}</Button>
            </Link>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setParams({ new: "1" })}
              data-testid="create-lead"
            >
              {t("crmLeads.create")}
            </Button>
          </>
        }
      />
      <Card className="section-gap">
        <div className="filter-bar">
          <ListSearchInput
            search={search}
            placeholder={t("crmLeads.filters.search")}
            ariaLabel={t("crmLeads.filters.searchLabel")}
            width={220}
            testId="lead-search"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t("crmLeads.filters.stage")}
            aria-label={t("crmLeads.filters.stage")}
            value={stages}
            onChange={setStages}
            options={LEAD_STAGES.map((s) => ({ value: s, label: t(`crmLeads.stage.${s}`) }))}
            style={{ width: 170 }}
            data-testid="stage-filter"
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t("crmLeads.filters.intent")}
            aria-label={t("crmLeads.filters.intent")}
            value={levels}
            onChange={setLevels}
            options={INTENT_LEVELS.map((l) => ({ value: l, label: l }))}
            style={{ width: 120 }}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t("crmLeads.filters.source")}
            aria-label={t("crmLeads.filters.source")}
            value={sources}
            onChange={setSources}
            options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`crmLeads.source.${s}`) }))}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            placeholder={t("crmLeads.filters.followUp")}
            aria-label={t("crmLeads.filters.followUp")}
            value={followUp}
            onChange={setFollowUp}
            options={FOLLOW_UP_FILTERS.map((f) => ({ value: f, label: t(`crmLeads.followUp.${f}`) }))}
            style={{ width: 140 }}
            data-testid="follow-up-filter"
          />
          {people.length > 1 ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t("crmLeads.filters.owner")}
              aria-label={t("crmLeads.filters.owner")}
              value={ownerId}
              onChange={setOwnerId}
              options={people.map((a) => ({ value: a.userId, label: a.displayName }))}
              style={{ width: 130 }}
            />
          ) : null}
          <Select
            allowClear
            placeholder={t("crmLeads.filters.campaign")}
            aria-label={t("crmLeads.filters.campaign")}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            style={{ width: 150 }}
          />
          {filtered ? <Button onClick={clearFilters}>{t("common.reset")}</Button> : null}
          <SavedViews page={VIEWS_PAGE} filters={{ ...filters, view }} onApply={applyView} />
          <span className="filter-bar-spacer" />
          {canAssign && view === "table" && selected.length ? (
            <Button icon={<SwapOutlined />} onClick={() => setReassigning(true)} data-testid="bulk-reassign">
              {t("crmLeads.reassign", { count: selected.length })}
            </Button>
          ) : null}
          <span className="muted small num">{t("common.total", { total })}</span>
        </div>
        {view === "table" ? (
          <Table<Lead>
            rowKey="id"
            size="middle"
            loading={table.isFetching}
            dataSource={table.data?.items ?? []}
            columns={columns}
            scroll={{ x: 1100 }}
            rowSelection={
              canAssign
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
                : undefined
            }
            onRow={(lead) => ({ onDoubleClick: () => navigate(`/crm/leads/${lead.id}`) })}
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
          <LeadsKanban
            items={kanban.data?.items ?? []}
            counts={kanban.data?.counts ?? {}}
            loading={kanban.isFetching}
            stages={stages}
          />
        )}
      </Card>
      <LeadCreateModal
        open={creating}
        onClose={() => setParams({}, { replace: true })}
        onCreated={(id) => navigate(`/crm/leads/${id}`)}
      />
      {canAssign ? (
        <LeadReassignModal
          leadIds={selected}
          open={reassigning}
          onClose={(done) => {
            setReassigning(false);
            if (done) setSelected([]);
          }}
        />
      ) : null}
    </div>
  );
}
