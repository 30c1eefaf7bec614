import { Descriptions, Grid, Table, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Dispute, StatementDetail, StatementLine } from "../../api/payroll.ts";
import { formatMoney } from "../../format.ts";
import { StageTag, useLineName } from "./payroll-parts.tsx";

/** Who, where, which stage, performance against target: the facts the lines are computed from. */
export function StatementFacts({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`payroll.statement.columns.${key}`);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      className="section-gap"
      data-testid="statement-facts"
    >
      <Descriptions.Item label={c("position")}>
        {t(`payroll.positions.${statement.position}`, { defaultValue: statement.position })}
        {statement.departmentName ? <span className="muted"> · {statement.departmentName}</span> : null}
      </Descriptions.Item>
      <Descriptions.Item label={c("stage")}>
        <StageTag stage={statement.stage} />
        <span className="muted num">{t("payroll.statement.joined", { date: statement.joinedOn })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={c("performance")}>
        <span className="num">{formatMoney(statement.annualizedPerformance)}</span>
        <span className="muted"> · {t("payroll.statement.loanCount", { count: statement.loanCount })}</span>
      </Descriptions.Item>
      <Descriptions.Item label={c("target")}>
        <span className="num">
          {statement.target ? formatMoney(statement.target) : t("payroll.statement.noTarget")}
        </span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * Every amount on the statement as a line with the arithmetic behind it, and the total they add up
 * to. `action` puts a per-line button at the end (the employee's "dispute this line").
 */
export function StatementLines({
  statement,
  action,
}: {
  statement: StatementDetail;
  action?: (line: StatementLine, disputes: Dispute[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const lineName = useLineName();
  const screens = Grid.useBreakpoint();
  const c = (key: string) => t(`payroll.statement.lineColumns.${key}`);
  // On a phone the explanation needs the whole width: one block per line instead of a table.
  if (screens.md === false)
    return (
      <div className="line-list" data-testid="statement-lines">
        {statement.lines.map((line) => (
          <div key={line.id} className="line-block">
            <div className="line-block-head">
              <strong>{lineName(line.code)}</strong>
              <span className={line.amount.startsWith("-") ? "num negative" : "num"}>
                {formatMoney(line.amount)}
              </span>
            </div>
            <div className="line-explanation">{line.explanation}</div>
            {action ? (
              <div className="line-block-action">
                {action(
                  line,
                  statement.disputes.filter((d) => d.lineId === line.id),
                )}
              </div>
            ) : null}
          </div>
        ))}
        <div className="line-block line-block-total">
          <div className="line-block-head">
            <strong>{t("payroll.statement.columns.total")}</strong>
            <strong className="num">{formatMoney(statement.total)}</strong>
          </div>
          <div className="muted">{t("payroll.statement.totalFormula")}</div>
        </div>
      </div>
    );
  return (
    <Table<StatementLine>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={statement.lines}
      data-testid="statement-lines"
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row className="summary-row">
            <Table.Summary.Cell index={0}>
              <strong>{t("payroll.statement.columns.total")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong className="num" data-testid="statement-total">
                {formatMoney(statement.total)}
              </strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={action ? 2 : 1}>
              <span className="muted">{t("payroll.statement.totalFormula")}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
      columns={[
        {
          title: c("item"),
          dataIndex: "code",
          width: 130,
          render: (code: string, line) => {
            const disputes = statement.disputes.filter((d) => d.lineId === line.id);
            return (
              <>
                {lineName(code)}
                {disputes.length ? (
                  <div>
                    <Tag color={disputes.some((d) => d.status === "open") ? "gold" : "default"}>
                      {t("payroll.statement.disputed", { count: disputes.length })}
                    </Tag>
                  </div>
                ) : null}
              </>
            );
          },
        },
        {
          title: c("amount"),
          dataIndex: "amount",
          width: 120,
          align: "right",
          // Lines carry their sign (a deduction is negative), so they add up to the total.
          render: (v: string) => (
            <span className={v.startsWith("-") ? "num negative" : "num"}>{formatMoney(v)}</span>
          ),
        },
        {
          title: c("explanation"),
          dataIndex: "explanation",
          render: (v: string) => <span className="line-explanation">{v}</span>,
        },
        ...(action
          ? [
              {
                key: "action",
                width: 110,
                render: (_: unknown, line: StatementLine) =>
                  action(
                    line,
                    statement.disputes.filter((d) => d.lineId === line.id),
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
