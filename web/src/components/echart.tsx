// A thin ECharts wrapper on the tree-shaken core: only the chart types the console uses are bundled.

import { DownloadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from "echarts/charts";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import type {
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type CSSProperties, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type CsvCell, downloadCsv } from "./csv.ts";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DatasetComponentOption
>;

/** The numbers behind a chart (UI.md: every chart can be downloaded as data). */
export type ChartData = { fileName: string; header: string[]; rows: CsvCell[][] };

export function EChart({
  option,
  style,
  ariaLabel,
  data,
}: {
  option: ChartOption;
  style?: CSSProperties;
  ariaLabel: string;
  /** When given, a download button in the chart's corner saves these rows as CSV. */
  data?: ChartData;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = echarts.init(container.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const canvas = (
    <div ref={container} role="img" aria-label={ariaLabel} style={{ width: "100%", height: 320, ...style }} />
  );
  if (!data) return canvas;
  return (
    <div className="echart-with-data">
      {canvas}
      <Tooltip title={t("common.downloadChartData")}>
        <Button
          className="echart-download"
          type="text"
          size="small"
          icon={<DownloadOutlined />}
          aria-label={t("common.downloadChartData")}
          onClick={() => downloadCsv(data.fileName, data.header, data.rows)}
          data-testid="chart-download"
        />
      </Tooltip>
    </div>
  );
}
