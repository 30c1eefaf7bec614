import { Card, Col, Row, Statistic, Switch, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Simulation } from "../../api/payroll.ts";
import { fenToAmount, formatMoney, formatWan, isLargeAmount, toFen } from "../../format.ts";

const FIGURES = ["baseSalary", "deduction", "commission", "managementCommission", "total"] as const;
type Person = Simulation["people"][number];

/** +¥1,234.00 in green, −¥56.00 in orange, ¥0.00 plain: never colour alone, the sign says it too. */
export function Difference({ value }: { value: string }) {
  const n = Number(value);
  if (n === 0) return <span className="num muted">{formatMoney("0")}</span>;
  return (
    <span className={n > 0 ? "num diff-up" : "num diff-down"}>
      {n > 0 ? "+" : ""}
      {formatMoney(value)}
    </span>
  );
}

/** The month's totals under both plans, then each person whose pay the change moves. */
export function SimulationResult({ result }: { result: Simulation }) {
  const { t } = useTranslation();
  const [changedOnly, setChangedOnly] = useState(true);
  const f = (key: string) => t(`payroll.statement.columns.${key}`);
  const people = result.people
    .filter((p) => !changedOnly || Number(p.difference.total) !== 0)
    .sort((a, b) => Math.abs(Number(b.difference.total)) - Math.abs(Number(a.difference.total)));
  const total = result.totals;
  return (
    <div data-testid="simulation-result" id="simulation-result">
      <Row gutter={[12, 12]} className="section-gap">
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t("payroll.simulator.current")} value={formatMoney(total.current.total)} />
            {isLargeAmount(total.current.total) ? (
              <div className="muted">{formatWan(total.current.total)}</div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t("payroll.simulator.simulated")} value={formatMoney(total.simulated.total)} />
            {isLargeAmount(total.simulated.total) ? (
              <div className="muted">{formatWan(total.simulated.total)}</div>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <div className="muted">{t("payroll.simulator.difference")}</div>
            <div className="kpi-number">
              <Difference value={total.difference.total} />
            </div>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        className="section-gap"
        title={t("payroll.simulator.byItem", { month: result.month })}
      >
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={FIGURES.map((key) => ({ key }))}
          columns={[
            { title: t("payroll.simulator.item"), dataIndex: "key", render: (k: string) => f(k) },
            {
              title: t("payroll.simulator.current"),
              key: "current",
              align: "right",
              render: (_, r) => <span className="num">{formatMoney(total.current[r.key])}</span>,
            },
            {
              title: t("payroll.simulator.simulated"),
              key: "simulated",
              align: "right",
              render: (_, r) => <span className="num">{formatMoney(total.simulated[r.key])}</span>,
            },
            {
              title: t("payroll.simulator.difference"),
              key: "difference",
              align: "right",
              render: (_, r) => <Difference value={total.difference[r.key]} />,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t("payroll.simulator.people", { count: people.length })}
        extra={
          <span className="tag-list">
            <Switch
              size="small"
              checked={changedOnly}
              onChange={setChangedOnly}
              aria-label={t("payroll.simulator.changedOnly")}
            />
            {t("payroll.simulator.changedOnly")}
          </span>
        }
      >
        <Table<Person>
          rowKey="staffId"
          size="small"
          dataSource={people}
          scroll={{ x: 760 }}
          data-testid="simulation-people"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: f("person"),
              key: "person",
              render: (_, p) => (
                <>
                  {p.name ?? "—"} <span className="mono muted">{p.employeeNo}</span>
                  <div className="muted">
                    {t(`payroll.positions.${p.position}`, { defaultValue: p.position ?? "" })}
                  </div>
                </>
              ),
            },
            {
              title: f("commission"),
              key: "commission",
              align: "right",
              render: (_, p) => <Difference value={p.difference.commission} />,
            },
            {
              title: f("managementCommission"),
              key: "mc",
              align: "right",
              render: (_, p) => <Difference value={p.difference.managementCommission} />,
            },
            {
              title: t("payroll.simulator.baseAndDeduction"),
              key: "base",
              align: "right",
              render: (_, p) => (
                <Difference
                  value={fenToAmount(
                    (toFen(p.difference.baseSalary) ?? 0n) - (toFen(p.difference.deduction) ?? 0n),
                  )}
                />
              ),
            },
            {
              title: t("payroll.simulator.current"),
              key: "current",
              align: "right",
              render: (_, p) => <span className="num">{formatMoney(p.current.total)}</span>,
            },
            {
              title: t("payroll.simulator.simulated"),
              key: "simulated",
              align: "right",
              render: (_, p) => <strong className="num">{formatMoney(p.simulated.total)}</strong>,
            },
            {
              title: t("payroll.simulator.difference"),
              key: "difference",
              align: "right",
              sorter: (a, b) => Number(a.difference.total) - Number(b.difference.total),
              render: (_, p) => <Difference value={p.difference.total} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
