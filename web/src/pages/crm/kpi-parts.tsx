// Pieces the sales floor pages share: a KPI card with its target bar, a board cell (actual against
// target with a thin bar), position and lead tags, the link to a lead.
import { CheckCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { Card, Progress, Tag, Tooltip } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Figures, Tally, TargetMetric } from "../../api/crm-engagement.ts";
import type { ChartData } from "../../components/echart.tsx";
import "./kpi-styles.css";

export const KPI_CARD_METRICS: TargetMetric[] = [
  "calls",
  "effective",
  "intent",
  "revisits",
  "nextDayAppointments",
];

/** Green once the target due so far is met, gold while behind it; blue without a target. */
function barColor(actual: number, due: number, target: number): string {
  if (target <= 0) return "#1668dc";
  return actual >= due ? "#52c41a" : "#faad14";
}

const percentOf = (actual: number, target: number) =>
  target > 0 ? Math.min(100, Math.floor((actual * 100) / target)) : 0;

export function KpiCard({ metric, tally, testId }: { metric: TargetMetric; tally: Tally; testId?: string }) {
  const { t } = useTranslation();
  const actual = tally.figures[metric];
  const target = tally.target[metric];
  const due = tally.dueToDate[metric];
  return (
    <Card size="small" className="kpi-card" data-testid={testId ?? `kpi-${metric}`}>
      <div className="muted">{t(`crmKpi.metrics.${metric}`)}</div>
      <div className="kpi-card-value">{actual.toLocaleString()}</div>
      <Progress
        percent={percentOf(actual, target)}
        size="small"
        showInfo={false}
        strokeColor={barColor(actual, due, target)}
        aria-label={t("crmKpi.common.attainment")}
      />
      <div className="kpi-card-foot">
        <span>
          {target > 0
            ? t("crmKpi.common.target", { value: target.toLocaleString() })
            : t("crmKpi.common.noTarget")}
        </span>
        <span className="num">
          {tally.attainment[metric] === null ? "—" : `${tally.attainment[metric]}%`}
        </span>
      </div>
    </Card>
  );
}

export function KpiCards({ tally, prefix }: { tally: Tally; prefix?: string }) {
  return (
    <div className="kpi-cards">
      {KPI_CARD_METRICS.map((m) => (
        <KpiCard key={m} metric={m} tally={tally} testId={prefix ? `${prefix}-${m}` : undefined} />
      ))}
    </div>
  );
}

/** One board cell: "36 / 120" with a bar; the tooltip tells what is due by today. */
export function KpiCell({ tally, metric }: { tally: Tally; metric: keyof Figures }) {
  const { t } = useTranslation();
  const actual = tally.figures[metric];
  if (metric === "appointments") return <span className="num">{actual}</span>;
  const target = tally.target[metric];
  const due = tally.dueToDate[metric];
  return (
    <Tooltip title={target > 0 ? t("crmKpi.common.dueToDate", { value: due }) : t("crmKpi.common.noTarget")}>
      <div className="kpi-cell">
        <div className="kpi-cell-line">
          <strong>{actual.toLocaleString()}</strong>
          {target > 0 ? <span className="muted">/ {target.toLocaleString()}</span> : null}
        </div>
        {target > 0 ? (
          <Progress
            percent={percentOf(actual, target)}
            size="small"
            showInfo={false}
            strokeColor={barColor(actual, due, target)}
          />
        ) : null}
      </div>
    </Tooltip>
  );
}

export function BehindTag({ behind }: { behind: boolean }) {
  const { t } = useTranslation();
  return behind ? (
    <Tag color="orange" icon={<WarningOutlined />}>
      {t("crmKpi.common.behind")}
    </Tag>
  ) : (
    <Tag color="green" icon={<CheckCircleOutlined />}>
      {t("crmKpi.common.onTrack")}
    </Tag>
  );
}

export function PositionName({ position }: { position: string | null }) {
  const { t } = useTranslation();
  if (!position) return <span className="muted">—</span>;
  return <>{t(`crmKpi.positions.${position}`, { defaultValue: position })}</>;
}

const INTENT_COLORS: Record<string, string> = { A: "red", B: "orange", C: "blue" };

export function IntentTag({ level }: { level: string | null }) {
  if (!level) return null;
  return <Tag color={INTENT_COLORS[level]}>{level}</Tag>;
}

export function LeadLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to={`/crm/leads/${id}`} className="strong-link">
      {name}
    </Link>
  );
}

/** A daily trend chart's numbers: one row a day, one column a metric. */
export function dailyFigures(
  daily: { day: string; figures: Figures }[],
  metrics: TargetMetric[],
  t: TFunction,
): ChartData {
  return {
    fileName: `${t("crmKpi.board.trend")}-${daily[0]?.day ?? ""}-${daily[daily.length - 1]?.day ?? ""}`,
    header: [t("crmKpi.common.day"), ...metrics.map((m) => t(`crmKpi.metrics.${m}`))],
    rows: daily.map((d) => [d.day, ...metrics.map((m) => d.figures[m])]),
  };
}
