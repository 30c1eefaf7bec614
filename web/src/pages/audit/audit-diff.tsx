import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AuditEvent, JsonValue } from "../../api/types.ts";

type Flat = Record<string, string>;

function isRecord(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Top-level fields as display strings; a non-object value shows as one "value" row. */
function flatten(value: JsonValue): Flat | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value)) return { value: JSON.stringify(value) };
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, typeof item === "string" ? item : JSON.stringify(item)]),
  );
}

function Side({ title, data, changed }: { title: string; data: Flat | null; changed: Set<string> }) {
  const { t } = useTranslation();
  return (
    <div className="audit-side">
      <Typography.Text strong>{title}</Typography.Text>
      {data ? (
        <table className="audit-kv">
          <tbody>
            {Object.entries(data).map(([key, value]) => (
              <tr key={key} className={changed.has(key) ? "audit-kv-changed" : undefined}>
                <th scope="row">
                  {changed.has(key) ? (
                    <span className="audit-kv-marker" title={t("audit.changed")}>
                      ●
                    </span>
                  ) : null}
                  {key}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="audit-empty-side">{t("audit.noData")}</div>
      )}
    </div>
  );
}

/** Before and after side by side; fields whose value differs are marked (● and a tint). */
export function AuditDiff({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const before = flatten(event.before);
  const after = flatten(event.after);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed = new Set([...keys].filter((key) => before && after && before[key] !== after[key]));
  return (
    <div className="audit-detail" data-testid="audit-detail">
      <div className="audit-diff">
        <Side title={t("audit.before")} data={before} changed={changed} />
        <Side title={t("audit.after")} data={after} changed={changed} />
      </div>
      {changed.size > 0 ? <Typography.Text type="secondary">{t("audit.changed")}</Typography.Text> : null}
      <Descriptions
        size="small"
        column={1}
        className="audit-hashes"
        items={[
          {
            key: "requestId",
            label: t("audit.columns.requestId"),
            children: (
              <Typography.Text className="mono" copyable={Boolean(event.requestId)}>
                {event.requestId ?? "—"}
              </Typography.Text>
            ),
          },
          { key: "hash", label: t("audit.hash"), children: <span className="mono">{event.hash}</span> },
          {
            key: "prevHash",
            label: t("audit.prevHash"),
            children: <span className="mono">{event.prevHash}</span>,
          },
        ]}
      />
    </div>
  );
}
