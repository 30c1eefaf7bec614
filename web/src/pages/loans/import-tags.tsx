// Status tags of imports and their rows, coloured as everywhere (UI.md): in progress blue, done green,
// needs a person gold/orange, refused red, set aside grey. The word is always there, not only colour.
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { ImportStatus, RowFilter } from "../../api/repayment-imports.ts";

const IMPORT_COLORS: Record<ImportStatus, string> = {
  previewed: "processing",
  posted: "success",
  discarded: "default",
};

const ROW_COLORS: Record<RowFilter, string> = {
  matched: "blue",
  ambiguous: "gold",
  unmatched: "orange",
  duplicate: "purple",
  invalid: "red",
  skipped: "default",
  excluded: "default",
  posted: "green",
  failed: "red",
};

export function ImportStatusTag({ value }: { value: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={IMPORT_COLORS[value]} data-testid="import-status">
      {t(`imports.status.${value}`)}
    </Tag>
  );
}

export function RowStatusTag({ value }: { value: RowFilter }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROW_COLORS[value]} data-testid="row-status">
      {t(`imports.rowStatus.${value}`)}
    </Tag>
  );
}
