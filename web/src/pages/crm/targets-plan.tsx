// The plan against disbursements: months of plan and actual per team as bars with the attainment line,
// then the team × month table; a cell's pencil sets that month's target (crm.manage, not one's own team).
import { DownloadOutlined, EditOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Skeleton,
  Table,
  Tag,
  Tooltip,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  crmApi,
  type TargetCell,
  type TargetsView,
  useCrmMutation,
  useTargets,
} from "../../api/crm-engagement.ts";
import { downloadCsv } from "../../components/csv.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { formatMoney, formatWan } from "../../format.ts";

type Team = TargetsView["teams"][number];
type Editing = { team: Team; cell: TargetCell };

export function TargetsPlan() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = range ? { from: range[0].format("YYYY-MM"), to: range[1].format("YYYY-MM") } : {};
  const targets = useTargets(query);
  const me = useMe();
  const [editing, setEditing] = useState<Editing | null>(null);
  const data = targets.data;

  return (
    <>
      <Card size="small">
        <div className="filter-bar">
          <span className="muted">{t("crmKpi.targets.months")}</span>
          <DatePicker.RangePicker
            picker="month"
            value={
              range ?? (data ? [dayjs(data.months[0]), dayjs(data.months[data.months.length - 1])] : null)
            }
            onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
            allowClear={false}
          />
          <span className="muted">{t("crmKpi.targets.rampHint")}</span>
          <span className="filter-bar-spacer" />
          {data ? (
            <Button icon={<DownloadOutlined />} onClick={() => exportPlan(data, t)}>
              {t("common.exportExcel")}
            </Button>
          ) : null}
        </div>
      </Card>
      {targets.isError ? (
        <Alert type="error" showIcon className="section-gap-top" message={errorMessage(targets.error)} />
      ) : null}
      {!data ? (
        targets.isPending ? (
          <Skeleton active className="section-gap-top" />
        ) : null
      ) : data.teams.length === 0 ? (
        <Empty className="section-gap-top" description={t("crmKpi.targets.empty")} />
      ) : (
        <>
          <Card size="small" title={t("crmKpi.targets.chart")} className="section-gap-top">
            <PlanChart data={data} />
          </Card>
          <Card size="small" className="section-gap-top">
            <PlanTable data={data} canEdit={data.canEdit} me={me.data?.user.id} onEdit={setEditing} />
          </Card>
        </>
      )}
      <TargetModal editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function PlanChart({ data }: { data: TargetsView }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const compact = new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 });
    return {
      color: ["#bfbfbf", "#1668dc", "#fa8c16"],
      tooltip: {
        trigger: "axis",
        valueFormatter: (v) => (typeof v === "number" && v > 1000 ? formatMoney(v.toFixed(2)) : `${v}%`),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.months },
      yAxis: [
        { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
        { type: "value", axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
      ],
      series: [
        {
          type: "bar",
          name: t("crmKpi.targets.plan"),
          data: data.totals.map((m) => Number(m.plan)),
          barMaxWidth: 36,
        },
        {
          type: "bar",
          name: t("crmKpi.targets.actual"),
          data: data.totals.map((m) => Number(m.actual)),
          barMaxWidth: 36,
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: t("crmKpi.targets.attainment"),
          data: data.totals.map((m) => m.attainment ?? 0),
        },
      ],
    };
  }, [data, t, i18n.language]);
  return <EChart option={option} ariaLabel={t("crmKpi.targets.chart")} style={{ height: 300 }} />;
}

