// 列映射: which column of the file feeds each field. Opened by default when a required field has no
// column (no header recognised); saving reads and matches every row again on the server.
import { App, Button, Collapse, Form, Select, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type ColumnMapping,
  IMPORT_FIELDS,
  type ImportField,
  type RepaymentImport,
  saveMapping,
} from "../../api/repayment-imports.ts";

const REQUIRED: ImportField[] = ["date", "amount", "reference"];

/** "C · 对方户名", or just "C" when the file had no header (the column's name is its letter). */
const columnLabel = (i: number, heading: string) => {
  const letter = columnLetter(i);
  return heading === letter ? letter : `${letter} · ${heading}`;
};

const columnLetter = (i: number) =>
  i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;

export function ImportMappingCard({
  batch,
  editable,
  onSaved,
}: {
  batch: RepaymentImport;
  editable: boolean;
  onSaved: (next: RepaymentImport) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mapping, setMapping] = useState<ColumnMapping>(batch.mapping);
  const [saving, setSaving] = useState(false);
  useEffect(() => setMapping(batch.mapping), [batch.mapping]);

  const changed = IMPORT_FIELDS.some((f) => mapping[f] !== batch.mapping[f]);
  const missing = REQUIRED.filter((f) => mapping[f] === null);
  const used = new Map<number, number>();
  for (const f of IMPORT_FIELDS) {
    const col = mapping[f];
    if (col !== null) used.set(col, (used.get(col) ?? 0) + 1);
  }
  const clash = [...used.values()].some((n) => n > 1);

  const save = async () => {
    setSaving(true);
    try {
      const next = await saveMapping(batch.id, mapping);
      message.success(t("imports.detail.mappingSaved"));
      onSaved(next);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const options = [
    { value: -1, label: t("imports.detail.notMapped") },
    ...batch.headers.map((h, i) => ({ value: i, label: columnLabel(i, h) })),
  ];

  const body = (
    <>
      <Typography.Paragraph type="secondary">{t("imports.detail.mappingHelp")}</Typography.Paragraph>
      <Form layout="vertical" disabled={!editable || saving}>
        <div className="mapping-grid">
          {IMPORT_FIELDS.map((field) => {
            const col = mapping[field];
            const twice = col !== null && (used.get(col) ?? 0) > 1;
            return (
              <Form.Item
                key={field}
                label={t(`imports.field.${field}`)}
                required={REQUIRED.includes(field)}
                validateStatus={twice || (REQUIRED.includes(field) && col === null) ? "error" : undefined}
                style={{ marginBottom: 12 }}
              >
                <Select<number>
                  value={col ?? -1}
                  options={options}
                  onChange={(v) => setMapping((m) => ({ ...m, [field]: v < 0 ? null : v }))}
                  data-testid={`mapping-${field}`}
                  showSearch
                  optionFilterProp="label"
                />
              </Form.Item>
            );
          })}
        </div>
      </Form>
      {batch.sample.length ? (
        <Table<string[]>
          className="section-gap"
          size="small"
          bordered
          pagination={false}
          scroll={{ x: true }}
          rowKey={(_, i) => String(i)}
          dataSource={batch.sample}
          title={() => t("imports.detail.sampleTitle")}
          columns={batch.headers.map((h, i) => {
            const field = IMPORT_FIELDS.find((f) => mapping[f] === i);
            return {
              key: String(i),
              title: (
                <>
                  {columnLabel(i, h)}
                  {field ? (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t(`imports.field.${field}`)}
                    </Tag>
                  ) : null}
                </>
              ),
              render: (_: unknown, row: string[]) => <span className="import-ellipsis">{row[i] ?? ""}</span>,
            };
          })}
          data-testid="mapping-sample"
        />
      ) : null}
      {editable ? (
        <Button
          type="primary"
          onClick={() => void save()}
          loading={saving}
          disabled={!changed || clash || missing.length > 0}
          data-testid="mapping-apply"
        >
          {t("imports.detail.applyMapping")}
        </Button>
      ) : null}
    </>
  );

  return (
    <Collapse
      className="section-gap"
      defaultActiveKey={batch.missingFields.length ? ["mapping"] : []}
      data-testid="mapping-card"
      items={[
        {
          key: "mapping",
          label: (
            <span className="title-with-tags">
              <strong>{t("imports.detail.mappingTitle")}</strong>
              {batch.headerRow ? (
                <Tag>{t("imports.detail.headerFound", { row: batch.headerRow })}</Tag>
              ) : (
                <Tag color="warning">{t("imports.detail.headerMissing")}</Tag>
              )}
              {batch.missingFields.length ? (
                <Tag color="error">
                  {t("imports.detail.missing", {
                    fields: batch.missingFields
                      .map((f) => t(`imports.field.${f}`))
                      .join(t("common.listSeparator")),
                  })}
                </Tag>
              ) : null}
            </span>
          ),
          children: body,
        },
      ]}
    />
  );
}
