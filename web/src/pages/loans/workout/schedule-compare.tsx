import { ExclamationCircleOutlined } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { RestructuringPreview } from "../../../api/workout.ts";
import { formatMoneyLong, formatPercent, formatRate } from "../../../format.ts";
import { money } from "../money.tsx";
import { ClassificationTag } from "../servicing-tags.tsx";

type OldRow = RestructuringPreview["current"]["schedule"][number];
type NewRow = RestructuringPreview["proposed"]["schedule"][number];

/** The figures that change, old beside new: what a proposer checks and an approver signs. */
export function RestructuringSummary({ preview }: { preview: RestructuringPreview }) {
  const { t } = useTranslation();
  const s = (key: string, params: Record<string, unknown> = {}) =>
    t(`workout.restructure.summary.${key}`, params);
  const { current, proposed } = preview;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="restructuring-summary"
      items={[
        { key: "principal", label: s("principal"), children: money(current.principalOutstanding) },
        { key: "arrears", label: s("arrears"), children: money(current.arrears.total) },
        { key: "capitalised", label: s("capitalised"), children: money(proposed.capitalised) },
        { key: "kept", label: s("arrearsKept"), children: money(proposed.arrearsKept) },
        {
          key: "newPrincipal",
          label: <strong>{s("newPrincipal")}</strong>,
          children: <strong className="num">{formatMoneyLong(proposed.principal)}</strong>,
        },
        {
          key: "term",
          label: s("term"),
          children: t("workout.restructure.termChange", {
            remaining: current.remainingMonths,
            term: proposed.termMonths,
            extension: proposed.extensionMonths,
          }),
        },
        {
          key: "rate",
          label: s("rate"),
          children: `${formatRate(current.annualRate)} → ${formatRate(proposed.annualRate)}`,
        },
        {
          key: "penaltyRate",
          label: s("penaltyRate"),
          children:
            current.penaltyRate && proposed.penaltyRate ? (
              <span data-testid="penalty-rate-change">
                {formatRate(current.penaltyRate)} → {formatRate(proposed.penaltyRate)}
                {proposed.penaltyRateChanged ? (
                  <Tag color="orange" style={{ marginLeft: 8 }}>
                    {s("penaltyRateChanged")}
                  </Tag>
                ) : (
                  <span className="muted"> {s("penaltyRateKept")}</span>
                )}
              </span>
            ) : (
              "—"
            ),
        },
        {
          key: "method",
          label: s("method"),
          children: `${t(`calculator.methods.${current.method}`)} → ${t(`calculator.methods.${proposed.method}`)}`,
        },
        {
          key: "maturity",
          label: s("maturity"),
          children: (
            <span className="num">
              {current.maturityDate} → {proposed.maturityDate}
            </span>
          ),
        },
        {
          key: "apr",
          label: s("apr"),
          children: (
            <span className={proposed.aprAboveCap ? "date-overdue" : undefined}>
              {formatPercent(proposed.apr)}
            </span>
          ),
        },
        { key: "first", label: s("firstInstallment"), children: money(proposed.firstInstallment) },
        {
          key: "floor",
          label: s("floor"),
          children: proposed.classificationFloor ? (
            <span>
              <ClassificationTag value={proposed.classificationFloor} />
              <span className="muted">{s("floorUntil", { date: proposed.classificationFloorUntil })}</span>
            </span>
          ) : (
            "—"
          ),
        },
      ]}
    />
  );
}

/** The installments being replaced and the new schedule, side by side (stacked on narrow screens). */
export function ScheduleCompare({ preview }: { preview: RestructuringPreview }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`workout.columns.${key}`);
  return (
    <Row gutter={[12, 12]} data-testid="schedule-compare">
      <Col xs={24} xl={12}>
        <Card size="small" title={t("workout.restructure.current")} className="workout-compare-card">
          <Table<OldRow>
            rowKey="period"
            size="small"
            dataSource={preview.current.schedule}
            pagination={false}
            scroll={{ y: 360 }}
            rowClassName={(r) => (r.overdue ? "schedule-row-overdue" : "")}
            columns={[
              {
                title: c("period"),
                dataIndex: "period",
                width: 64,
                align: "center",
                render: (v: number, r) =>
                  r.overdue ? (
                    <span className="date-overdue" title={t("workout.restructure.overdue")}>
                      {v} <ExclamationCircleOutlined aria-label={t("workout.restructure.overdue")} />
                    </span>
                  ) : (
                    v
                  ),
              },
              {
                title: c("dueDate"),
                dataIndex: "dueDate",
                width: 104,
                render: (v: string) => <span className="num">{v}</span>,
              },
              { title: c("principal"), dataIndex: "principal", align: "right", render: money },
              { title: c("interest"), dataIndex: "interest", align: "right", render: money },
              { title: c("outstanding"), dataIndex: "outstanding", align: "right", render: money },
            ]}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{t("calculator.totalsRow")}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <strong>{money(preview.current.totals.principal)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} />
                  <Table.Summary.Cell index={4} align="right">
                    <strong>{money(preview.current.totals.outstanding)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t("workout.restructure.proposed")} className="workout-compare-card">
          <Table<NewRow>
            rowKey="period"
            size="small"
            dataSource={preview.proposed.schedule}
            pagination={false}
            scroll={{ y: 360 }}
            data-testid="new-schedule"
            columns={[
              { title: c("period"), dataIndex: "period", width: 64, align: "center" },
              {
                title: c("dueDate"),
                dataIndex: "dueDate",
                width: 104,
                render: (v: string) => <span className="num">{v}</span>,
              },
              { title: c("principal"), dataIndex: "principal", align: "right", render: money },
              { title: c("interest"), dataIndex: "interest", align: "right", render: money },
              {
                title: c("total"),
                dataIndex: "total",
                align: "right",
                render: (v: string) => <strong>{money(v)}</strong>,
              },
            ]}
            summary={() => (
              <Table.Summary fixed>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <strong>{t("calculator.totalsRow")}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <strong>{money(preview.proposed.totals.principal)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <strong>{money(preview.proposed.totals.interest)}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <strong>{money(preview.proposed.totals.total)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
