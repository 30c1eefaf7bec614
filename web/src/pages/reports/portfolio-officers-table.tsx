// The book by loan officer with their leader: who holds it, how much is overdue or non-performing, and
// what each disbursed this month. Sortable, downloadable as CSV like the charts.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { PortfolioOfficer, PortfolioReport } from "../../api/reports.ts";
import { downloadCsv } from "../../components/csv.ts";
import { formatRate } from "../../format.ts";
import { money } from "../loans/money.tsx";

const byNumber =
  (pick: (row: PortfolioOfficer) => string | number | null) => (a: PortfolioOfficer, b: PortfolioOfficer) =>
    Number(pick(a) ?? -1) - Number(pick(b) ?? -1);

export function OfficersTable({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`portfolio.officerTable.${key}`);
  const nameOf = (row: PortfolioOfficer) => row.officer ?? f("noOfficer");
  const download = () =>
    downloadCsv(
      `${t("portfolio.exportFile")}-${f("title")}`,
      [
        f("officer"),
        f("leader"),
        f("loans"),
        f("principal"),
        f("overdue"),
        f("npl"),
        f("par30"),
        f("disbursed"),
      ],
      report.byOfficer.map((row) => [
        nameOf(row),
        row.leader ?? "",
        row.loans,
        row.principal,
        row.overduePrincipal,
        row.nplRatio ?? "",
        row.par30Ratio ?? "",
        row.disbursedThisMonth,
      ]),
    );
  return (
    <Card
      size="small"
      className="section-gap"
      title={f("title")}
      data-testid="portfolio-officers"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={download}
          data-testid="portfolio-officers-download"
        >
          {t("common.exportCsv")}
        </Button>
      }
    >
      <Table<PortfolioOfficer>
        rowKey={(row) => row.officerId ?? "none"}
        size="small"
        dataSource={report.byOfficer}
        pagination={report.byOfficer.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        scroll={{ x: 900 }}
        columns={[
          { title: f("officer"), key: "officer", fixed: "left", render: (_, row) => nameOf(row) },
          { title: f("leader"), dataIndex: "leader", render: (v: string | null) => v ?? "—" },
          { title: f("loans"), dataIndex: "loans", align: "right", sorter: byNumber((r) => r.loans) },
          {
            title: f("principal"),
            dataIndex: "principal",
            align: "right",
            render: money,
            sorter: byNumber((r) => r.principal),
            defaultSortOrder: "descend",
          },
          {
            title: f("overdue"),
            dataIndex: "overduePrincipal",
            align: "right",
            render: money,
            sorter: byNumber((r) => r.overduePrincipal),
          },
          {
            title: f("npl"),
            dataIndex: "nplRatio",
            align: "right",
            render: (v: string | null) => <span className="num">{formatRate(v)}</span>,
            sorter: byNumber((r) => r.nplRatio),
          },
          {
            title: f("par30"),
            dataIndex: "par30Ratio",
            align: "right",
            render: (v: string | null) => <span className="num">{formatRate(v)}</span>,
            sorter: byNumber((r) => r.par30Ratio),
          },
          {
            title: f("disbursed"),
            dataIndex: "disbursedThisMonth",
            align: "right",
            render: money,
            sorter: byNumber((r) => r.disbursedThisMonth),
          },
        ]}
      />
    </Card>
  );
}
