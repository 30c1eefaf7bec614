import { ApartmentOutlined, DownloadOutlined, SearchOutlined, UserAddOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Input, type InputRef, Select, Table, TreeSelect } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { api, errorMessage, toQueryString } from "../../api/client.ts";
import {
  STAFF_STATUSES,
  type StaffFilters,
  type StaffStatus,
  type StaffSummary,
  useAllStaff,
  useStaffList,
} from "../../api/staff.ts";
import type { Page } from "../../api/types.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { todayInChina } from "../../format.ts";
import "../business.css";
import { StaffDrawer } from "./staff-drawer.tsx";
import { StaffHireModal } from "./staff-hire-modal.tsx";
import { departmentTree, StaffStatusTag, useStaffNames } from "./staff-parts.tsx";
import "./staff.css";

const EXPORT_COLUMNS = [
  "employeeNo",
  "name",
  "position",
  "rank",
  "department",
  "team",
  "manager",
  "joinedOn",
  "status",
  "channel",
  "leftOn",
];

/** 员工档案: everyone in the caller's scope, filtered; a row opens the record with its history. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("staff.list.title"));
  const me = useMe().data;
  const canManage = hasPermission(me, "staff.manage");
  const names = useStaffNames();
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Omit<StaffFilters, "search">>({});
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [hiring, setHiring] = useState(false);
  const [exporting, setExporting] = useState(false);
  const openId = params.get("id");

  const query = useMemo(() => ({ ...filters, search: search.trim() || undefined }), [filters, search]);
  const filterKey = JSON.stringify(query);
  const page = paging.key === filterKey ? paging.page : 1;
  const list = useStaffList({ ...query, page, pageSize: paging.pageSize });
  // Teams are free text on a seat: offer the ones in use.
  const everyone = useAllStaff();
  const teams = [...new Set((everyone.data?.items ?? []).map((s) => s.team).filter(Boolean))] as string[];
  const filtered = Boolean(query.search || Object.values(filters).some((v) => v !== undefined));
  const set = <K extends keyof typeof filters>(key: K, value: (typeof filters)[K]) =>
    setFilters((current) => ({ ...current, [key]: value }));
  const clear = () => {
    setSearch("");
    setFilters({});
  };
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set("id", id);
    else next.delete("id");
    setParams(next, { replace: true });
  };

  const c = (key: string) => t(`staff.columns.${key}`);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await api.get<Page<StaffSummary>>(`/staff${toQueryString({ ...query, pageSize: 500 })}`);
      downloadCsv(
        `${t("staff.list.exportName")}-${todayInChina()}.csv`,
        EXPORT_COLUMNS.map(c),
        all.items.map((s) => [
          s.employeeNo,
          s.name,
          names.position(s.position),
          names.rank(s.rank),
          names.department(s.departmentId, s.departmentName),
          s.team,
          s.managerName,
          s.joinedOn,
          t(`staff.status.${s.status}`),
          names.channel(s.recruitmentChannel),
          s.leftOn,
        ]),
      );
      message.success(t("common.exported", { count: all.items.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="staff-page">
      <PageHeader
        title={t("staff.list.title")}
        subtitle={t("staff.list.subtitle")}
        extra={
          <>
            <Link to="/staff/org">
              <Button icon={<ApartmentOutlined />}>{t("staff.nav.org")}</Button>
            </Link>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportExcel")}
            </Button>
            {canManage ? (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => setHiring(true)}
                data-testid="hire-staff"
              >
                {t("staff.hire.button")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <div className="filter-bar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("staff.list.searchPlaceholder")}
            aria-label={t("staff.list.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
            data-testid="staff-search"
          />
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            placeholder={t("staff.list.departmentPlaceholder")}
            aria-label={c("department")}
            value={filters.departmentId}
            onChange={(v) => set("departmentId", v)}
            treeData={departmentTree(names)}
            style={{ width: 170 }}
            data-testid="filter-department"
          />
          {teams.length ? (
            <Select
              allowClear
              placeholder={t("staff.list.teamPlaceholder")}
              aria-label={c("team")}
              value={filters.team}
              onChange={(v) => set("team", v)}
              options={teams.map((team) => ({ value: team, label: team }))}
              style={{ width: 130 }}
            />
          ) : null}
          <Select
            allowClear
            placeholder={t("staff.list.positionPlaceholder")}
            aria-label={c("position")}
            value={filters.position}
            onChange={(v) => set("position", v)}
            options={(names.reference?.positions ?? []).map((p) => ({
              value: p.key,
              label: names.position(p.key),
            }))}
            style={{ width: 150 }}
            data-testid="filter-position"
          />
          <Select
            allowClear
            placeholder={t("staff.list.statusPlaceholder")}
            aria-label={c("status")}
            value={filters.status}
            onChange={(v: StaffStatus | undefined) => set("status", v)}
            options={STAFF_STATUSES.map((s) => ({ value: s, label: t(`staff.status.${s}`) }))}
            style={{ width: 120 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("staff.list.rankPlaceholder")}
            aria-label={c("rank")}
            value={filters.rank}
            onChange={(v) => set("rank", v)}
            options={(names.reference?.ranks ?? []).map((r) => ({ value: r.key, label: names.rank(r.key) }))}
            style={{ width: 180 }}
            data-testid="filter-rank"
          />
          {filtered ? <Button onClick={clear}>{t("common.reset")}</Button> : null}
        </div>
        <Table<StaffSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          data-testid="staff-table"
          rowClassName={() => "clickable-row"}
          onRow={(row) => ({ onClick: () => open(row.id) })}
          locale={{
            emptyText: list.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(list.error) })} />
            ) : (
              <Empty description={t("staff.list.empty")}>
                <div className="muted section-gap">
                  {canManage ? t("staff.list.emptyHintManage") : t("staff.list.emptyHint")}
                </div>
                {filtered ? <Button onClick={clear}>{t("staff.list.clearFilters")}</Button> : null}
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={[
            {
              title: c("employeeNo"),
              dataIndex: "employeeNo",
              width: 90,
              sorter: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
              render: (value: string) => <span className="mono">{value}</span>,
            },
            {
              title: c("name"),
              dataIndex: "name",
              width: 110,
              render: (value: string) => <span className="strong-link">{value}</span>,
            },
            {
              title: c("position"),
              dataIndex: "position",
              width: 120,
              render: (value: string) => names.position(value),
            },
            {
              title: c("rank"),
              dataIndex: "rank",
              width: 150,
              render: (value: string | null) => names.rank(value),
            },
            {
              title: c("department"),
              key: "department",
              width: 150,
              render: (_, row) => (
                <>
                  {names.department(row.departmentId, row.departmentName)}
                  {row.team ? <div className="muted">{row.team}</div> : null}
                </>
              ),
            },
            {
              title: c("manager"),
              dataIndex: "managerName",
              width: 100,
              render: (v: string | null) => v ?? "—",
            },
            {
              title: c("joinedOn"),
              dataIndex: "joinedOn",
              width: 110,
              sorter: (a, b) => a.joinedOn.localeCompare(b.joinedOn),
              render: (value: string) => <span className="num">{value}</span>,
            },
            {
              title: c("status"),
              dataIndex: "status",
              width: 110,
              render: (value: StaffStatus, row) => (
                <>
                  <StaffStatusTag status={value} />
                  {row.leftOn ? <div className="muted num">{row.leftOn}</div> : null}
                </>
              ),
            },
          ]}
        />
      </Card>
      <StaffDrawer id={openId} onClose={() => open(null)} />
      <StaffHireModal
        open={hiring}
        onClose={() => setHiring(false)}
        onHired={(id) => {
          setHiring(false);
          open(id);
        }}
      />
    </div>
  );
}
