import { SearchOutlined, WarningOutlined } from "@ant-design/icons";
import { Input, Select, Table, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PLAN_POSITIONS, type RunDetail, type Stage, type StatementSummary } from "../../api/payroll.ts";
import { formatMoney } from "../../format.ts";
import { StageTag } from "./payroll-parts.tsx";

// The figures the summary row adds up, in the order of their columns.
const SUMMED = [
  "annualizedPerformance",
  "baseSalary",
  "deduction",
  "commission",
  "managementCommission",
  "total",
] as const;

const money = (v: string) => <span className="num">{formatMoney(v)}</span>;
const byAmount = (key: keyof StatementSummary) => (a: StatementSummary, b: StatementSummary) =>
  Number(a[key] ?? 0) - Number(b[key] ?? 0);

/** Every statement of the version shown; a row opens its lines with their explanations. */
export function StatementsTable({ run, onOpen }: { run: RunDetail; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [position, setPosition] = useState<string | undefined>();
  const [stage, setStage] = useState<Stage | undefined>();
  const needle = search.trim().toLowerCase();
  const rows = run.statements.items.filter(
    (s) =>
      (!position || s.position === position) &&
      (!stage || s.stage === stage) &&
      (!needle || s.name.toLowerCase().includes(needle) || s.employeeNo.toLowerCase().includes(needle)),
  );
  const c = (key: string) => t(`payroll.statement.columns.${key}`);
  return (
    <>
      <div className="filter-bar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("payroll.statement.searchPlaceholder")}
          aria-label={t("payroll.statement.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t("payroll.statement.positionPlaceholder")}
          aria-label={c("position")}
          value={position}
          onChange={setPosition}
          options={PLAN_POSITIONS.map((p) => ({ value: p, label: t(`payroll.positions.${p}`) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t("payroll.statement.stagePlaceholder")}
          aria-label={c("stage")}
          value={stage}
          onChange={setStage}
          options={(["probation", "first-month", "regular"] as const).map((s) => ({
            value: s,
            label: t(`payroll.stage.${s}`),
          }))}
          style={{ width: 140 }}
        />
      </div>
      <Table<StatementSummary>
        rowKey="id"
        size="small"
        dataSource={rows}
        scroll={{ x: 920 }}
        data-testid="statements-table"
        rowClassName={() => "clickable-row"}
        onRow={(row) => ({ onClick: () => onOpen(row.id) })}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showTotal: (total) => t("common.total", { total }),
        }}
        summary={() =>
          rows.length === run.statements.items.length ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="summary-row">
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t("payroll.statement.totalRow", { count: run.totals.headcount })}
                </Table.Summary.Cell>
                {SUMMED.map((key, i) => (
                  <Table.Summary.Cell key={key} index={i + 2} align="right">
                    {key === "total" ? (
                      <strong>{money(run.totals.total)}</strong>
                    ) : key === "deduction" ? (
                      <span className="num negative">−{formatMoney(run.totals.deduction)}</span>
                    ) : (
                      money(run.totals[key])
                    )}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
        columns={[
          {
            title: c("person"),
            key: "person",
            width: 150,
            fixed: "left",
            sorter: (a, b) => a.employeeNo.localeCompare(b.employeeNo),
            render: (_, s) => (
              <>
                <span className="strong-link">{s.name}</span>{" "}
                <span className="mono muted">{s.employeeNo}</span>
                {s.warnings.length ? (
                  <Tooltip title={s.warnings.join("；")}>
                    <WarningOutlined style={{ color: "#d48806", marginInlineStart: 6 }} />
                  </Tooltip>
                ) : null}
                {/* Only the new-employee stages stand out; most people are regular. */}
                {s.stage !== "regular" ? (
                  <div>
                    <StageTag stage={s.stage} />
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: c("position"),
            dataIndex: "position",
            width: 100,
            render: (v: string, s) => (
              <>
                {t(`payroll.positions.${v}`, { defaultValue: v })}
                {s.departmentName ? <div className="muted">{s.departmentName}</div> : null}
              </>
            ),
          },
          {
            title: c("performance"),
            key: "performance",
            width: 170,
            align: "right",
            sorter: byAmount("annualizedPerformance"),
            render: (_, s) => (
              <>
                {money(s.annualizedPerformance)}
                <div className="muted num">
                  {s.target
                    ? t("payroll.statement.target", { target: formatMoney(s.target) })
                    : t("payroll.statement.noTarget")}
                </div>
              </>
            ),
          },
          { title: c("baseSalary"), dataIndex: "baseSalary", width: 95, align: "right", render: money },
          {
            title: c("deduction"),
            dataIndex: "deduction",
            width: 95,
            align: "right",
            render: (v: string) =>
              Number(v) ? <span className="num negative">−{formatMoney(v)}</span> : money(v),
          },
          {
            title: c("commission"),
            dataIndex: "commission",
            width: 100,
            align: "right",
            sorter: byAmount("commission"),
            render: money,
          },
          {
            title: c("managementCommission"),
            dataIndex: "managementCommission",
            width: 100,
            align: "right",
            render: money,
          },
          {
            title: c("total"),
            dataIndex: "total",
            width: 110,
            align: "right",
            fixed: "right",
            sorter: byAmount("total"),
            render: (v: string) => <strong className="num">{formatMoney(v)}</strong>,
          },
        ]}
      />
    </>
  );
}
