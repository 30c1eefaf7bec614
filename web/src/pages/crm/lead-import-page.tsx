// 导入线索名单: pick a file and the defaults, check it (columns found by name and changeable, row errors,
// 撞单 with their owners, a sample), then import every row or none.
import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Radio, Result, Select, Space, Steps, Table, Upload } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { type LeadImportOptions, type LeadImportReport, leadImportApi } from "../../api/crm-imports.ts";
import { groupLeaders, LEAD_SOURCES, type LeadSource, useAgents, useCampaigns } from "../../api/crm-leads.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney } from "../../format.ts";
import { ImportErrors } from "./call-import-page.tsx";
import { DuplicateList } from "./lead-duplicates.tsx";
import "../business.css";
import "./leads-styles.css";

const FIELDS = [
  "name",
  "phone",
  "idNumber",
  "source",
  "referrer",
  "wantedAmount",
  "city",
  "notes",
  "campaign",
  "intentLevel",
  "purpose",
  "owner",
  "nextFollowUpOn",
];
const AUTO = "__auto";

export function LeadImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  useDocumentTitle(t("crmLeads.leadImport.title"));
  const canAssign = hasPermission(me, "crm.manage");
  const agents = useAgents(canAssign);
  const campaigns = useCampaigns();
  const [file, setFile] = useState<File | null>(null);
  const [defaultSource, setDefaultSource] = useState<LeadSource>("telemarketing-list");
  const [campaignId, setCampaignId] = useState<string | undefined>();
  const [owner, setOwner] = useState<string>(AUTO);
  const [groupLeaderId, setGroupLeaderId] = useState<string | undefined>(me?.user.id);
  const [onDuplicate, setOnDuplicate] = useState<"skip" | "import">("skip");
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<LeadImportReport | null>(null);
  const [pending, setPending] = useState(false);
  const leaders = useMemo(() => groupLeaders(agents.data ?? []), [agents.data]);

  const options = (): LeadImportOptions => ({
    mapping,
    defaultSource,
    campaignId: campaignId ?? null,
    ...(canAssign && owner !== AUTO ? { ownerId: owner } : {}),
    ...(canAssign && owner === AUTO && groupLeaderId ? { groupLeaderId } : {}),
    onDuplicate,
  });

  const run = async (commit: boolean) => {
    if (!file || pending) return;
    setPending(true);
    try {
      const next = commit
        ? await leadImportApi.commit(file, options())
        : await leadImportApi.preview(file, options());
      setReport(next);
      if (next.status === "imported") {
        message.success(t("crmLeads.leadImport.done", { imported: next.imported, skipped: next.skipped }));
        void queryClient.invalidateQueries({ queryKey: ["crm"] });
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const template = () =>
    downloadCsv(
      "线索导入模板.csv",
      ["姓名", "手机", "身份证", "来源", "推荐人", "意向金额", "城市", "备注"],
      [
        ["王小明", "13800138000", "", "网络", "", "50000", "杭州", "想扩店"],
        ["李四", "13900139000", "", "转介绍", "老客户 陈立新", "8万", "宁波", ""],
      ],
    );

  const restart = () => {
    setFile(null);
    setReport(null);
    setMapping({});
  };

  const step = report?.status === "imported" ? 2 : report ? 1 : 0;
  const duplicateCount = report?.duplicates.length ?? 0;
  const importCount = report ? report.validRows - (onDuplicate === "skip" ? duplicateCount : 0) : 0;

  return (
    <div data-testid="lead-import-page">
      <Link to="/crm/leads" className="back-link">
        <ArrowLeftOutlined /> {t("crmLeads.leadImport.back")}
      </Link>
      <PageHeader
        title={t("crmLeads.leadImport.title")}
        subtitle={t("crmLeads.leadImport.subtitle")}
        extra={
          <Button icon={<DownloadOutlined />} onClick={template}>
            {t("crmLeads.leadImport.template")}
          </Button>
        }
      />
      <Card className="section-gap">
        <Steps
          size="small"
          current={step}
          items={[
            { title: t("crmLeads.leadImport.steps.upload") },
            { title: t("crmLeads.leadImport.steps.preview") },
            { title: t("crmLeads.leadImport.steps.done") },
          ]}
          className="section-gap"
        />
        {report?.status === "imported" ? (
          <Result
            status="success"
            title={t("crmLeads.leadImport.done", { imported: report.imported, skipped: report.skipped })}
            extra={[
              <Link key="leads" to="/crm/leads">
                <Button type="primary">{t("crmLeads.leadImport.toLeads")}</Button>
              </Link>,
              <Button key="again" onClick={restart}>
                {t("crmLeads.leadImport.again")}
              </Button>,
            ]}
            data-testid="lead-import-done"
          />
        ) : (
          <>
            <Upload.Dragger
              accept=".csv,.xlsx,.txt"
              multiple={false}
              showUploadList={false}
              disabled={pending}
              beforeUpload={(candidate) => {
                setFile(candidate);
                setReport(null);
                setMapping({});
                return false;
              }}
              data-testid="lead-import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t("crmLeads.leadImport.pick")}</p>
              <p className="ant-upload-hint">{t("crmLeads.leadImport.pickHint")}</p>
            </Upload.Dragger>
            <Form layout="vertical" className="section-gap lead-import-options">
              <Form.Item label={t("crmLeads.leadImport.defaultSource")}>
                <Select
                  value={defaultSource}
                  onChange={setDefaultSource}
                  options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`crmLeads.source.${s}`) }))}
                />
              </Form.Item>
              <Form.Item label={t("crmLeads.leadImport.campaign")}>
                <Select
                  allowClear
                  value={campaignId}
                  onChange={setCampaignId}
                  options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
              {canAssign ? (
                <Form.Item label={t("crmLeads.leadImport.owner")}>
                  <Space.Compact block>
                    <Select
                      value={owner}
                      onChange={setOwner}
                      showSearch
                      optionFilterProp="label"
                      options={[
                        { value: AUTO, label: t("crmLeads.form.ownerAuto") },
                        ...(agents.data ?? [])
                          .filter((a) => !a.away)
                          .map((a) => ({ value: a.userId, label: a.displayName })),
                      ]}
                      style={{ width: "55%" }}
                    />
                    {owner === AUTO ? (
                      <Select
                        value={groupLeaderId}
                        onChange={setGroupLeaderId}
                        options={leaders.map((l) => ({ value: l.id, label: l.name }))}
                        style={{ width: "45%" }}
                      />
                    ) : null}
                  </Space.Compact>
                </Form.Item>
              ) : null}
              <Form.Item label={t("crmLeads.leadImport.onDuplicate")}>
                <Radio.Group
                  value={onDuplicate}
                  onChange={(e) => setOnDuplicate(e.target.value)}
                  options={[
                    { value: "skip", label: t("crmLeads.leadImport.skip") },
                    { value: "import", label: t("crmLeads.leadImport.importAnyway") },
                  ]}
                />
              </Form.Item>
            </Form>
            <Space>
              <Button
                type={report ? "default" : "primary"}
                disabled={!file}
                loading={pending && !report}
                onClick={() => void run(false)}
                data-testid="lead-import-preview"
              >
                {report ? t("crmLeads.leadImport.recheck") : t("crmLeads.leadImport.preview")}
              </Button>
              {report && report.errorCount === 0 ? (
                <Button
                  type="primary"
                  loading={pending}
                  disabled={importCount <= 0}
                  onClick={() => void run(true)}
                  data-testid="lead-import-commit"
                >
                  {t("crmLeads.leadImport.commit", { count: importCount })}
                </Button>
              ) : null}
            </Space>
          </>
        )}
      </Card>
      {report && report.status !== "imported" ? (
        <Card className="section-gap" data-testid="lead-import-report">
          <Alert
            type={report.errorCount ? "error" : duplicateCount ? "warning" : "success"}
            showIcon
            className="section-gap"
            title={
              report.status === "rejected"
                ? t("crmLeads.leadImport.rejected", { count: report.errorCount })
                : t("crmLeads.leadImport.summary", {
                    total: report.totalRows,
                    valid: report.validRows,
                    errors: report.errorCount,
                    duplicates: duplicateCount,
                  })
            }
          />
          <h4>{t("crmLeads.leadImport.mapping")}</h4>
          <Table
            size="small"
            rowKey="header"
            pagination={false}
            className="section-gap"
            dataSource={report.headers.map((header) => ({
              header,
              field: mapping[header] ?? report.mapping[header] ?? null,
            }))}
            columns={[
              { title: t("crmLeads.leadImport.header"), dataIndex: "header" },
              {
                title: t("crmLeads.leadImport.field"),
                dataIndex: "field",
                render: (field: string | null, row: { header: string }) => (
                  <Select
                    value={field ?? undefined}
                    status={field ? undefined : "error"}
                    placeholder={t("crmLeads.leadImport.unknown")}
                    onChange={(value: string) => setMapping((m) => ({ ...m, [row.header]: value }))}
                    options={[
                      ...FIELDS.map((f) => ({ value: f, label: t(`crmLeads.leadImport.fields.${f}`) })),
                      { value: "ignore", label: t("crmLeads.leadImport.ignore") },
                    ]}
                    style={{ width: 200 }}
                    aria-label={row.header}
                  />
                ),
              },
            ]}
          />
          {report.errorCount ? (
            <>
              <h4>{t("crmLeads.leadImport.errorsTitle")}</h4>
              <ImportErrors errors={report.errors} count={report.errorCount} />
            </>
          ) : null}
          {duplicateCount ? (
            <>
              <h4>{t("crmLeads.leadImport.duplicatesTitle")}</h4>
              <Table
                size="small"
                rowKey="row"
                className="section-gap"
                pagination={{ pageSize: 5, showSizeChanger: false }}
                dataSource={report.duplicates}
                columns={[
                  { title: t("crmLeads.leadImport.row"), dataIndex: "row", width: 70 },
                  { title: t("crmLeads.columns.name"), dataIndex: "name", width: 100 },
                  {
                    title: t("crmLeads.columns.phone"),
                    dataIndex: "phone",
                    width: 120,
                    render: (p: string) => <span className="num">{p}</span>,
                  },
                  {
                    title: t("crmLeads.leadImport.matches"),
                    dataIndex: "matches",
                    render: (m) => <DuplicateList matches={m} />,
                  },
                ]}
              />
            </>
          ) : null}
          {report.sample.length ? (
            <>
              <h4>{t("crmLeads.leadImport.sampleTitle", { count: report.sample.length })}</h4>
              <Table
                size="small"
                rowKey="row"
                pagination={false}
                dataSource={report.sample}
                columns={[
                  { title: t("crmLeads.leadImport.row"), dataIndex: "row", width: 70 },
                  { title: t("crmLeads.columns.name"), dataIndex: "name" },
                  {
                    title: t("crmLeads.columns.phone"),
                    dataIndex: "phone",
                    render: (p: string) => <span className="num">{p}</span>,
                  },
                  {
                    title: t("crmLeads.columns.source"),
                    dataIndex: "source",
                    render: (s: string) => t(`crmLeads.source.${s}`),
                  },
                  { title: t("crmLeads.columns.city"), dataIndex: "city" },
                  {
                    title: t("crmLeads.columns.amount"),
                    dataIndex: "wantedAmount",
                    align: "right",
                    render: (a: string | null) => (a ? formatMoney(a) : "—"),
                  },
                  {
                    title: t("crmLeads.columns.owner"),
                    dataIndex: "owner",
                    render: (o: string | null) => o ?? t("crmLeads.form.ownerAuto"),
                  },
                ]}
              />
            </>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
