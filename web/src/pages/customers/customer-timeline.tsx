import { Empty, Tag, Timeline } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../api/customers.ts";
import type { JsonValue } from "../../api/types.ts";
import { formatDateTime } from "../../format.ts";

const COLORS: Record<string, string> = {
  "customer.created": "green",
  "customer.blacklisted": "red",
  "customer.unblacklisted": "green",
  "customer.consent-revoked": "gray",
  "customer.pii-unmasked": "gray",
  "customer.document-read": "gray",
};

type Obj = Record<string, JsonValue>;
const asObj = (value: JsonValue): Obj =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Obj) : {};

function fieldLabel(key: string, t: TFunction): string {
  return t(`customers.fields.${key}`, { defaultValue: key });
}

/** One line saying what happened, from the audit record's before/after. */
function describe(entry: HistoryEntry, t: TFunction): string | null {
  const after = asObj(entry.after);
  switch (entry.action) {
    case "customer.updated": {
      const keys = Object.keys(after);
      return keys.length
        ? t("customers.timeline.changed", {
            fields: keys.map((k) => fieldLabel(k, t)).join(t("common.listSeparator")),
          })
        : null;
    }
    case "customer.consent-recorded":
    case "customer.consent-revoked":
      return [
        after.kind ? t(`customers.consentKinds.${String(after.kind)}`) : "",
        typeof after.purpose === "string" ? after.purpose : "",
        typeof after.reason === "string" ? after.reason : "",
      ]
        .filter(Boolean)
        .join(" · ");
    case "customer.document-uploaded":
    case "customer.document-read":
      return after.kind ? t(`customers.documentKinds.${String(after.kind)}`) : null;
    case "customer.pii-unmasked":
      return after.field ? t(`customers.pii.fields.${String(after.field)}`) : null;
    case "customer.blacklisted":
    case "customer.unblacklisted":
      return typeof after.reason === "string" ? after.reason : null;
    default:
      return null;
  }
}

export function actionName(action: string, t: TFunction): string {
  const own = `customers.timeline.actions.${action.replace(/\./g, "_")}`;
  return t(own, { defaultValue: t(`audit.actions.${action}`, { defaultValue: action }) });
}

/** 时间线: every audited change to the file, newest first, with who did it and when. */
export function CustomerTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Empty description={t("customers.timeline.empty")} />;
  return (
    <Timeline
      className="customer-timeline"
      items={entries.map((entry) => {
        const detail = describe(entry, t);
        return {
          key: entry.id,
          color: COLORS[entry.action] ?? "blue",
          content: (
            <div>
              <div className="timeline-head">
                <span className="num muted timeline-time">{formatDateTime(entry.at)}</span>
                <Tag className="timeline-action">{actionName(entry.action, t)}</Tag>
                <span className="timeline-actor">
                  {entry.actorName && entry.actorName !== "system"
                    ? entry.actorName
                    : t("customers.timeline.system")}
                </span>
              </div>
              {detail ? <div className="muted timeline-detail">{detail}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
