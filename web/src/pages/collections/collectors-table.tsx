// The people who may collect and how the close of business assigns to them: queues, capacity, on or
// off. Switching someone off (or taking a queue away) returns their open tasks to the pool.
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, InputNumber, Select, Switch, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type Collector, QUEUES, type Queue, updateCollector, useCollectors } from "../../api/collections.ts";

type Draft = { queues: Queue[]; capacity: number | null; active: boolean };

export function CollectorsTable() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const collectors = useCollectors();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const s = (key: string, params: Record<string, unknown> = {}) => t(`collections.summary.${key}`, params);

  const draftOf = (c: Collector): Draft =>
    drafts[c.userId] ?? {
      queues: c.collector?.queues ?? [],
      capacity: c.collector?.capacity ?? null,
      active: c.collector?.active ?? false,
    };
  const edit = (c: Collector, patch: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [c.userId]: { ...draftOf(c), ...patch } }));

  const save = async (c: Collector) => {
    const draft = draftOf(c);
    const run = async () => {
      setSaving(c.userId);
      try {
        const result = await updateCollector(c.userId, draft);
        message.success(s("collectorSaved", { count: result.released }));
        setDrafts(({ [c.userId]: _, ...rest }) => rest);
        await queryClient.invalidateQueries({ queryKey: ["collections"] });
      } catch (error) {
        message.error(errorMessage(error));
      } finally {
        setSaving(null);
      }
    };
    // Switching someone off hands their tasks back: say so before doing it.
    if (c.collector?.active && !draft.active && c.openTasks > 0)
      modal.confirm({ title: `${c.name}: ${c.openTasks} → ${t("collections.assign.pool")}`, onOk: run });
    else await run();
  };

  return (
    <Card size="small" className="section-gap" title={s("team")} data-testid="collectors-table">
      <p className="muted">{s("teamHint")}</p>
      <Table<Collector>
        rowKey="userId"
        size="small"
        pagination={false}
        loading={collectors.isFetching}
        dataSource={collectors.data?.items ?? []}
        columns={[
          {
            title: s("teamColumns.name"),
            dataIndex: "name",
            render: (v: string, c) => (
              <>
                {v} <span className="muted mono">{c.username}</span>
                {c.collector ? null : <div className="muted kpi-foot">{s("notCollector")}</div>}
              </>
            ),
          },
          {
            title: s("teamColumns.queues"),
            key: "queues",
            width: 280,
            render: (_, c) => (
              <Select
                mode="multiple"
                style={{ width: "100%" }}
                value={draftOf(c).queues}
                onChange={(queues: Queue[]) => edit(c, { queues })}
                options={QUEUES.map((q) => ({ value: q, label: t(`collections.queueName.${q}`) }))}
                aria-label={s("teamColumns.queues")}
              />
            ),
          },
          {
            title: s("teamColumns.capacity"),
            key: "capacity",
            width: 150,
            render: (_, c) => (
              <InputNumber
                min={1}
                max={10000}
                value={draftOf(c).capacity}
                placeholder={s("defaultCapacity", { count: collectors.data?.defaultCapacity })}
                onChange={(v) => edit(c, { capacity: typeof v === "number" ? v : null })}
                aria-label={s("teamColumns.capacity")}
                style={{ width: "100%" }}
              />
            ),
          },
          {
            title: s("teamColumns.active"),
            key: "active",
            width: 70,
            render: (_, c) => (
              <Switch
                checked={draftOf(c).active}
                onChange={(active) => edit(c, { active })}
                aria-label={s("teamColumns.active")}
              />
            ),
          },
          {
            title: s("teamColumns.load"),
            key: "load",
            align: "right",
            width: 110,
            render: (_, c) => <span className="num">{`${c.openTasks} / ${c.capacity}`}</span>,
          },
          { title: s("teamColumns.today"), dataIndex: "actionsToday", align: "right", width: 90 },
          {
            title: t("common.actions"),
            key: "save",
            width: 80,
            render: (_, c) => (
              <Button
                size="small"
                type={drafts[c.userId] ? "primary" : "default"}
                disabled={!drafts[c.userId] || draftOf(c).queues.length === 0}
                loading={saving === c.userId}
                onClick={() => void save(c)}
              >
                {s("saveCollector")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
