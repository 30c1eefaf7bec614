import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Input, type InputRef, Select, Table, Tag } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  BUCKETS,
  type Bucket,
  CLASSIFICATIONS,
  type Classification,
  fetchAllLoans,
  LOAN_STATUSES,
  type LoanStatus,
  type LoanSummary,
  useBusinessDate,
  useLoans,
} from "../../api/servicing.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { formatRate, todayInChina } from "../../format.ts";
import { Money } from "./money.tsx";
import { BucketTag, ClassificationTag, LoanStatusTag } from "./servicing-tags.tsx";
import "./servicing.css";

export function LoansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("servicing.list.title"));
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<LoanStatus | undefined>();
  const [bucket, setBucket] = useState<Bucket | undefined>();
  const [classification, setClassification] = useState<Classification | undefined>();
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const businessDate = useBusinessDate();

  // The search goes to the server once typing pauses, so it covers the whole book, not just the page.
  const [debouncedSearch, setDebouncedSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebouncedSearch(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const filters = useMemo(
    () => ({ status, bucket, classification, search: debouncedSearch || undefined }),
    [status, bucket, classification, debouncedSearch],
  );
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const loans = useLoans({ ...filters, page, pageSize: paging.pageSize });
  const filtered = Boolean(status || bucket || classification || search);
  const rows = loans.data?.items ?? [];

  const clearFilters = () => {
    setSearch("");
    setStatus(undefined);
    setBucket(undefined);
    setClassification(undefined);
  };

  const c = (key: string) => t(`servicing.list.columns.${key}`);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await fetchAllLoans(filters);
      downloadCsv(
        `${t("servicing.list.export")}-${todayInChina()}.csv`,
        [
          c("loanNo"),
          c("customer"),
          c("officer"),
          c("principal"),
          c("outstanding"),
          c("rate"),
          c("dpd"),
          c("bucket"),
          c("classification"),
          c("status"),
          c("startDate"),
          c("maturity"),
          c("nextDueDate"),
          c("nextDueAmount"),
        ],
        all.map((l) => [
          l.loanNo,
          l.customer.name,
          l.officer?.name,
          l.principal,
          l.principalOutstanding,
          formatRate(l.rate),
          l.dpd,
          l.bucket,
          t(`servicing.classification.${l.classification}`),
          t(`servicing.status.${l.status}`),
          l.startDate,
          l.maturityDate,
          l.nextDue?.dueDate,
          l.nextDue?.amount,
        ]),
      );
      message.success(t("common.exported", { count: all.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="loans-page">
      <PageHeader
        title={t("servicing.list.title")}
        subtitle={
          <>
            {t("servicing.list.subtitle")}
            {businessDate.data ? (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t("servicing.list.businessDate", { date: businessDate.data.businessDate })}
              </Tag>
            ) : null}
          </>
        }
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
            {t("common.exportExcel")}
          </Button>
        }
      />
      <Card>
        <div className="filter-bar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("servicing.list.searchPlaceholder")}
            aria-label={t("servicing.list.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320 }}
            data-testid="loan-search"
          />
          <Select
            allowClear
            placeholder={t("servicing.list.statusPlaceholder")}
            aria-label={c("status")}
            value={status}
            onChange={setStatus}
            options={LOAN_STATUSES.map((s) => ({ value: s, label: t(`servicing.status.${s}`) }))}
            style={{ width: 140 }}
            data-testid="filter-status"
          />
          <Select
            allowClear
            placeholder={t("servicing.list.bucketPlaceholder")}
            aria-label={c("bucket")}
            value={bucket}
            onChange={setBucket}
            options={BUCKETS.map((b) => ({ value: b, label: b }))}
            style={{ width: 150 }}
            data-testid="filter-bucket"
          />
          <Select
            allowClear
            placeholder={t("servicing.list.classificationPlaceholder")}
            aria-label={c("classification")}
            value={classification}
            onChange={setClassification}
            options={CLASSIFICATIONS.map((k) => ({ value: k, label: t(`servicing.classification.${k}`) }))}
            style={{ width: 150 }}
            data-testid="filter-classification"
          />
          {filtered ? <Button onClick={clearFilters}>{t("common.reset")}</Button> : null}
        </div>
        <Table<LoanSummary>
          rowKey="id"
          size="middle"
          loading={loans.isFetching}
          dataSource={rows}
          scroll={{ x: 960 }}
          data-testid="loans-table"
          locale={{
            emptyText: loans.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(loans.error) })} />
            ) : (
              <Empty description={t("servicing.list.empty")}>
                <div className="muted section-gap">{t("servicing.list.emptyHint")}</div>
                {filtered ? <Button onClick={clearFilters}>{t("servicing.list.clearFilters")}</Button> : null}
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: loans.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={[
            {
              title: c("loanNo"),
              dataIndex: "loanNo",
              fixed: "left",
              width: 150,
              sorter: (a, b) => a.loanNo.localeCompare(b.loanNo),
              render: (value: string, row) => (
                <>
                  <Link to={`/loans/${row.id}`} className="mono">
                    {value}
                  </Link>
                  {row.status !== "active" ? (
                    <div>
                      <LoanStatusTag value={row.status} />
                    </div>
                  ) : null}
                </>
              ),
            },
            {
              title: `${c("customer")} / ${c("officer")}`,
              key: "customer",
              width: 150,
              render: (_, row) => (
                <>
                  {row.customer.name ?? "—"}
                  <div className="muted">{row.officer?.name ?? "—"}</div>
                </>
              ),
            },
            {
              title: c("principal"),
              dataIndex: "principal",
              align: "right",
              width: 120,
              sorter: (a, b) => Number(a.principal) - Number(b.principal),
              render: (value: string) => <Money value={value} />,
            },
            {
              title: c("outstanding"),
              dataIndex: "principalOutstanding",
              align: "right",
              width: 125,
              sorter: (a, b) => Number(a.principalOutstanding) - Number(b.principalOutstanding),
              render: (value: string) => <Money value={value} />,
            },
            {
              title: c("rate"),
              dataIndex: "rate",
              align: "right",
              width: 80,
              render: (value: string) => <span className="num">{formatRate(value)}</span>,
            },
            {
              title: `${c("dpd")} / ${c("bucket")}`,
              dataIndex: "dpd",
              align: "right",
              width: 120,
              sorter: (a, b) => a.dpd - b.dpd,
              render: (value: number, row) => (
                <span className="num" style={value > 0 ? { color: "#cf1322", fontWeight: 600 } : undefined}>
                  {t("servicing.list.dpdDays", { count: value })} <BucketTag value={row.bucket} />
                </span>
              ),
            },
            {
              title: c("classification"),
              dataIndex: "classification",
              width: 105,
              render: (value: Classification) => <ClassificationTag value={value} />,
            },
            {
              title: c("nextDue"),
              key: "nextDue",
              width: 130,
              render: (_: unknown, l: LoanSummary) =>
                l.nextDue ? (
                  <div>
                    <Money value={l.nextDue.amount} />
                    <div
                      className={`num muted${l.nextDue.dueDate < (businessDate.data?.businessDate ?? "") ? " date-overdue" : ""}`}
                    >
                      {l.nextDue.dueDate}
                    </div>
                  </div>
                ) : (
                  <span className="muted">—</span>
                ),
            },
            {
              title: c("maturity"),
              dataIndex: "maturityDate",
              width: 105,
              sorter: (a, b) => a.maturityDate.localeCompare(b.maturityDate),
              render: (value: string) => <span className="num">{value}</span>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
