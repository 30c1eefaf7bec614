// One import: where it stands (Steps), its totals, the column mapping, the rows to check and settle,
// and the one confirmation that posts it all or nothing — then the result with its report.
import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Empty, Result, Row, Skeleton, Space, Statistic, Steps } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { downloadFile } from "../../api/files.ts";
import {
  discardImport,
  excludeUnresolved,
  importKey,
  postImport,
  type RepaymentImport,
  type RowFilter,
  reportPath,
  useImport,
} from "../../api/repayment-imports.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney } from "../../format.ts";
import { ImportMappingCard } from "./import-mapping-card.tsx";
import { ImportRowsTable } from "./import-rows-table.tsx";
import { ImportStatusTag } from "./import-tags.tsx";
import { MoneyStatistic } from "./money.tsx";
import "./servicing.css";
import "./imports.css";

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function stepOf(batch: RepaymentImport): number {
  if (batch.status === "posted") return 3;
  return batch.missingFields.length > 0 ? 1 : 2;
}

function Kpis({ batch }: { batch: RepaymentImport }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`imports.detail.kpi.${key}`);
  const setAside = batch.counts.duplicate + batch.counts.skipped + batch.counts.excluded;
  return (
    <Row gutter={[16, 16]} className="section-gap" data-testid="import-kpis">
      <Col xs={12} lg={4}>
        <Card size="small">
          <Statistic title={k("rows")} value={batch.rowCount} valueStyle={{ fontSize: 22 }} />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small">
          <Statistic
            title={k("matched")}
            value={batch.counts.matched}
            valueStyle={{ fontSize: 22, color: "#1677ff" }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small">
          <MoneyStatistic title={k("matchedAmount")} value={batch.amounts.matched} />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small">
          <Statistic
            title={k("unresolved")}
            value={batch.unresolved}
            valueStyle={{ fontSize: 22, color: batch.unresolved ? "#d48806" : undefined }}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small">
          {batch.status === "posted" ? (
            <MoneyStatistic
              title={k("posted")}
              value={batch.postedAmount}
              valueStyle={{ color: "#389e0d" }}
            />
          ) : (
            <Statistic title={k("skipped")} value={setAside} valueStyle={{ fontSize: 22 }} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

export function ImportDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const query = useImport(id);
  const batch = query.data;
  useDocumentTitle(batch?.fileName ?? t("imports.list.title"));
  const [filter, setFilter] = useState<RowFilter | undefined>();
  const [posting, setPosting] = useState(false);
  const [key, setKey] = useState(newKey);
  const inFlight = useRef(false);

  const refresh = (next?: RepaymentImport) => {
    if (next) queryClient.setQueryData(importKey(id), next);
    void queryClient.invalidateQueries({ queryKey: ["repayment-imports"] });
  };

  const post = async (current: RepaymentImport) => {
    if (inFlight.current) return;
    const confirmed = await modal.confirm({
      title: t("imports.detail.postConfirmTitle"),
      content: t("imports.detail.postConfirm", {
        count: current.counts.matched,
        amount: formatMoney(current.amounts.matched),
      }),
      okText: t("imports.detail.post"),
    });
    if (!confirmed) return;
    inFlight.current = true;
    setPosting(true);
    try {
      refresh(await postImport(id, key));
      setFilter(undefined);
    } catch (error) {
      message.error(errorMessage(error));
      refresh();
    } finally {
      // A new attempt is a new request: the key only protects one click (or its retry) from posting twice.
      setKey(newKey());
      inFlight.current = false;
      setPosting(false);
    }
  };

  const act = async (work: () => Promise<RepaymentImport>, confirm: string) => {
    if (!(await modal.confirm({ title: confirm }))) return;
    try {
      refresh(await work());
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const report = async (current: RepaymentImport) => {
    try {
      await downloadFile(reportPath(current.id), {
        fileName: `${current.fileName}-report.xlsx`,
        serverName: true,
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  if (query.isPending) return <Skeleton active />;
  if (!batch)
    return (
      <Empty
        description={t("common.loadFailed", { message: errorMessage(query.error) })}
        style={{ marginTop: 64 }}
      />
    );

  const open = batch.status === "previewed";
  const canPost =
    open && batch.unresolved === 0 && batch.counts.matched > 0 && batch.missingFields.length === 0;

  return (
    <div data-testid="import-detail-page">
      <Link to="/repayment-imports" className="back-link">
        <ArrowLeftOutlined /> {t("imports.detail.back")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            {batch.fileName} <ImportStatusTag value={batch.status} />
          </span>
        }
        subtitle={t("imports.detail.meta", {
          channel: t(`servicing.channel.${batch.channel}`),
          kind: batch.fileKind.toUpperCase(),
          by: batch.createdBy ?? "—",
          at: formatDateTime(batch.createdAt),
        })}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void report(batch)}
              data-testid="import-report"
            >
              {t("imports.detail.report")}
            </Button>
            {open ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => void act(() => discardImport(id), t("imports.detail.discardConfirm"))}
                data-testid="import-discard"
              >
                {t("imports.detail.discard")}
              </Button>
            ) : null}
            {open ? (
              <Button
                type="primary"
                loading={posting}
                disabled={!canPost || posting}
                onClick={() => void post(batch)}
                data-testid="import-post"
              >
                {t("imports.detail.post")}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small">
        <Steps
          size="small"
          current={stepOf(batch)}
          status={batch.status === "discarded" ? "error" : batch.status === "posted" ? "finish" : "process"}
          items={["upload", "mapping", "preview", "posted"].map((s) => ({
            title: t(`imports.detail.steps.${s}`),
          }))}
        />
      </Card>
      {batch.status === "posted" ? (
        <Card className="section-gap">
          <Result
            status="success"
            title={t("imports.detail.postedTitle", {
              count: batch.postedCount,
              amount: formatMoney(batch.postedAmount),
            })}
            subTitle={`${t("imports.detail.postedHint")} ${batch.postedBy ?? ""} · ${formatDateTime(batch.postedAt)}`}
            extra={[
              <Button
                key="report"
                type="primary"
                icon={<DownloadOutlined />}
                onClick={() => void report(batch)}
              >
                {t("imports.detail.report")}
              </Button>,
              <Link key="back" to="/repayment-imports">
                <Button>{t("imports.detail.back")}</Button>
              </Link>,
            ]}
            data-testid="import-posted"
          />
        </Card>
      ) : null}
      <Kpis batch={batch} />
      {open && batch.failedCount > 0 ? (
        <Alert
          type="error"
          showIcon
          className="section-gap"
          message={t("imports.detail.failedAlert", { count: batch.failedCount })}
          action={<Button onClick={() => setFilter("failed")}>{t("imports.detail.showFailed")}</Button>}
          data-testid="import-failed"
        />
      ) : null}
      {open && batch.unresolved > 0 && batch.missingFields.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          message={t("imports.detail.unresolvedAlert", { count: batch.unresolved })}
          action={
            <Button
              onClick={() =>
                void act(
                  () => excludeUnresolved(id),
                  t("imports.detail.excludeConfirm", { count: batch.unresolved }),
                )
              }
              data-testid="exclude-unresolved"
            >
              {t("imports.detail.excludeUnresolved")}
            </Button>
          }
        />
      ) : null}
      <ImportMappingCard batch={batch} editable={open} onSaved={(next) => refresh(next)} />
      <Card className="section-gap">
        <ImportRowsTable batch={batch} filter={filter} onFilter={setFilter} onChanged={() => refresh()} />
      </Card>
    </div>
  );
}
