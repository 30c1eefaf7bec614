import { Empty, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { Posting } from "../../api/servicing.ts";
import "./servicing.css";
import { money } from "./money.tsx";

type PostingLine = {
  key: string;
  entryId: number;
  date: string;
  kind: string;
  description: string;
  account: string;
  debit: string;
  credit: string;
  first: boolean;
  span: number;
};

export function PostingsTable({ postings }: { postings: Posting[] }) {
  const { t } = useTranslation();
  const label = (key: string) => t(`servicing.detail.postingColumns.${key}`);
  const rows: PostingLine[] = [...postings].reverse().flatMap((p) =>
    p.lines.map((l, i) => ({
      key: `${p.entryId}-${i}`,
      entryId: p.entryId,
      date: p.date,
      kind: p.kind,
      description: p.description,
      account: l.account,
      debit: l.debit,
      credit: l.credit,
      first: i === 0,
      span: p.lines.length,
    })),
  );
  const spanned = (r: PostingLine) => ({ rowSpan: r.first ? r.span : 0 });
  return (
    <Table<PostingLine>
      rowKey="key"
      size="small"
      bordered
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900, y: 420 }}
      locale={{ emptyText: <Empty description={t("servicing.detail.noPostings")} /> }}
      columns={[
        {
          title: label("entry"),
          dataIndex: "entryId",
          width: 80,
          onCell: spanned,
          render: (v: number) => <span className="num">#{v}</span>,
        },
        { title: label("date"), dataIndex: "date", width: 104, onCell: spanned },
        { title: label("description"), dataIndex: "description", onCell: spanned },
        {
          title: label("account"),
          dataIndex: "account",
          width: 90,
          render: (v: string) => <span className="mono">{v}</span>,
        },
        {
          title: label("debit"),
          dataIndex: "debit",
          width: 130,
          align: "right",
          render: (v: string) => (Number(v) ? money(v) : ""),
        },
        {
          title: label("credit"),
          dataIndex: "credit",
          width: 130,
          align: "right",
          render: (v: string) => (Number(v) ? money(v) : ""),
        },
      ]}
    />
  );
}
