// 批量还款导入, up to the preview: upload (parse, find the header, map the columns, match), correct
// the mapping, settle single rows by hand (pick the loan, exclude, include again), exclude whatever is
// unresolved, or discard the import. Posting is import-posting.service.ts.
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, Tx } from "../../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../../platform/errors.ts";
import type { PiiCipher } from "../../../platform/pii.ts";
import { loans } from "../loans.schema.ts";
import type { PaymentChannel } from "../servicing.schema.ts";
import { detectHeader, emptyMapping } from "./domain/column-mapping.ts";
import { evaluateRows, type RowValues, type SourceRowState } from "./evaluate-rows.ts";
import { type ImportView, importView } from "./import-views.ts";
import {
  type ColumnMapping,
  type ImportStatus,
  repaymentImportRows,
  repaymentImports,
} from "./repayment-imports.schema.ts";
import { MAX_IMPORT_ROWS, type StatementFile } from "./statement-reader.ts";

export type ImportDeps = { db: Db; pii: PiiCipher };

const INSERT_CHUNK = 500;

export async function insertRows(tx: Tx, rows: readonly RowValues[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await tx.insert(repaymentImportRows).values(rows.slice(i, i + INSERT_CHUNK));
}

/** Locks an import for a change; only one still in preview can change. */
export async function lockImport(tx: Tx, id: string, allowed: ImportStatus[] = ["previewed"]) {
  const [row] = await tx.select().from(repaymentImports).where(eq(repaymentImports.id, id)).for("update");
  if (!row) throw notFound("repayment-import");
  if (!allowed.includes(row.status)) throw conflict("import-not-open", { status: row.status });
  return row;
}

const columnName = (i: number) =>
  i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;

export async function createImport(
  deps: ImportDeps,
  ctx: RequestContext,
  input: { fileName: string; channel: PaymentChannel; file: StatementFile },
): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  const cellRows = input.file.rows.map((r) => r.cells);
  const header = detectHeader(cellRows);
  const data = header ? input.file.rows.slice(header.index + 1) : input.file.rows;
  if (data.length === 0) throw invalid({ file: "import-file-no-rows" }, "import-file-empty");
  if (data.length > MAX_IMPORT_ROWS)
    throw new DomainError({
      code: "import-too-many-rows",
      params: { max: MAX_IMPORT_ROWS.toLocaleString("en") },
    });
  const width = Math.max(...input.file.rows.map((r) => r.cells.length));
  // Without a recognisable header the columns are named A, B, C… and the person maps them.
  const headers = Array.from(
    { length: width },
    (_, i) => (header ? cellRows[header.index][i] : "") || columnName(i),
  );
  const mapping = header?.mapping ?? emptyMapping();
  return deps.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(repaymentImports)
      .values({
        fileName: input.fileName.slice(0, 200),
        fileKind: input.file.kind,
        fileSha256: input.file.sha256,
        channel: input.channel,
        headerRow: header ? input.file.rows[header.index].line : null,
        headers,
        mapping,
        rowCount: data.length,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const rows = await evaluateRows(tx, ctx, {
      pii: deps.pii,
      importId: batch.id,
      channel: input.channel,
      mapping,
      rows: data.map((r) => ({ rowNo: r.line, cells: r.cells, chosenLoanId: null, excluded: false })),
    });
    await insertRows(tx, rows);
    const view = await importView(tx, batch, deps.pii);
    await recordAudit(tx, ctx, {
      action: "repayment-import.uploaded",
      entityType: "repayment-import",
      entityId: batch.id,
      after: {
        fileName: batch.fileName,
        sha256: batch.fileSha256,
        channel: batch.channel,
        rows: batch.rowCount,
        counts: view.counts,
      },
    });
    return view;
  });
}

async function storedRows(tx: Tx, pii: PiiCipher, importId: string): Promise<SourceRowState[]> {
  const rows = await tx
    .select({
      rowNo: repaymentImportRows.rowNo,
      cellsSealed: repaymentImportRows.cellsSealed,
      chosenLoanId: repaymentImportRows.chosenLoanId,
      excluded: repaymentImportRows.excluded,
    })
    .from(repaymentImportRows)
    .where(eq(repaymentImportRows.importId, importId))
    .orderBy(asc(repaymentImportRows.rowNo));
  return rows.map((r) => ({
    rowNo: r.rowNo,
    cells: JSON.parse(pii.decrypt(r.cellsSealed)) as string[],
    chosenLoanId: r.chosenLoanId,
    excluded: r.excluded === "user",
  }));
}

export async function remapImport(
  deps: ImportDeps,
  ctx: RequestContext,
  id: string,
  mapping: ColumnMapping,
): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  return deps.db.transaction(async (tx) => {
    const batch = await lockImport(tx, id);
    const used = Object.values(mapping).filter((c): c is number => c !== null);
    const fields: Record<string, string> = {};
    for (const [field, column] of Object.entries(mapping)) {
      if (column !== null && column >= batch.headers.length) fields[`mapping.${field}`] = "invalid-value";
      else if (column !== null && used.indexOf(column) !== used.lastIndexOf(column))
        fields[`mapping.${field}`] = "import-column-used-twice";
    }
    if (Object.keys(fields).length) throw invalid(fields);
    const rows = await evaluateRows(tx, ctx, {
      pii: deps.pii,
      importId: id,
      channel: batch.channel,
      mapping,
      rows: await storedRows(tx, deps.pii, id),
    });
    await tx.delete(repaymentImportRows).where(eq(repaymentImportRows.importId, id));
    await insertRows(tx, rows);
    const [updated] = await tx
      .update(repaymentImports)
      .set({ mapping, failedCount: 0 })
      .where(eq(repaymentImports.id, id))
      .returning();
    const view = await importView(tx, updated, deps.pii);
    await recordAudit(tx, ctx, {
      action: "repayment-import.mapped",
      entityType: "repayment-import",
      entityId: id,
      before: { mapping: batch.mapping },
      after: { mapping, counts: view.counts },
    });
    return view;
  });
}

