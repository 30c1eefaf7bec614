import type { UseQueryResult } from "@tanstack/react-query";
import { Card, Empty, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ClosedDate } from "../../api/servicing.ts";
import { formatDateTime } from "../../format.ts";

/** The closed business dates, newest first, with who closed each and how many loans it wrote. */
export function ClosedDatesCard({ query }: { query: UseQueryResult<{ items: ClosedDate[] }> }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`servicing.batch.closes.${key}`);
  return (
    <Card
      size="small"
      className="section-gap"
      title={c("title")}
      extra={<span className="muted">{c("hint")}</span>}
    >
      <Table<ClosedDate>
        rowKey={(r) => `${r.date}-${r.closedAt}`}
        size="small"
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid="cob-closes"
        locale={{ emptyText: <Empty description={c("empty")} /> }}
        columns={[
          { title: c("date"), dataIndex: "date", render: (v: string) => <span className="num">{v}</span> },
          { title: c("closedAt"), dataIndex: "closedAt", render: (v: string) => formatDateTime(v) },
          {
            title: c("closedBy"),
            dataIndex: "closedBy",
            render: (v: string | null) => v ?? <span className="muted">{c("system")}</span>,
          },
          {
            title: c("mode"),
            dataIndex: "mode",
            render: (v: string) => <Tag>{t(`servicing.batch.closes.modes.${v}`, { defaultValue: v })}</Tag>,
          },
          {
            title: c("loansChanged"),
            dataIndex: "loansChanged",
            align: "right",
            render: (v: number) => <span className="num">{v.toLocaleString("zh-CN")}</span>,
          },
        ]}
      />
    </Card>
  );
}
