// 话单导入: upload the phone system's call records with a progress bar (upload, then the server's
// reading and writing as it streams), the result with a downloadable error report, and the history.
import { DownloadOutlined, InboxOutlined, PhoneOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Input, Progress, Result, Space, Table, Tag, Upload } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  type CallImport,
  type ImportProgress,
  importCallFile,
  type RowError,
  useCallImports,
} from "../../api/crm-imports.ts";
import { downloadFile } from "../../api/files.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import "../business.css";
import "./leads-styles.css";

export function ImportErrors({ errors, count }: { errors: RowError[]; count: number }) {
  const { t } = useTranslation();
  const columns: ColumnsType<RowError> = [
    {
      title: t("crmCalls.imports.row"),
      dataIndex: "row",
      width: 80,
      render: (r: number) => <span className="num">{r}</span>,
    },
    {
      title: t("crmCalls.imports.column"),
      dataIndex: "column",
      width: 140,
      render: (c: string | null) => c ?? "—",
    },
    { title: t("crmCalls.imports.problem"), dataIndex: "message" },
  ];
  return (
    <>
      {count > errors.length ? (
        <div className="muted small section-gap">
          {t("crmCalls.imports.moreErrors", { shown: errors.length, count })}
        </div>
      ) : null}
      <Table<RowError>
        rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
        size="small"
        columns={columns}
        dataSource={errors}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        data-testid="import-errors"
      />
    </>
  );
}

const downloadReport = (item: CallImport) =>
  downloadFile(`/crm/call-imports/${item.id}/errors.csv`, { fileName: `${item.fileName}-errors.csv` });

function progressText(p: ImportProgress | null, t: TFunction): { percent: number; text: string } {
  if (!p) return { percent: 0, text: "" };
  if (p.stage === "uploading") {
    const percent = p.total ? Math.round((p.loaded / p.total) * 100) : 0;
    return {
      percent: Math.min(60, Math.round(percent * 0.6)),
      text: t("crmCalls.imports.uploading", { percent }),
    };
  }
  const errors = p.errors ? ` · ${t("crmCalls.imports.errorsSoFar", { count: p.errors })}` : "";
  if (p.stage === "reading")
    return {
      percent: 75,
      text: `${t("crmCalls.imports.reading", { rows: p.rows.toLocaleString() })}${errors}`,
    };
  if (p.stage === "writing")
    return { percent: 90, text: t("crmCalls.imports.writing", { rows: p.rows.toLocaleString() }) };
  return { percent: 100, text: t("crmCalls.imports.done") };
}

