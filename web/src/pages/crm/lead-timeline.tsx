// A lead's timeline: its events (registered, stage, assignment, intent, follow-up, merge, convert) and
// its calls in one stream, newest first, with who and when.
import { AudioOutlined, PhoneOutlined } from "@ant-design/icons";
import { Empty, Tag, Timeline } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { TimelineItem } from "../../api/crm-leads.ts";
import { formatDateTime } from "../../format.ts";
import { useTalkTime } from "./lead-tags.tsx";

const COLORS: Record<string, string> = {
  created: "green",
  stage: "blue",
  intent: "gold",
  converted: "green",
  merged: "purple",
  assigned: "cyan",
  "do-not-call": "red",
};

const FIELD_KEYS: Record<string, string> = {
  phone: "crmLeads.form.phone",
  idNumber: "crmLeads.detail.idNumber",
  name: "crmLeads.form.name",
  source: "crmLeads.form.source",
  referrer: "crmLeads.form.referrer",
  campaignId: "crmLeads.form.campaign",
  purpose: "crmLeads.form.purpose",
  city: "crmLeads.form.city",
  notes: "crmLeads.form.notes",
  wantedAmount: "crmLeads.form.wantedAmount",
};

function valueText(kind: string, value: string | null, t: TFunction): string {
  if (!value) return t("crmLeads.timeline.none");
  if (kind === "stage") return t(`crmLeads.stage.${value}`, { defaultValue: value });
  if (kind === "created") return t(`crmLeads.source.${value}`, { defaultValue: value });
  return value;
}

function describe(item: TimelineItem, t: TFunction, english: boolean): string {
  if (item.kind === "call" && item.call) {
    const outcome =
      (english ? item.call.outcomeEn : item.call.outcomeZh) ??
      item.call.outcomeCode ??
      t(`crmCalls.direction.${item.call.direction}`);
    return t("crmLeads.timeline.call", { outcome });
  }
  if (item.kind === "updated")
    return t("crmLeads.timeline.updated", {
      fields: (item.note ?? "")
        .split(",")
        .filter(Boolean)
        .map((f) => t(FIELD_KEYS[f] ?? f, { defaultValue: f }))
        .join(t("common.listSeparator")),
    });
  return t(`crmLeads.timeline.${item.kind}`, {
    from: valueText(item.kind, item.fromValue, t),
    to: valueText(item.kind, item.toValue, t),
    note: item.note ?? "",
    defaultValue: item.kind,
  });
}

export function LeadTimeline({ items }: { items: TimelineItem[] }) {
  const { t, i18n } = useTranslation();
  const talkTime = useTalkTime();
  const english = i18n.language === "en-US";
  if (items.length === 0) return <Empty description={t("crmLeads.detail.noTimeline")} />;
  return (
    <Timeline
      className="lead-timeline"
      data-testid="lead-timeline"
      items={items.map((item) => ({
        key: item.id,
        color: item.call
          ? item.call.effective
            ? "green"
            : item.call.connected
              ? "blue"
              : "gray"
          : (COLORS[item.kind] ?? "blue"),
        icon: item.call ? <PhoneOutlined /> : undefined,
        content: (
          <div>
            <div className="lead-timeline-head">
              <strong>{describe(item, t, english)}</strong>
              {item.call?.connected ? (
                <span className="num">
                  {t("crmLeads.timeline.talk", { seconds: talkTime(item.call.talkSeconds) })}
                </span>
              ) : null}
              {item.call?.effective ? <Tag color="green">{t("crmLeads.timeline.effective")}</Tag> : null}
              {item.call?.connected && !item.call.effective ? (
                <Tag>{t("crmLeads.timeline.notEffective")}</Tag>
              ) : null}
              {item.call?.imported ? <Tag color="default">{t("crmLeads.timeline.imported")}</Tag> : null}
              {item.call?.recordingUrl ? (
                <a href={item.call.recordingUrl} target="_blank" rel="noreferrer">
                  <AudioOutlined /> {t("crmLeads.timeline.recording")}
                </a>
              ) : null}
            </div>
            <div className="lead-timeline-meta num">
              {formatDateTime(item.at)}
              {item.actorName ? ` · ${item.actorName}` : ""}
            </div>
            {item.kind === "stage" && item.toValue === "invalid" && item.note ? (
              <div className="lead-timeline-note">
                {item.note
                  .split(" · ")
                  .map((part, i) =>
                    i === 0 ? t(`crmLeads.invalidReason.${part}`, { defaultValue: part }) : part,
                  )
                  .join(" · ")}
              </div>
            ) : item.note && item.kind !== "updated" && item.kind !== "merged" && item.kind !== "stage" ? (
              <div className="lead-timeline-note">{item.note}</div>
            ) : null}
            {item.call?.nextStep ? (
              <div className="lead-timeline-note">
                {t("crmLeads.timeline.nextStep", { text: item.call.nextStep })}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
