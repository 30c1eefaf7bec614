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
import {
  type BatchJob,
  fetchJob,
  startCob,
  useBatchJobs,
  useBusinessDate,
  useClosedDates,
} from "../../api/servicing.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import { ClosedDatesCard } from "./closed-dates-card.tsx";
import { JobStatusTag } from "./servicing-tags.tsx";
import "./servicing.css";

const finished = (job: BatchJob | undefined) => job?.status === "succeeded" || job?.status === "failed";

export function BatchPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  useDocumentTitle(t("servicing.batch.title"));
  const queryClient = useQueryClient();
  const businessDate = useBusinessDate();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const current = businessDate.data?.businessDate;

  // The next date to close: on opening, and again once a run has moved the business date past the pick.
  useEffect(() => {
    if (!current) return;
    const picked: Dayjs | undefined = form.getFieldValue("date");
    if (!picked?.isAfter(dayjs(current), "day")) form.setFieldsValue({ date: dayjs(current).add(1, "day") });
  }, [current, form]);

  const job = useQuery({
    queryKey: ["batch-job", activeId],
    queryFn: () => fetchJob(activeId as string),
    enabled: Boolean(activeId),
    refetchInterval: (query) => (finished(query.state.data) ? false : 800),
  });

  // Runs started elsewhere (another console, the CLI, the schedule) show up here too.
  const jobs = useBatchJobs();
  const closes = useClosedDates();
  // A run already going when the page opens is followed like one started here.
  useEffect(() => {
    const going = jobs.data?.items.find((j) => !finished(j));
    if (going && !activeId) setActiveId(going.id);
  }, [jobs.data, activeId]);

  useEffect(() => {
    const data = job.data;
    if (!data) return;
    // The run in progress is polled once, above; its row in the list follows from that answer.
    queryClient.setQueryData<{ items: BatchJob[] }>(
      ["batch-jobs"],
      (old) => old && { items: [data, ...old.items.filter((j) => j.id !== data.id)] },
    );
    if (finished(data)) {
      void queryClient.invalidateQueries({ queryKey: ["batch-jobs"] });
      void queryClient.invalidateQueries({ queryKey: ["batch-closes"] });
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
              message={t("servicing.batch.failed", { error: active.errorMessage ?? active.error ?? "" })}
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
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isLoading}
          pagination={false}
          data-testid="cob-jobs"
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
              title: c("trigger"),
              dataIndex: "trigger",
              render: (v: string) => t(`servicing.batch.triggers.${v}`, { defaultValue: v }),
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
            { title: c("error"), key: "error", render: (_, j) => j.errorMessage ?? j.error ?? "—" },
          ]}
        />
      </Card>
      <ClosedDatesCard query={closes} />
    </div>
  );
}