/** A person's decision on one row: pay this loan (by its number), exclude the row, or include it again. */
export async function updateImportRow(
  deps: ImportDeps,
  ctx: RequestContext,
  input: { id: string; rowNo: number; loanNo?: string | null; excluded?: boolean },
) {
  requirePermission(ctx, "repayments.post");
  return deps.db.transaction(async (tx) => {
    const batch = await lockImport(tx, input.id);
    const [row] = await tx
      .select()
      .from(repaymentImportRows)
      .where(and(eq(repaymentImportRows.importId, input.id), eq(repaymentImportRows.rowNo, input.rowNo)));
    if (!row) throw notFound("import-row");
    let chosenLoanId = row.chosenLoanId;
    if (input.loanNo !== undefined) {
      chosenLoanId = null;
      if (input.loanNo) {
        const [loan] = await tx
          .select({ id: loans.id })
          .from(loans)
          .where(eq(loans.loanNo, input.loanNo.trim().toUpperCase()));
        if (!loan) throw invalid({ loanNo: "import-loan-not-found" });
        chosenLoanId = loan.id;
      }
    }
    const excluded = input.excluded ?? row.excluded === "user";
    // File order decides which of two equal references is the duplicate: the earlier live rows count.
    const earlier = row.reference
      ? await tx
          .select({ reference: repaymentImportRows.reference })
          .from(repaymentImportRows)
          .where(
            and(
              eq(repaymentImportRows.importId, input.id),
              lt(repaymentImportRows.rowNo, input.rowNo),
              eq(repaymentImportRows.reference, row.reference),
              inArray(repaymentImportRows.status, [
                "matched",
                "ambiguous",
                "unmatched",
                "duplicate",
                "invalid",
              ]),
            ),
          )
          .limit(1)
      : [];
    const [values] = await evaluateRows(tx, ctx, {
      pii: deps.pii,
      importId: input.id,
      channel: batch.channel,
      mapping: batch.mapping,
      rows: [
        {
          rowNo: row.rowNo,
          cells: JSON.parse(deps.pii.decrypt(row.cellsSealed)) as string[],
          chosenLoanId,
          excluded,
        },
      ],
      seenReferences: new Set(earlier.map((e) => e.reference as string)),
    });
    const { importId: _i, rowNo: _r, cellsSealed: _c, ...changes } = values;
    await tx
      .update(repaymentImportRows)
      .set(changes)
      .where(and(eq(repaymentImportRows.importId, input.id), eq(repaymentImportRows.rowNo, input.rowNo)));
    await tx.update(repaymentImports).set({ failedCount: 0 }).where(eq(repaymentImports.id, input.id));
    await recordAudit(tx, ctx, {
      action: "repayment-import.row-updated",
      entityType: "repayment-import",
      entityId: input.id,
      before: { rowNo: row.rowNo, status: row.status, loanId: row.loanId },
      after: { rowNo: row.rowNo, status: values.status, loanId: values.loanId, excluded },
    });
    return { rowNo: row.rowNo, status: values.status };
  });
}

/** Excludes every ambiguous, unmatched and invalid row, so the rest can be posted. */
export async function excludeUnresolved(
  deps: ImportDeps,
  ctx: RequestContext,
  id: string,
): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  return deps.db.transaction(async (tx) => {
    await lockImport(tx, id);
    const changed = await tx
      .update(repaymentImportRows)
      .set({
        status: "excluded",
        excluded: "user",
        reason: "import-row-excluded",
        postError: null,
        postErrorParams: null,
      })
      .where(
        and(
          eq(repaymentImportRows.importId, id),
          inArray(repaymentImportRows.status, ["ambiguous", "unmatched", "invalid"]),
        ),
      )
      .returning({ rowNo: repaymentImportRows.rowNo });
    const [updated] = await tx
      .update(repaymentImports)
      .set({ failedCount: 0 })
      .where(eq(repaymentImports.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "repayment-import.unresolved-excluded",
      entityType: "repayment-import",
      entityId: id,
      after: { rows: changed.map((c) => c.rowNo) },
    });
    return importView(tx, updated, deps.pii);
  });
}

export async function discardImport(deps: ImportDeps, ctx: RequestContext, id: string): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  return deps.db.transaction(async (tx) => {
    await lockImport(tx, id);
    const [updated] = await tx
      .update(repaymentImports)
      .set({ status: "discarded" })
      .where(eq(repaymentImports.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "repayment-import.discarded",
      entityType: "repayment-import",
      entityId: id,
      after: { status: "discarded" },
    });
    return importView(tx, updated, deps.pii);
  });
}
