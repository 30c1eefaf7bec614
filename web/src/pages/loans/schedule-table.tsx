import { Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Installment, Schedule } from "../../api/types.ts";
import { money } from "./money.tsx";

/** Every installment, 12 to a page (a year), with the totals row always in view. */
export function ScheduleTable({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`calculator.columns.${key}`);
  return (
    <Table<Installment>
      rowKey="period"
      size="small"
      dataSource={schedule.installments}
      scroll={{ x: 760 }}
      pagination={{
        defaultPageSize: 12,
        pageSizeOptions: [12, 24, 60, 120],
        showSizeChanger: true,
        showTotal: (total) => t("calculator.periods", { count: total }),
        hideOnSinglePage: false,
        size: "small",
      }}
      columns={[
        { title: c("period"), dataIndex: "period", width: 70, align: "center" },
        {
          title: c("dueDate"),
          dataIndex: "dueDate",
          width: 110,
          render: (value: string) => <span className="num">{value}</span>,
        },
        { title: c("principal"), dataIndex: "principal", align: "right", render: money },
        { title: c("interest"), dataIndex: "interest", align: "right", render: money },
        { title: c("fee"), dataIndex: "fee", align: "right", render: money },
        {
          title: c("total"),
          dataIndex: "total",
          align: "right",
          render: (value: string) => <strong>{money(value)}</strong>,
        },
        { title: c("remaining"), dataIndex: "remainingPrincipal", align: "right", render: money },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="schedule-totals">
            <Table.Summary.Cell index={0} colSpan={2} align="center">
              <strong>{t("calculator.totalsRow")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{money(schedule.totals.principal)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{money(schedule.totals.interest)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <strong>{money(schedule.totals.fee)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <strong>{money(schedule.totals.total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
