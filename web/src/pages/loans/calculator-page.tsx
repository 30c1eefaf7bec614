import { DownloadOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Empty, Form, Row, Spin } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { fetchSchedule } from "../../api/calculator.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import type { RepaymentMethod, ScheduleRequest } from "../../api/types.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { BUSINESS_TZ } from "../../format.ts";
import { CalculatorForm } from "./calculator-form.tsx";
import { type CalculatorValues, METHODS, SERVER_FIELDS, toScheduleRequest } from "./calculator-rules.ts";
import { CalculatorSummary } from "./calculator-summary.tsx";
import { ScheduleChart } from "./schedule-chart.tsx";
import { exportSchedule } from "./schedule-export.ts";
import { ScheduleTable } from "./schedule-table.tsx";

/** Defaults, or the terms in the link (the home page's quick quote opens the calculator with them). */
function initialValues(params: URLSearchParams): CalculatorValues {
  const method = params.get("method") as RepaymentMethod | null;
  const term = Number(params.get("term"));
  return {
    principal: params.get("principal") || "100000",
    annualRatePercent: params.get("rate") || "18",
    termMonths: Number.isInteger(term) && term > 0 ? term : 12,
    method: method && METHODS.includes(method) ? method : "equal-installment",
    startDate: dayjs().tz(BUSINESS_TZ).startOf("day"),
    upfrontFee: params.get("fee") || "0",
  };
}

/** 贷款计算器: the public schedule engine, recalculated as one types (debounced). */
export function CalculatorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("calculator.title"));
  const [form] = Form.useForm<CalculatorValues>();
  const [exporting, setExporting] = useState(false);
  const [params] = useSearchParams();
  const [defaults] = useState(() => initialValues(params));
  const [request, setRequest] = useState<ScheduleRequest | null>(() => toScheduleRequest(defaults));
  const [draft, setDraft] = useState<CalculatorValues>(defaults);

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = toScheduleRequest(draft);
      if (next) setRequest(next);
    }, 350);
    return () => clearTimeout(timer);
  }, [draft]);

  const schedule = useQuery({
    queryKey: ["calculator", request],
    queryFn: () => fetchSchedule(request as ScheduleRequest),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });

  useEffect(() => {
    if (schedule.error) applyFieldErrors(form, schedule.error, SERVER_FIELDS);
  }, [schedule.error, form]);

  const data = schedule.data;
  const fee = useMemo(() => request?.upfrontFee ?? "0", [request]);

  const exportXlsx = async () => {
    if (!data || !request || exporting) return;
    setExporting(true);
    try {
      await exportSchedule(request, data, t);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="calculator-page" data-testid="calculator-page">
      <PageHeader title={t("calculator.title")} subtitle={t("calculator.subtitle")} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xxl={7}>
          <CalculatorForm
            form={form}
            initialValues={defaults}
            pending={schedule.isFetching}
            onChange={setDraft}
            onSubmit={(values) => {
              const next = toScheduleRequest(values);
              if (next) setRequest(next);
              if (next && JSON.stringify(next) === JSON.stringify(request)) void schedule.refetch();
            }}
          />
        </Col>
        <Col xs={24} lg={16} xxl={17}>
          {schedule.isError &&
          !(schedule.error instanceof ApiError && Object.keys(schedule.error.fields).length) ? (
            <Alert type="error" showIcon title={errorMessage(schedule.error)} className="section-gap" />
          ) : null}
          {data ? (
            <Spin spinning={schedule.isFetching} delay={300}>
              <CalculatorSummary schedule={data} upfrontFee={fee} />
              <Card title={t("calculator.chart")} className="section-gap">
                <ScheduleChart schedule={data} />
              </Card>
              <Card
                title={t("calculator.schedule")}
                extra={
                  <Button
                    icon={<DownloadOutlined />}
                    loading={exporting}
                    onClick={() => void exportXlsx()}
                    data-testid="calc-export"
                  >
                    {t("common.exportExcel")}
                  </Button>
                }
              >
                <ScheduleTable schedule={data} />
              </Card>
            </Spin>
          ) : (
            <Card>
              <Empty
                description={schedule.isFetching ? t("calculator.calculating") : t("calculator.emptyTitle")}
              >
                <div className="muted">{t("calculator.emptyText")}</div>
              </Empty>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