export function CallImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("crmCalls.imports.title"));
  const [file, setFile] = useState<File | null>(null);
  const [vendor, setVendor] = useState("");
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<CallImport | null>(null);
  const [page, setPage] = useState(1);
  const history = useCallImports(page);

  const start = async () => {
    if (!file || running) return;
    setRunning(true);
    setResult(null);
    setProgress({ stage: "uploading", loaded: 0, total: file.size });
    try {
      const done = await importCallFile(file, vendor, setProgress);
      setResult(done);
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
    } catch (error) {
      message.error(errorMessage(error));
      setProgress(null);
    } finally {
      setRunning(false);
    }
  };

  const shown = progressText(progress, t);
  const columns: ColumnsType<CallImport> = [
    {
      title: t("crmCalls.imports.at"),
      dataIndex: "startedAt",
      width: 140,
      render: (at: string) => <span className="num">{formatDateTime(at)}</span>,
    },
    {
      title: t("crmCalls.imports.file"),
      dataIndex: "fileName",
      render: (name: string, row) => (
        <span>
          {name}
          {row.vendor ? <div className="muted small">{row.vendor}</div> : null}
        </span>
      ),
    },
    {
      title: t("crmCalls.imports.status.imported"),
      dataIndex: "status",
      width: 90,
      render: (s: CallImport["status"]) => (
        <Tag color={s === "imported" ? "green" : "red"}>{t(`crmCalls.imports.status.${s}`)}</Tag>
      ),
    },
    {
      title: t("crmCalls.imports.rows"),
      dataIndex: "totalRows",
      width: 90,
      align: "right",
      render: (n: number) => <span className="num">{n.toLocaleString()}</span>,
    },
    {
      title: t("crmCalls.imports.importedRows"),
      dataIndex: "importedRows",
      width: 90,
      align: "right",
      render: (n: number) => <span className="num">{n.toLocaleString()}</span>,
    },
    {
      title: t("crmCalls.imports.duplicates"),
      dataIndex: "duplicateRows",
      width: 80,
      align: "right",
      render: (n: number) => <span className="num">{n.toLocaleString()}</span>,
    },
    {
      title: t("crmCalls.imports.linked"),
      dataIndex: "linkedRows",
      width: 90,
      align: "right",
      render: (n: number) => <span className="num">{n.toLocaleString()}</span>,
    },
    {
      title: t("crmCalls.imports.errors"),
      dataIndex: "errorCount",
      width: 70,
      align: "right",
      render: (n: number) => <span className={n ? "num field-error" : "num"}>{n}</span>,
    },
    { title: t("crmCalls.imports.by"), dataIndex: "importedByName", width: 100 },
    {
      title: t("common.actions"),
      key: "actions",
      width: 110,
      render: (_: unknown, row) =>
        row.status === "imported" ? (
          <Link to={`/crm/calls?importId=${row.id}`}>{t("crmCalls.imports.viewCalls")}</Link>
        ) : (
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void downloadReport(row).catch((e) => message.error(errorMessage(e)))}
          >
            {t("crmCalls.imports.report")}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="call-import-page">
      <PageHeader
        title={t("crmCalls.imports.title")}
        subtitle={t("crmCalls.imports.subtitle")}
        extra={
          <Link to="/crm/calls">
            <Button icon={<PhoneOutlined />}>{t("crmCalls.title")}</Button>
          </Link>
        }
      />
      <Card className="section-gap">
        <Alert type="info" showIcon title={t("crmCalls.imports.columnsHint")} className="section-gap" />
        <Upload.Dragger
          accept=".csv,.xlsx,.txt"
          multiple={false}
          showUploadList={false}
          disabled={running}
          beforeUpload={(candidate) => {
            setFile(candidate);
            setResult(null);
            setProgress(null);
            return false;
          }}
          data-testid="cdr-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t("crmCalls.imports.pick")}</p>
          <p className="ant-upload-hint">{t("crmCalls.imports.pickHint")}</p>
        </Upload.Dragger>
        <Space className="section-gap" wrap>
          <Input
            value={vendor}
            onChange={(e) => setVendor(e.target.value)}
            placeholder={t("crmCalls.imports.vendorPlaceholder")}
            aria-label={t("crmCalls.imports.vendor")}
            addonBefore={t("crmCalls.imports.vendor")}
            style={{ width: 420 }}
            maxLength={100}
          />
          <Button
            type="primary"
            disabled={!file || running}
            loading={running}
            onClick={() => void start()}
            data-testid="cdr-start"
          >
            {t("crmCalls.imports.start")}
          </Button>
        </Space>
        {progress ? (
          <div className="calls-import-progress" data-testid="cdr-progress">
            <Progress
              percent={shown.percent}
              status={running ? "active" : result?.status === "rejected" ? "exception" : "success"}
            />
            <div className="muted small num">{shown.text}</div>
          </div>
        ) : null}
        {result ? (
          result.status === "imported" ? (
            <Result
              status="success"
              title={t("crmCalls.imports.imported", {
                imported: result.importedRows.toLocaleString(),
                total: result.totalRows.toLocaleString(),
                duplicates: result.duplicateRows.toLocaleString(),
                linked: result.linkedRows.toLocaleString(),
              })}
              extra={
                <Link to={`/crm/calls?importId=${result.id}`}>
                  <Button type="primary">{t("crmCalls.imports.viewCalls")}</Button>
                </Link>
              }
              data-testid="cdr-result"
            />
          ) : (
            <div data-testid="cdr-result">
              <Alert
                type="error"
                showIcon
                title={t("crmCalls.imports.rejected", { count: result.errorCount })}
                description={t("crmCalls.imports.rejectedHint")}
                action={
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void downloadReport(result).catch((e) => message.error(errorMessage(e)))}
                  >
                    {t("crmCalls.imports.downloadErrors")}
                  </Button>
                }
                className="section-gap"
              />
              <ImportErrors errors={result.errors ?? []} count={result.errorCount} />
            </div>
          )
        ) : null}
      </Card>
      <Card className="section-gap" title={t("crmCalls.imports.history")}>
        <Table<CallImport>
          rowKey="id"
          size="middle"
          loading={history.isFetching}
          columns={columns}
          dataSource={history.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={t("crmCalls.imports.emptyHistory")} /> }}
          pagination={{
            current: page,
            pageSize: 10,
            total: history.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
        />
      </Card>
    </div>
  );
}
