import { DownloadOutlined, EyeOutlined, FileAddOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Select, Space, Table, Tooltip } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  CUSTOMER_TYPES,
  type Customer,
  type CustomerFilters,
  type CustomerType,
  fetchAllCustomers,
  SEGMENTS,
  type Segment,
  useCustomers,
} from "../../api/customers.ts";
import { downloadCsv } from "../../components/csv.ts";
import { ListSearchInput, useListSearch } from "../../components/list-search.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney, todayInChina } from "../../format.ts";
import { CustomerCreateModal } from "./customer-create-modal.tsx";
import { BlacklistTag, CustomerTypeTag, SegmentTag } from "./customer-tags.tsx";
import "../business.css";

type BlacklistFilter = "yes" | "no";

/** 客户: search first (`/`), the few filters people use, masked personal data, export of what shows. */
export function CustomersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe().data;
  useDocumentTitle(t("customers.title"));
  const [params] = useSearchParams();
  const search = useListSearch(params.get("q") ?? "");
  const [type, setType] = useState<CustomerType | undefined>();
  const [segment, setSegment] = useState<Segment | undefined>();
  const [blacklist, setBlacklist] = useState<BlacklistFilter | undefined>();
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(params.get("new") === "1");
  const [exporting, setExporting] = useState(false);
  const canWrite = hasPermission(me, "customers.write");
  const canApply = hasPermission(me, "applications.create");

  const filters = useMemo<CustomerFilters>(
    () => ({
      q: search.value || undefined,
      type,
      segment,
      blacklisted: blacklist === undefined ? undefined : blacklist === "yes",
    }),
    [search.value, type, segment, blacklist],
  );
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const customers = useCustomers({ ...filters, page, pageSize: paging.pageSize });
  const filtered = Boolean(search.value || type || segment || blacklist);

  const clearFilters = () => {
    search.set("");
    setType(undefined);
    setSegment(undefined);
    setBlacklist(undefined);
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows = await fetchAllCustomers(filters);
      const c = (key: string) => t(`customers.columns.${key}`);
      downloadCsv(
        `${t("customers.export")}-${todayInChina()}.csv`,
        [
          c("name"),
          c("type"),
          c("segment"),
          c("creditCode"),
          c("legalRepresentative"),
          c("phone"),
          c("idNumber"),
          c("monthlyIncome"),
          c("owner"),
          c("blacklist"),
          c("blacklistReason"),
          c("createdAt"),
        ],
        rows.map((r) => [
          r.name,
          t(`customers.types.${r.type}`),
          t(`customers.segments.${r.segment}`),
          r.creditCode,
          r.legalRepresentative,
          r.phone,
          r.idNumber,
          r.monthlyIncome,
          r.ownerName,
          r.blacklisted ? t("common.yes") : t("common.no"),
          r.blacklistReason,
          formatDateTime(r.createdAt),
        ]),
      );
      message.success(t("common.exported", { count: rows.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<Customer> = [
    {
      title: t("customers.columns.name"),
      dataIndex: "name",
      width: 190,
      sorter: (a, b) => a.name.localeCompare(b.name, "zh-CN"),
      render: (name: string, c) => (
        <div>
          <Link to={`/customers/${c.id}`} className="strong-link">
            {name}
          </Link>
          {c.type === "business" && c.legalRepresentative ? (
            <div className="muted small">
              {t("customers.representativeLine", { name: c.legalRepresentative })}
            </div>
          ) : (
            <div className="muted small">
              {c.gender ? t(`customers.gender.${c.gender}`) : ""} {t("customers.ageLine", { age: c.age })}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t("customers.columns.type"),
      dataIndex: "type",
      width: 150,
      render: (value: CustomerType, c) => (
        <span className="tag-list nowrap">
          <CustomerTypeTag type={value} />
          <SegmentTag segment={c.segment} />
        </span>
      ),
    },
    {
      title: t("customers.columns.contact"),
      key: "identifiers",
      width: 185,
      render: (_: unknown, c) => (
        <div className="mono-text">
          <div>{c.phone}</div>
          <div className="muted">{c.creditCode ?? c.idNumber}</div>
        </div>
      ),
    },
    {
      title: t("customers.columns.monthlyIncome"),
      dataIndex: "monthlyIncome",
      width: 115,
      align: "right",
      sorter: (a, b) => Number(a.monthlyIncome ?? 0) - Number(b.monthlyIncome ?? 0),
      render: (value: string | null) =>
        value ? <span className="num">{formatMoney(value)}</span> : <span className="muted">—</span>,
    },
    {
      title: t("customers.columns.owner"),
      dataIndex: "ownerName",
      width: 90,
      render: (value: string | null) => value ?? <span className="muted">—</span>,
    },
    {
      title: t("customers.columns.status"),
      dataIndex: "blacklisted",
      width: 90,
      render: (_: boolean, c) =>
        c.blacklisted ? (
          <BlacklistTag customer={c} />
        ) : (
          <span className="muted">{t("customers.normal")}</span>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: canApply ? 165 : 80,
      render: (_: unknown, c) => (
        <span className="row-actions nowrap">
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(`/customers/${c.id}`)}
          >
            {t("customers.view")}
          </Button>
          {canApply ? (
            <Tooltip
              title={
                c.blacklisted
                  ? t("customers.cannotApplyBlacklisted")
                  : c.segment === "student"
                    ? t("customers.studentNote")
                    : undefined
              }
            >
              <Button
                type="link"
                size="small"
                icon={<FileAddOutlined />}
                disabled={c.blacklisted || c.segment === "student"}
                onClick={() => navigate(`/applications?new=1&customerId=${c.id}`)}
              >
                {t("customers.newApplication")}
              </Button>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="customers-page">
      <PageHeader
        title={t("customers.title")}
        subtitle={t("customers.subtitle")}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportCsv")}
            </Button>
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="create-customer"
              >
                {t("customers.create")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <div className="filter-bar">
          <ListSearchInput
            search={search}
            placeholder={t("customers.searchPlaceholder")}
            ariaLabel={t("customers.searchLabel")}
            width={330}
            testId="customer-search"
          />
          <Select
            allowClear
            placeholder={t("customers.typePlaceholder")}
            aria-label={t("customers.columns.type")}
            value={type}
            onChange={setType}
            options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t("customers.segmentPlaceholder")}
            aria-label={t("customers.columns.segment")}
            value={segment}
            onChange={setSegment}
            options={SEGMENTS.map((v) => ({ value: v, label: t(`customers.segments.${v}`) }))}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={t("customers.blacklistPlaceholder")}
            aria-label={t("customers.columns.blacklist")}
            value={blacklist}
            onChange={setBlacklist}
            options={[
              { value: "no", label: t("customers.blacklistOptions.no") },
              { value: "yes", label: t("customers.blacklistOptions.yes") },
            ]}
            style={{ width: 140 }}
          />
          {filtered ? <Button onClick={clearFilters}>{t("common.reset")}</Button> : null}
          <span className="filter-bar-spacer" />
          <span className="muted small">{t("customers.maskedNote")}</span>
        </div>
        <Table<Customer>
          rowKey="id"
          loading={customers.isFetching}
          dataSource={customers.data?.items ?? []}
          size="middle"
          scroll={{ x: 960 }}
          locale={{
            emptyText: customers.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(customers.error) })} />
            ) : (
              <Empty description={filtered ? t("customers.empty") : t("customers.emptyNone")}>
                <div className="muted section-gap">
                  {canWrite ? t("customers.emptyHint") : t("customers.emptyHintReadOnly")}
                </div>
                <Space>
                  {filtered ? <Button onClick={clearFilters}>{t("customers.clearFilters")}</Button> : null}
                  {canWrite ? (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      {t("customers.create")}
                    </Button>
                  ) : null}
                </Space>
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: customers.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={columns}
        />
      </Card>
      <CustomerCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(customer) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: ["customers"] });
          navigate(`/customers/${customer.id}`);
        }}
      />
    </div>
  );
}
