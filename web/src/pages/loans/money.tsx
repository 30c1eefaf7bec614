import { Statistic } from "antd";
import type { CSSProperties } from "react";
import { formatMoney, formatWan, isLargeAmount } from "../../format.ts";

/** ¥ amount in a table cell or a description: tabular figures, no 万 line. */
export const money = (value: string) => <span className="num">{formatMoney(value)}</span>;

/** ¥ amount, with the 万 form on a second, quieter line for large sums (UI.md). */
export function Money({ value }: { value: string }) {
  return (
    <span className="num">
      {formatMoney(value)}
      {isLargeAmount(value) ? <div className="muted">{formatWan(value)}</div> : null}
    </span>
  );
}

/** A KPI figure that fits its card: ¥ amount, 万 underneath. */
export function MoneyStatistic({
  title,
  value,
  valueStyle,
}: {
  title: string;
  value: string;
  valueStyle?: CSSProperties;
}) {
  return (
    <>
      <Statistic title={title} value={formatMoney(value)} valueStyle={{ fontSize: 22, ...valueStyle }} />
      {isLargeAmount(value) ? <div className="muted kpi-foot num">{formatWan(value)}</div> : null}
    </>
  );
}
