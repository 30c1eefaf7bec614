// The application's timeline: every action with its actor, time and comment.
import { Timeline } from "antd";
import { useTranslation } from "react-i18next";
import type { TimelineEntry } from "../../../api/applications.ts";
import { formatDateTime } from "../../../format.ts";

const ACTION_COLORS: Record<string, string> = {
  reject: "red",
  withdraw: "gray",
  expire: "gray",
  disburse: "green",
};

/** The application's timeline, oldest first: who did what, when, with their comment. */
export function ApplicationTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="app-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color:
          ACTION_COLORS[e.action] ??
          (e.status === "rejected"
            ? "red"
            : e.status === "approved" || e.status === "disbursed"
              ? "green"
              : "blue"),
        content: (
          <div className="timeline-entry">
            <div className="timeline-head">
              <strong>{t(`applications.actions.${e.action}`, { defaultValue: e.action })}</strong>
              <span className="timeline-actor">{e.actor}</span>
            </div>
            <div className="muted small num">{formatDateTime(e.at)}</div>
            {e.comment ? <div className="timeline-comment">{e.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
