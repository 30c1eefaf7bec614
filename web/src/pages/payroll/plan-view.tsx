import { Descriptions, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { MANAGER_POSITIONS, PLAN_POSITIONS, type PlanJson, type PositionRule } from "../../api/payroll.ts";
import { formatMoney, formatRate } from "../../format.ts";

type RuleRow = PositionRule & { key: string; label: string };

/** A plan version as the table of DOMAIN.md §7 and the settings around it, read-only. */
export function PlanView({ plan }: { plan: PlanJson }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`payroll.plan.fields.${key}`);
  const position = (p: string) => t(`payroll.positions.${p}`);
  const yesNo = (v: boolean) => (v ? t("payroll.plan.on") : t("payroll.plan.off"));
  const rows: RuleRow[] = [
    ...PLAN_POSITIONS.map((p) => ({ key: p, label: position(p), ...plan.positions[p] })),
    { key: "first-month", label: t("payroll.plan.firstMonthRow"), ...plan.newEmployee.firstMonth },
  ];
  return (
    <div data-testid="plan-view">
      <Table<RuleRow>
        size="small"
        pagination={false}
        dataSource={rows}
        className="section-gap"
        scroll={{ x: 640 }}
        columns={[
          { title: f("position"), dataIndex: "label", width: 170 },
          {
            title: f("monthlyTarget"),
            dataIndex: "monthlyTarget",
            align: "right",
            render: (v: string) => <span className="num">{formatMoney(v)}</span>,
          },
          {
            title: f("baseSalary"),
            dataIndex: "baseSalary",
            align: "right",
            render: (v: string) => <span className="num">{formatMoney(v)}</span>,
          },
          {
            title: f("commissionRate"),
            dataIndex: "commissionRate",
            align: "right",
            render: (v: string) => <span className="num">{formatRate(v)}</span>,
          },
          {
            title: f("missedDeduction"),
            dataIndex: "missedDeduction",
            align: "right",
            render: (v: string) => <span className="num">−{formatMoney(v)}</span>,
          },
          {
            title: f("zeroDeduction"),
            dataIndex: "zeroDeduction",
            align: "right",
            render: (v: string) => <span className="num">−{formatMoney(v)}</span>,
          },
        ]}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        {MANAGER_POSITIONS.map((p) => (
          <Descriptions.Item key={p} label={t("payroll.plan.managementRateOf", { position: position(p) })}>
            {plan.managementRate[p] ? (
              <span className="num">
                {formatRate(plan.managementRate[p])} · {t(`payroll.plan.scope.${plan.managementScope[p]}`)}
              </span>
            ) : (
              <Tag color="gold">{t("payroll.plan.blankRate")}</Tag>
            )}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={f("includeOwnInTeamTotal")}>
          {yesNo(plan.includeOwnInTeamTotal)}
        </Descriptions.Item>
        <Descriptions.Item label={f("newEmployeePositions")}>
          {plan.newEmployee.positions.map(position).join(t("common.listSeparator")) || "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("payroll.plan.probationMonth")}>
          <span className="num">
            {t("payroll.plan.probationTerms", {
              base: formatMoney(plan.newEmployee.probation.baseSalary),
              rate: formatRate(plan.newEmployee.probation.commissionRate),
            })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={f("proration")}>{yesNo(plan.proration.enabled)}</Descriptions.Item>
        <Descriptions.Item label={f("cap")}>
          {yesNo(plan.performance.capAtPrincipalOverOneYear)}
        </Descriptions.Item>
        <Descriptions.Item label={f("clawback")}>
          {plan.clawback.enabled
            ? t("payroll.plan.clawbackTerms", {
                months: plan.clawback.windowMonths,
                share: formatRate(plan.clawback.share),
              })
            : yesNo(false)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
