// 批量还款导入: upload a statement (it is read, mapped and matched at once, then opened for checking),
// download a sample statement written from the loan book, and the history of imports.
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from "@ant-design/icons";
import { App, Button, Card, Dropdown, Empty, Select, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { downloadFile } from "../../api/files.ts";
import {
  IMPORT_STATUSES,
  type ImportStatus,
  type RepaymentImport,
  reportPath,
  samplePath,
  uploadStatement,
  useImports,
} from "../../api/repayment-imports.ts";
import { PAYMENT_CHANNELS, type PaymentChannel } from "../../api/servicing.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import { ImportStatusTag } from "./import-tags.tsx";
import { Money } from "./money.tsx";
import "./servicing.css";

export function ImportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  useDocumentTitle(t("imports.list.title"));
  const [channel, setChannel] = useState<PaymentChannel>("bank-transfer");
  const [uploading, setUploading] = useState(false);
  const [status, setStatus] = useState<ImportStatus | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const imports = useImports({ status, ...paging });
  const c = (key: string) => t(`imports.list.columns.${key}`);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const created = await uploadStatement(file, channel);
      message.success(
        t("imports.list.uploaded", { rows: created.rowCount, matched: created.counts.matched }),
      );
      navigate(`/repayment-imports/${created.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  const download = async (path: string, fileName: string) => {
    try {
      await downloadFile(path, { fileName, serverName: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="imports-page">
      <PageHeader
        title={t("imports.list.title")}
        subtitle={t("imports.list.subtitle")}
        extra={
          <Dropdown
            menu={{
              items: [
                { key: "xlsx", label: t("imports.list.sampleXlsx"), icon: <FileExcelOutlined /> },
                { key: "csv", label: t("imports.list.sampleCsv"), icon: <DownloadOutlined /> },
              ],
              onClick: ({ key }) =>
                void download(samplePath(key as "xlsx" | "csv"), `sample-statement.${key}`),
            }}
          >
            <Button
              icon={<DownloadOutlined />}
              data-testid="sample-download"
              title={t("imports.list.sampleHint")}
            >
              {t("imports.list.sample")}
            </Button>
          </Dropdown>
        }
      />
      <Card title={t("imports.list.uploadTitle")} className="section-gap">
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          <Space wrap>
            <Typography.Text>{t("imports.list.channel")}</Typography.Text>
            <Select<PaymentChannel>
              value={channel}
              onChange={setChannel}
              style={{ width: 160 }}
              aria-label={t("imports.list.channel")}
              options={PAYMENT_CHANNELS.map((ch) => ({ value: ch, label: t(`servicing.channel.${ch}`) }))}
              data-testid="import-channel"
            />
          </Space>
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {uploading ? t("imports.list.uploading") : t("imports.list.drop")}
              </p>
              <p className="ant-upload-hint">{t("imports.list.dropHint")}</p>
            </Upload.Dragger>
          </div>
        </Space>
      </Card>
      <Card
        title={t("imports.list.historyTitle")}
        extra={
          <Select<ImportStatus>
            allowClear
            placeholder={t("imports.list.statusPlaceholder")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ width: 140 }}
            aria-label={c("status")}
            options={IMPORT_STATUSES.map((s) => ({ value: s, label: t(`imports.status.${s}`) }))}
            data-testid="imports-status-filter"
          />
        }
      >
        <Table<RepaymentImport>
          rowKey="id"
          size="middle"
          loading={imports.isFetching}
          dataSource={imports.data?.items ?? []}
          scroll={{ x: 980 }}
          data-testid="imports-table"
          locale={{
            emptyText: imports.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(imports.error) })} />
            ) : (
              <Empty description={t("imports.list.empty")}>
                <div className="muted">{t("imports.list.emptyHint")}</div>
              </Empty>
            ),
          }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: imports.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("common.total", { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            {
              title: c("file"),
              dataIndex: "fileName",
              width: 260,
              render: (name: string, row) => (
                <>
                  <Link to={`/repayment-imports/${row.id}`}>{name}</Link>
                  <div className="muted">{row.fileKind.toUpperCase()}</div>
                </>
              ),
            },
            {
              title: c("channel"),
              dataIndex: "channel",
              width: 110,
              render: (v: PaymentChannel) => t(`servicing.channel.${v}`),
            },
            { title: c("rows"), dataIndex: "rowCount", align: "right", width: 80 },
            {
              title: c("matched"),
              key: "matched",
              align: "right",
              width: 140,
              render: (_, row) =>
                row.status === "posted" ? (
                  <span className="num">{row.postedCount}</span>
                ) : (
                  <>
                    <span className="num">{row.counts.matched}</span>
                    <div className="muted">
                      <Money value={row.amounts.matched} />
                    </div>
                  </>
                ),
            },
            {
              title: c("posted"),
              dataIndex: "postedAmount",
              align: "right",
              width: 140,
              render: (v: string, row) => (row.status === "posted" ? <Money value={v} /> : "—"),
            },
            {
              title: c("status"),
              dataIndex: "status",
              width: 100,
              render: (v: ImportStatus) => <ImportStatusTag value={v} />,
            },
            {
              title: `${c("createdBy")} / ${c("createdAt")}`,
              key: "created",
              width: 170,
              render: (_, row) => (
                <>
                  {row.createdBy ?? "—"}
                  <div className="muted num">{formatDateTime(row.createdAt)}</div>
                </>
              ),
            },
            {
              title: c("actions"),
              key: "actions",
              width: 150,
              render: (_, row) => (
                <Space size={4}>
                  <Link to={`/repayment-imports/${row.id}`}>{t("imports.list.open")}</Link>
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(reportPath(row.id), `${row.fileName}-report.xlsx`)}
                  >
                    {t("imports.list.report")}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
