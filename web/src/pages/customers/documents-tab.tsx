import {
  CheckCircleFilled,
  DownloadOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  InboxOutlined,
  MinusCircleOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import { App, Button, Card, Col, Empty, Form, Row, Select, Table, Tag, Tooltip, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type CustomerDetail,
  type CustomerDocument,
  DOCUMENT_KINDS,
  type DocumentKind,
  downloadDocument,
  uploadDocument,
} from "../../api/customers.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { formatDateTime } from "../../format.ts";

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

// What a loan file needs (the demo products ask for these): ID card both sides, and for a business
// its licence and bank statements.
function expectedKinds(customer: CustomerDetail): DocumentKind[] {
  return customer.type === "business"
    ? ["id-card-front", "id-card-back", "business-licence", "bank-statement"]
    : ["id-card-front", "id-card-back"];
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** 证件资料: what the file needs, an upload (kind + one file), and every document with its download. */
export function DocumentsTab({
  customer,
  canWrite,
  onChanged,
}: {
  customer: CustomerDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const present = new Set(customer.documents.map((d) => d.kind));
  const expected = expectedKinds(customer);

  const pick = (candidate: File) => {
    const okType = /\.(pdf|jpe?g|png)$/i.test(candidate.name) || ACCEPT.includes(candidate.type || "none");
    if (!okType) setFileError(apiMessage("unsupported-file-type"));
    else if (candidate.size > MAX_BYTES) setFileError(apiMessage("file-too-large"));
    else if (candidate.size === 0) setFileError(apiMessage("file-required"));
    else setFileError(null);
    setFile(candidate);
    if (!kind) {
      const missing = expected.find((k) => !present.has(k));
      if (missing) setKind(missing);
    }
  };

  const upload = async () => {
    if (!kind || !file || fileError || pending) return;
    setPending(true);
    try {
      const saved = await uploadDocument(customer.id, kind, file);
      message.success(t("customers.documents.uploaded", { name: saved.fileName }));
      setFile(null);
      setKind(undefined);
      onChanged();
    } catch (error) {
      setFileError(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const download = async (document: CustomerDocument) => {
    try {
      await downloadDocument(customer.id, document);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={8}>
        <Card size="small" title={t("customers.documents.checklist")} className="section-gap">
          <ul className="checklist">
            {expected.map((k) => (
              <li key={k} className={present.has(k) ? "checklist-done" : "checklist-missing"}>
                {present.has(k) ? <CheckCircleFilled /> : <MinusCircleOutlined />}
                <span>{t(`customers.documentKinds.${k}`)}</span>
                <span className="muted small">
                  {present.has(k) ? t("customers.documents.present") : t("customers.documents.missing")}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        {canWrite ? (
          <Card size="small" title={t("customers.documents.uploadTitle")} data-testid="document-upload">
            <Form layout="vertical" onFinish={() => void upload()}>
              <Form.Item label={t("customers.documents.kind")} required>
                <Select
                  value={kind}
                  onChange={setKind}
                  placeholder={t("customers.documents.selectKind")}
                  options={DOCUMENT_KINDS.map((k) => ({
                    value: k,
                    label: t(`customers.documentKinds.${k}`),
                  }))}
                  data-testid="document-kind"
                />
              </Form.Item>
              <Form.Item
                label={t("customers.documents.file")}
                required
                validateStatus={fileError ? "error" : undefined}
                help={fileError ?? undefined}
              >
                <Upload.Dragger
                  accept={ACCEPT}
                  maxCount={1}
                  showUploadList={false}
                  beforeUpload={(candidate) => {
                    pick(candidate);
                    return false;
                  }}
                  disabled={pending}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{file ? file.name : t("customers.documents.dropHere")}</p>
                  <p className="ant-upload-hint">
                    {file ? formatSize(file.size) : t("customers.documents.types")}
                  </p>
                </Upload.Dragger>
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<UploadOutlined />}
                block
                loading={pending}
                disabled={!kind || !file || Boolean(fileError) || pending}
                data-testid="document-submit"
              >
                {t("customers.documents.upload")}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Col>
      <Col xs={24} xl={16}>
        <Table<CustomerDocument>
          rowKey="id"
          size="middle"
          dataSource={customer.documents}
          pagination={false}
          scroll={{ x: 600 }}
          locale={{
            emptyText: (
              <Empty description={t("customers.documents.empty")}>
                <div className="muted">
                  {canWrite ? t("customers.documents.emptyHint") : t("customers.documents.emptyHintReadOnly")}
                </div>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t("customers.documents.kind"),
              dataIndex: "kind",
              width: 130,
              render: (value: DocumentKind) => <Tag>{t(`customers.documentKinds.${value}`)}</Tag>,
            },
            {
              title: t("customers.documents.fileName"),
              dataIndex: "fileName",
              render: (value: string, d) => (
                <span className="file-name">
                  {d.contentType === "application/pdf" ? <FilePdfOutlined /> : <FileImageOutlined />} {value}
                  <div className="muted small">
                    {formatSize(d.size)} ·{" "}
                    <Tooltip title={`SHA-256 ${d.sha256}`}>
                      <span className="mono">{d.sha256.slice(0, 12)}…</span>
                    </Tooltip>
                  </div>
                </span>
              ),
            },
            {
              title: t("customers.documents.uploadedBy"),
              dataIndex: "uploadedByName",
              width: 150,
              render: (value: string | null, d) => (
                <div>
                  <div>{value ?? t("customers.timeline.system")}</div>
                  <div className="muted small num">{formatDateTime(d.uploadedAt)}</div>
                </div>
              ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 90,
              render: (_: unknown, d) => (
                <Tooltip title={t("customers.documents.auditedDownload")}>
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(d)}
                  >
                    {t("customers.documents.download")}
                  </Button>
                </Tooltip>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
