// The preview rows of an import: filters by status (with counts) and text, each row's status and
// reason, the loan it pays, and what a person can do while the import is open — choose among the
// candidate loans, set the loan by its number, exclude or include the row.
import { SearchOutlined } from "@ant-design/icons";
import { App, Button, Empty, Input, type InputRef, Popover, Segmented, Select, Space, Table } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  type ImportRow,
  type RepaymentImport,
  ROW_STATUSES,
  type RowFilter,
  updateRow,
  useImportRows,
} from "../../api/repayment-imports.ts";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { RowStatusTag } from "./import-tags.tsx";
import { Money } from "./money.tsx";

function AssignLoan({ onAssign }: { onAssign: (loanNo: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!value.trim()) return;
    setBusy(true);
    try {
      await onAssign(value.trim());
      setOpen(false);
      setValue("");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t("imports.detail.assign")}
      content={
        <Space.Compact>
          <Input
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onPressEnter={() => void submit()}
            placeholder={t("imports.detail.assignPlaceholder")}
            style={{ width: 220 }}
            data-testid="assign-input"
          />
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="assign-ok">
            {t("imports.detail.assignOk")}
          </Button>
        </Space.Compact>
      }
    >
      <Button type="link" size="small" data-testid="assign-loan">
        {t("imports.detail.assign")}
      </Button>
    </Popover>
  );
}

export function ImportRowsTable({
  batch,
  filter,
  onFilter,
  onChanged,
}: {
  batch: RepaymentImport;
  filter: RowFilter | undefined;
  onFilter: (next: RowFilter | undefined) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [search, setSearch] = useState("");
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 50 });
  const key = `${filter ?? ""}|${search}`;
  const page = paging.key === key ? paging.page : 1;
  const rows = useImportRows(batch.id, {
    status: filter,
    search: search.trim() || undefined,
    page,
    pageSize: paging.pageSize,
  });
  const open = batch.status === "previewed";
  const c = (k: string) => t(`imports.detail.columns.${k}`);

  const change = async (row: ImportRow, body: { loanNo?: string | null; excluded?: boolean }) => {
    try {
      const result = await updateRow(batch.id, row.rowNo, body);
      message.success(
        t("imports.detail.rowUpdated", { row: row.rowNo, status: t(`imports.rowStatus.${result.status}`) }),
      );
      onChanged();
    } catch (error) {
      message.error(errorMessage(error));
      throw error;
    }
  };

  const filterOptions = [
    { value: "", label: `${t("imports.detail.allRows")} ${batch.rowCount}` },
    ...ROW_STATUSES.filter((s) => batch.counts[s] > 0).map((s) => ({
      value: s,
      label: `${t(`imports.rowStatus.${s}`)} ${batch.counts[s]}`,
    })),
    ...(batch.failedCount > 0
      ? [{ value: "failed", label: `${t("imports.rowStatus.failed")} ${batch.failedCount}` }]
      : []),
  ];

  return (
    <>
      <div className="import-filters">
        <Segmented
          value={filter ?? ""}
          onChange={(v) => onFilter((v as string) === "" ? undefined : (v as RowFilter))}
          options={filterOptions}
          data-testid="row-filter"
        />
        <Input
          ref={searchRef}
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("imports.detail.searchPlaceholder")}
          aria-label={t("imports.detail.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 320 }}
          data-testid="row-search"
        />
      </div>
      <Table<ImportRow>
        rowKey="rowNo"
        size="small"
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        scroll={{ x: 1040 }}
        data-testid="import-rows"
        rowClassName={(row) =>
          row.postError
            ? "import-row-failed"
            : ["ambiguous", "unmatched", "invalid"].includes(row.status)
              ? "import-row-attention"
              : ""
        }
        locale={{
          emptyText: rows.isError ? (
            <Empty description={t("common.loadFailed", { message: errorMessage(rows.error) })} />
          ) : (
            <Empty description={t("imports.detail.empty")} />
          ),
        }}
        pagination={{
          current: page,
          pageSize: paging.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200, 500],
          showTotal: (total) => t("common.total", { total }),
          onChange: (next, pageSize) => setPaging({ key, page: next, pageSize }),
        }}
        columns={[
          { title: c("row"), dataIndex: "rowNo", width: 56, align: "right", fixed: "left" },
          {
            title: c("status"),
            key: "status",
            width: 200,
            render: (_, row) => (
              <>
                <RowStatusTag value={row.postError ? "failed" : row.status} />
                {row.reasonText ? (
                  <div className={`import-reason ${row.postError ? "import-reason-error" : "muted"}`}>
                    {row.reasonText}
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: `${c("amount")} / ${c("date")}`,
            key: "amount",
            width: 124,
            align: "right",
            render: (_, row) => (
              <>
                {row.amount ? <Money value={row.amount} /> : "—"}
                <div className="muted num">{row.date ?? "—"}</div>
              </>
            ),
          },
          {
            title: c("payer"),
            key: "payer",
            width: 160,
            render: (_, row) => (
              <>
                {row.payerName ?? "—"}
                {row.payerAccount ? <div className="muted mono">{row.payerAccount}</div> : null}
              </>
            ),
          },
          {
            title: `${c("memo")} / ${c("reference")}`,
            key: "memo",
            width: 190,
            render: (_, row) => (
              <>
                <span className="import-memo" title={row.memo ?? undefined}>
                  {row.memo ?? "—"}
                </span>
                <div className="muted mono import-ellipsis" title={row.reference ?? undefined}>
                  {row.reference ?? "—"}
                </div>
              </>
            ),
          },
          {
            title: c("loan"),
            key: "loan",
            width: 190,
            render: (_, row) =>
              row.status === "ambiguous" && open ? (
                <Select<string>
                  placeholder={t("imports.detail.chooseLoan")}
                  style={{ width: 170 }}
                  options={row.candidates.map((l) => ({
                    value: l.loanNo,
                    label: `${l.loanNo} ${l.customerName ?? ""}`,
                  }))}
                  onChange={(loanNo) => void change(row, { loanNo }).catch(() => undefined)}
                  data-testid="choose-candidate"
                />
              ) : row.loan ? (
                <>
                  <Link to={`/loans/${row.loan.id}`} className="mono">
                    {row.loan.loanNo}
                  </Link>
                  <div className="import-ellipsis">{row.loan.customerName}</div>
                  {row.matchedBy ? (
                    <div className="muted">{t(`imports.matchedBy.${row.matchedBy}`)}</div>
                  ) : null}
                </>
              ) : (
                "—"
              ),
          },
          {
            title: c("actions"),
            key: "actions",
            width: 120,
            fixed: "right",
            render: (_, row) => {
              if (!open || row.status === "posted") return null;
              if (row.status === "excluded")
                return (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void change(row, { excluded: false }).catch(() => undefined)}
                  >
                    {t("imports.detail.include")}
                  </Button>
                );
              return (
                <Space size={0} wrap>
                  {["matched", "ambiguous", "unmatched"].includes(row.status) ? (
                    <AssignLoan onAssign={(loanNo) => change(row, { loanNo })} />
                  ) : null}
                  {row.matchedBy === "manual" ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => void change(row, { loanNo: null }).catch(() => undefined)}
                    >
                      {t("imports.detail.rematch")}
                    </Button>
                  ) : null}
                  {row.status !== "skipped" && row.status !== "duplicate" ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => void change(row, { excluded: true }).catch(() => undefined)}
                      data-testid="exclude-row"
                    >
                      {t("imports.detail.exclude")}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
    </>
  );
}
