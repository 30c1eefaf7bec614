import { ArrowLeftOutlined, ExperimentOutlined, UndoOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, DatePicker, Empty, Form, Result, Row, Select, Space, Spin } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import {
  type Simulation,
  simulatePayroll,
  usePayPlans,
  usePayrollRuns,
  usePlanInForce,
} from "../../api/payroll.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import "../business.css";
import { WarningsAlert } from "./payroll-parts.tsx";
import "./payroll.css";
import { formToPatch, PlanFields, type PlanFormValues, planToForm } from "./plan-form.tsx";
import { SimulationResult } from "./simulation-result.tsx";

/**
 * What-if: the same month — the same people and loans — under the plan in force and under changed
 * parameters, person by person and in sum. Nothing is saved; a real change is a new plan version.
 */
export function SimulatorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useDocumentTitle(t("payroll.simulator.title"));
  const plans = usePayPlans();
  const runs = usePayrollRuns();
  const [planId, setPlanId] = useState<string | undefined>();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const plan = planId ?? plans.data?.items[0]?.id;
  // The latest month with a run is the one people ask "what if" about.
  const chosenMonth = (month ?? (runs.data?.items[0] ? dayjs(runs.data.items[0].month) : dayjs())).format(
    "YYYY-MM",
  );
  const inForce = usePlanInForce(plan, chosenMonth);
  const [form] = Form.useForm<PlanFormValues>();
  const [result, setResult] = useState<Simulation | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (inForce.data) form.setFieldsValue(planToForm(inForce.data.plan));
    setResult(null);
  }, [form, inForce.data]);

  const run = async (values: PlanFormValues) => {
    setPending(true);
    try {
      setResult(await simulatePayroll({ month: chosenMonth, planId: plan, plan: formToPatch(values) }));
      // On a laptop the result sits below the form: bring it into view.
      setTimeout(
        () => document.getElementById("simulation-result")?.scrollIntoView({ behavior: "smooth" }),
        50,
      );
    } catch (error) {
      message.error(errorMessage(error), 6);
    } finally {
      setPending(false);
    }
  };

  return (
    <div data-testid="simulator-page">
      <Link to="/payroll" className="back-link">
        <ArrowLeftOutlined /> {t("payroll.runs.title")}
      </Link>
      <PageHeader
        title={t("payroll.simulator.title")}
        subtitle={t("payroll.simulator.subtitle")}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(chosenMonth)}
              onChange={(v) => v && setMonth(v)}
              aria-label={t("payroll.runs.month")}
              data-testid="simulator-month"
            />
            {(plans.data?.items.length ?? 0) > 1 ? (
              <Select
                value={plan}
                onChange={setPlanId}
                style={{ width: 220 }}
                options={plans.data?.items.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
              />
            ) : null}
          </Space>
        }
      />
      {plans.isPending || (inForce.isPending && plan) ? (
        <Spin />
      ) : !plan ? (
        <Card>
          <Empty description={t("payroll.plans.empty")} />
        </Card>
      ) : inForce.isError ? (
        <Result status="warning" title={errorMessage(inForce.error)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={11}>
            <Card
              title={t("payroll.simulator.parameters", { label: inForce.data?.label ?? "" })}
              extra={
                <Button
                  icon={<UndoOutlined />}
                  onClick={() => inForce.data && form.setFieldsValue(planToForm(inForce.data.plan))}
                >
                  {t("payroll.simulator.reset")}
                </Button>
              }
            >
              <div className="muted section-gap">{t("payroll.simulator.hint")}</div>
              <Form<PlanFormValues> form={form} layout="vertical" onFinish={run}>
                <PlanFields compact />
                <Button
                  type="primary"
                  icon={<ExperimentOutlined />}
                  htmlType="submit"
                  loading={pending}
                  disabled={pending}
                  block
                  data-testid="run-simulation"
                >
                  {t("payroll.simulator.run", { month: chosenMonth })}
                </Button>
              </Form>
            </Card>
          </Col>
          <Col xs={24} xxl={13}>
            {result ? (
              <>
                <WarningsAlert warnings={result.warnings.simulated} />
                <SimulationResult result={result} />
              </>
            ) : (
              <Card>
                <Empty description={t("payroll.simulator.noResult")} />
              </Card>
            )}
          </Col>
        </Row>
      )}
    </div>
  );
}
