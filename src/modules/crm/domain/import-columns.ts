// Matching a file's header row to the fields an import knows, by name in Chinese or English, however
// the exporting system spelled it ("通话 ID", "call_id", "CallID" are one column). Pure.

export type ColumnSpec<F extends string> = {
  field: F;
  required: boolean;
  /** Header spellings, compared after normalising (case, spaces, punctuation). */
  aliases: readonly string[];
};

export type ColumnMatch<F extends string> = {
  /** field → index of its column in the row. */
  columns: Partial<Record<F, number>>;
  /** Headers matching no field (with their 1-based position). */
  unknown: { header: string; position: number }[];
  /** Required fields with no column. */
  missing: F[];
  /** Fields named by two columns. */
  repeated: { field: F; header: string; position: number }[];
};

export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-.:：/\\()（）[\]【】*#]/g, "");
}

export function matchColumns<F extends string>(
  headers: readonly string[],
  spec: readonly ColumnSpec<F>[],
): ColumnMatch<F> {
  const byAlias = new Map<string, F>();
  for (const column of spec) {
    byAlias.set(normaliseHeader(column.field), column.field);
    for (const alias of column.aliases) byAlias.set(normaliseHeader(alias), column.field);
  }
  const columns: Partial<Record<F, number>> = {};
  const unknown: ColumnMatch<F>["unknown"] = [];
  const repeated: ColumnMatch<F>["repeated"] = [];
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const field = byAlias.get(normaliseHeader(header));
    if (!field) unknown.push({ header, position: index + 1 });
    else if (columns[field] !== undefined) repeated.push({ field, header, position: index + 1 });
    else columns[field] = index;
  });
  const missing = spec.filter((c) => c.required && columns[c.field] === undefined).map((c) => c.field);
  return { columns, unknown, missing, repeated };
}

/** A row's cell for a field, trimmed; "" when the column is absent or the row is short. */
export function cellOf<F extends string>(
  cells: readonly string[],
  columns: Partial<Record<F, number>>,
  field: F,
) {
  const index = columns[field];
  return index === undefined ? "" : (cells[index] ?? "").trim();
}
