// The contact history of a task (or of a whole loan): every attempt and every change to the task —
// assignment, escalation, promises kept or broken — in one timeline, newest first.
import { Empty, Space, Tag, Timeline } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CollectionAction, Consent, TaskEvent } from "../../api/collections.ts";
import { formatDateTime, formatMoney } from "../../format.ts";
import { METHOD_ICON, OutcomeTag, outcomeColor } from "./tags.tsx";

type Entry =
  | { key: string; at: string; kind: "action"; action: CollectionAction }
  | { key: string; at: string; kind: "event"; event: TaskEvent };

function eventText(t: TFunction, e: TaskEvent): string {
  const d = e.detail;
  const queue = (q: unknown) => (typeof q === "string" ? t(`collections.queueName.${q}`) : "—");
  switch (e.kind) {
    case "assigned": {
      const name = String(d.toName ?? "—");
      return e.actor
        ? t("collections.event.assigned", { name })
        : t("collections.event.assignedBatch", {
            name,
            rule: t(`collections.event.rule.${d.rule ?? "round-robin"}`),
          });
    }
    case "escalated": {
      const why =
        d.reason === "dpd"
          ? t("collections.event.escalatedDpd", { dpd: d.dpd })
          : t("collections.event.escalatedPromises", { count: d.brokenPromises });
      return `${t("collections.event.escalated", { from: queue(d.from), to: queue(d.to) })}(${why})`;
    }
    case "queue-changed":
      return t("collections.event.queue-changed", { from: queue(d.from), to: queue(d.to) });
    case "promise-kept":
      return t("collections.event.promise-kept", { amount: formatMoney(String(d.paid ?? d.amount)) });
    case "promise-broken":
      return t("collections.event.promise-broken", {
        amount: formatMoney(String(d.amount)),
        date: d.promisedDate,
      });
    default:
      return t(`collections.event.${e.kind}`);
  }
}

const EVENT_COLOR: Record<TaskEvent["kind"], string> = {
  assigned: "gray",
  unassigned: "gray",
  escalated: "orange",
  "queue-changed": "gray",
  "promise-kept": "green",
  "promise-broken": "red",
  "priority-raised": "red",
};

export function TaskTimeline({
  actions,
  events,
  consents = [],
}: {
  actions: CollectionAction[];
  events: TaskEvent[];
  consents?: Consent[];
}) {
  const { t } = useTranslation();
  const entries: Entry[] = [
    ...actions.map((action) => ({
      key: `a-${action.id}`,
      at: action.occurredAt,
      kind: "action" as const,
      action,
    })),
    ...events.map((event) => ({ key: `e-${event.id}`, at: event.at, kind: "event" as const, event })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <Empty description={t("collections.task.timelineEmpty")} />;
  const quiet = (iso: string) => {
    const hour = Number(formatDateTime(iso).slice(11, 13));
    return hour >= 22 || hour < 8;
  };
  return (
    <Timeline
      className="collections-timeline"
      data-testid="task-timeline"
      items={entries.map((entry) => {
        if (entry.kind === "event") {
          const e = entry.event;
          return {
            key: entry.key,
            color: EVENT_COLOR[e.kind],
            content: (
              <>
                <div className="collections-timeline-head">
                  <strong>{eventText(t, e)}</strong>
                </div>
                <div className="muted kpi-foot">
                  {e.businessDate} ·{" "}
                  {e.actor ? t("collections.event.by", { name: e.actor.name }) : t("collections.event.batch")}
                  {typeof e.detail.note === "string" && e.detail.note ? ` · ${e.detail.note}` : ""}
                </div>
              </>
            ),
          };
        }
        const a = entry.action;
        const whom =
          a.party === "borrower"
            ? t("collections.party.borrower")
            : `${t(`collections.party.${a.party}`)}${a.contactName ? ` ${a.contactName}` : ""}`;
        return {
          key: entry.key,
          color: outcomeColor(a.outcome) === "default" ? "gray" : outcomeColor(a.outcome),
          icon: METHOD_ICON[a.method],
          content: (
            <>
              <div className="collections-timeline-head">
                <span className="num">{formatDateTime(a.occurredAt)}</span>
                <strong>
                  {t(`collections.method.${a.method}`)} · {whom}
                </strong>
                <OutcomeTag value={a.outcome} />
                <Tag bordered={false}>{t(`collections.purpose.${a.purpose}`)}</Tag>
                {quiet(a.occurredAt) && consents.length > 0 ? (
                  <Tag color="purple">{t("collections.task.underConsent")}</Tag>
                ) : null}
              </div>
              {a.note ? <div className="collections-timeline-note">{a.note}</div> : null}
              <Space size={8} className="muted kpi-foot">
                <span>{a.actor?.name ?? "—"}</span>
                {a.nextActionDate ? (
                  <span>{t("collections.task.nextOn", { date: a.nextActionDate })}</span>
                ) : null}
              </Space>
            </>
          ),
        };
      })}
    />
  );
}
