import { PlayCircleOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Progress,
  Row,
  Statistic,
  Table,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type BatchJob, fetchJob, startCob, useBusinessDate } from "../../api/servicing.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import { JobStatusTag } from "./servicing-tags.tsx";
import "./servicing.css";

// GET /batch/jobs (a list) does not exist yet: the jobs started in this browser are remembered here.
const JOBS_KEY = "mc.cob-jobs";

function storedJobs(): BatchJob[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(JOBS_KEY) ?? "[]");
    return Array.isArray(parsed) ? (parsed as BatchJob[]) : [];
  } catch {
    return [];
  }
}

function storeJobs(jobs: BatchJob[]): void {
  try {
    localStorage.setItem(JOBS_KEY, JSON.stringify(jobs.slice(0, 20)));
  } catch {
    // private mode: the list lasts for this page only
  }
}

const finished = (job: BatchJob | undefined) => job?.status === "succeeded" || job?.status === "failed";

export function BatchPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  useDocumentTitle(t("servicing.batch.title"));
  const queryClient = useQueryClient();
  const businessDate = useBusinessDate();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [jobs, setJobs] = useState<BatchJob[]>(storedJobs);
  const [activeId, setActiveId] = useState<string | null>(
    () => storedJobs().find((j) => !finished(j))?.id ?? null,
  );
  const [starting, setStarting] = useState(false);
  const current = businessDate.data?.businessDate;

  useEffect(() => {
    if (current && !form.getFieldValue("date")) form.setFieldsValue({ date: dayjs(current).add(1, "day") });
  }, [current, form]);

  const job = useQuery({
    queryKey: ["batch-job", activeId],
    queryFn: () => fetchJob(activeId as string),
    enabled: Boolean(activeId),
    refetchInterval: (query) => (finished(query.state.data) ? false : 800),
  });

  useEffect(() => {
    const data = job.data;
    if (!data) return;
    setJobs((list) => {
      const next = [data, ...list.filter((j) => j.id !== data.id)];
      storeJobs(next);
      return next;
    });
    if (finished(data)) {
      void queryClient.invalidateQueries({ queryKey: ["business-date"] });
      void queryClient.invalidateQueries({ queryKey: ["loans"] });
      void queryClient.invalidateQueries({ queryKey: ["loan"] });
    }
  }, [job.data, queryClient]);

  const run = async ({ date }: { date: Dayjs }) => {
    const target = date.format("YYYY-MM-DD");
    const confirmed = await modal.confirm({ title: t("servicing.batch.confirm", { date: target }) });
    if (!confirmed) return;
    setStarting(true);
    try {
      const { jobId } = await startCob(target);
      message.success(t("servicing.batch.started"));
      setActiveId(jobId);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setStarting(false);
    }
  };

  const active = job.data;
  const running = Boolean(activeId) && !finished(active);
  const progress = active?.progress;
  const c = (key: string) => t(`servicing.batch.columns.${key}`);

  return (
    <div data-testid="batch-page">
      <PageHeader title={t("servicing.batch.title")} subtitle={t("servicing.batch.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" style={{ height: "100%" }} data-testid="business-date">
            <Statistic
              title={t("servicing.batch.businessDate")}
              value={current ?? "—"}
              valueStyle={{ fontVariantNumeric: "tabular-nums" }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t("servicing.batch.runTitle")}>
            <Form form={form} layout="inline" onFinish={(v) => void run(v)} disabled={running || starting}>
              <Form.Item
                name="date"
                label={t("servicing.batch.runTo")}
                extra={t("servicing.batch.runToHelp")}
                rules={[{ required: true, message: t("common.required") }]}
              >
                <DatePicker
                  allowClear={false}
                  disabledDate={(d) => Boolean(current) && d.format("YYYY-MM-DD") < (current as string)}
                  data-testid="cob-date"
                />
              </Form.Item>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<PlayCircleOutlined />}
                  loading={starting || running}
                  data-testid="cob-run"
                >
                  {t("servicing.batch.run")}
                </Button>
              </Form.Item>
            </Form>
          </Card>
        </Col>
      </Row>
      {active ? (
        <Card
          size="small"
          className="section-gap"
          title={t("servicing.batch.progressTitle")}
          data-testid="cob-progress"
        >
          <Progress
            percent={active.status === "succeeded" ? 100 : Math.round(progress?.percent ?? 0)}
            status={
              active.status === "failed" ? "exception" : active.status === "succeeded" ? "success" : "active"
            }
          />
          {progress ? (
            <div className="muted">
              {t("servicing.batch.datesDone", { done: progress.datesDone, total: progress.datesTotal })}
              {progress.chunksTotal
                ? ` · ${t("servicing.batch.chunks", {
                    done: progress.chunksDone,
                    total: progress.chunksTotal,
                    loans: progress.loansClosed,
                  })}`
                : ""}
              {progress.currentDate && active.status === "running"
                ? ` · ${t("servicing.batch.current", { date: progress.currentDate })}`
                : ""}
            </div>
          ) : null}
          {active.status === "succeeded" ? (
            <Alert
              className="section-gap-top"
              type="success"
              showIcon
              message={t("servicing.batch.succeeded", { date: active.targetDate })}
              data-testid="cob-succeeded"
            />
          ) : null}
          {active.status === "failed" ? (
            <Alert
              className="section-gap-top"
              type="error"
              showIcon
              message={t("servicing.batch.failed", { error: active.error ?? "" })}
            />
          ) : null}
        </Card>
      ) : null}
      <Card
        size="small"
        className="section-gap"
        title={t("servicing.batch.recent")}
        extra={<span className="muted">{t("servicing.batch.recentHint")}</span>}
      >
        <Table<BatchJob>
          rowKey="id"
          size="small"
          dataSource={jobs}
          pagination={false}
          locale={{ emptyText: <Empty description={t("servicing.batch.noJobs")} /> }}
          columns={[
            {
              title: c("target"),
              dataIndex: "targetDate",
              render: (v: string) => <span className="num">{v}</span>,
            },
            {
              title: c("status"),
              dataIndex: "status",
              render: (v: BatchJob["status"]) => <JobStatusTag value={v} />,
            },
            {
              title: c("progress"),
              key: "progress",
              width: 200,
              render: (_, j) => (
                <Progress
                  size="small"
                  percent={j.status === "succeeded" ? 100 : Math.round(j.progress?.percent ?? 0)}
                  status={j.status === "failed" ? "exception" : undefined}
                />
              ),
            },
            { title: c("created"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v) },
            {
              title: c("finished"),
              dataIndex: "finishedAt",
              render: (v: string | null) => formatDateTime(v),
            },
            { title: c("error"), dataIndex: "error", render: (v: string | null) => v ?? "—" },
          ]}
        />
      </Card>
    </div>
  );
}