function PlanTable({
  data,
  canEdit,
  me,
  onEdit,
}: {
  data: TargetsView;
  canEdit: boolean;
  me: string | undefined;
  onEdit: (e: Editing) => void;
}) {
  const { t } = useTranslation();
  const rows = [
    ...data.teams,
    {
      teamId: "total",
      name: t("crmKpi.targets.total"),
      firstMonth: null,
      months: data.totals.map((m) => ({ ...m, planSource: null, note: null })),
    } as Team,
  ];
  return (
    <Table<Team>
      rowKey="teamId"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 260 + data.months.length * 170 }}
      data-testid="targets-table"
      columns={[
        {
          title: t("crmKpi.targets.columns.team"),
          dataIndex: "name",
          fixed: "left",
          width: 150,
          render: (name: string, team) => (
            <>
              <strong>{name}</strong>
              {team.firstMonth ? (
                <div className="muted">{t("crmKpi.targets.firstMonth", { month: team.firstMonth })}</div>
              ) : null}
            </>
          ),
        },
        ...data.months.map((month, i) => ({
          title: month,
          key: month,
          width: 170,
          render: (_: unknown, team: Team) => {
            const cell = team.months[i];
            const editable = canEdit && team.teamId !== "total" && team.teamId !== me;
            return (
              <div className="kpi-cell" data-testid="target-cell">
                <div className="kpi-cell-line">
                  <strong>{formatWan(cell.actual)}</strong>
                  <span className="muted">/ {cell.plan ? formatWan(cell.plan) : "—"}</span>
                  {editable ? (
                    <Tooltip title={t("crmKpi.targets.edit")}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        onClick={() => onEdit({ team, cell })}
                        aria-label={t("crmKpi.targets.edit")}
                      />
                    </Tooltip>
                  ) : null}
                </div>
                <Progress
                  percent={Math.min(100, cell.attainment ?? 0)}
                  size="small"
                  format={() => (cell.attainment === null ? "—" : `${cell.attainment}%`)}
                  strokeColor={(cell.attainment ?? 0) >= 100 ? "#52c41a" : "#1668dc"}
                />
                <div className="muted" style={{ fontSize: 12 }}>
                  {t("crmKpi.targets.loans", { count: cell.loans })}
                  {cell.planSource ? (
                    <Tag style={{ marginInlineStart: 6 }}>
                      {t(`crmKpi.targets.source.${cell.planSource}`)}
                    </Tag>
                  ) : null}
                </div>
              </div>
            );
          },
        })),
      ]}
    />
  );
}

function TargetModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ target: number; note?: string }>();
  const save = useCrmMutation(crmApi.setTarget);
  return (
    <Modal
      open={Boolean(editing)}
      title={
        editing ? t("crmKpi.targets.editTitle", { team: editing.team.name, month: editing.cell.month }) : ""
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          target: editing?.cell.plan ? Number(editing.cell.plan) : undefined,
          note: editing?.cell.note ?? "",
        }}
        onFinish={async (values) => {
          if (!editing) return;
          try {
            await save.mutateAsync({
              teamId: editing.team.teamId,
              month: editing.cell.month,
              target: values.target.toFixed(2),
              note: values.note || null,
            });
            message.success(t("crmKpi.targets.saved"));
            onClose();
          } catch (error) {
            if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
          }
        }}
      >
        <Form.Item
          name="target"
          label={t("crmKpi.targets.target")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <InputNumber<number>
            min={0.01}
            precision={2}
            prefix="¥"
            style={{ width: "100%" }}
            formatter={(v) => (v === undefined ? "" : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ","))}
            parser={(v) => Number((v ?? "").replace(/[¥,\s]/g, ""))}
            data-testid="target-amount"
          />
        </Form.Item>
        <Form.Item name="note" label={t("crmKpi.targets.note")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function exportPlan(data: TargetsView, t: (key: string) => string) {
  const header = [
    t("crmKpi.targets.columns.team"),
    "month",
    t("crmKpi.targets.plan"),
    t("crmKpi.targets.actual"),
    t("crmKpi.targets.attainment"),
  ];
  const rows = data.teams.flatMap((team) =>
    team.months.map((c) => [
      team.name,
      c.month,
      c.plan ?? "",
      c.actual,
      c.attainment === null ? "" : `${c.attainment}%`,
    ]),
  );
  downloadCsv(
    `${t("crmKpi.targets.title")}-${data.months[0]}-${data.months[data.months.length - 1]}.csv`,
    header,
    rows,
  );
}
