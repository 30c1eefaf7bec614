// Importing a phone system's call detail records (CDR), all or nothing per file. The file is streamed
// row by row; each row is checked (domain/call-import-row.ts) and staged in chunks into a temporary
// table inside one transaction; duplicates within the file, calls already imported (same vendor +
// call id: counted, not errors) and the link to leads (blind index of the customer's number) are then
// worked out set-based in SQL. Any row error rolls everything back and the file is recorded as
// rejected with its row-level report. Memory stays at one chunk whatever the file's size.
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { type FileKind, readSheetRows } from "../../platform/import-rows.ts";
import { maskPhone, type PiiCipher } from "../../platform/pii.ts";
import { PHONE_INDEX } from "../customers/customer-input.ts";
import { thresholdReader } from "./calls.service.ts";
import { callImports } from "./crm.schema.ts";
import {
  CDR_COLUMNS,
  type CdrField,
  type CdrRow,
  parseCdrRow,
  type RowError,
} from "./domain/call-import-row.ts";
import { chinaDate } from "./domain/call-rules.ts";
import { cellOf, matchColumns } from "./domain/import-columns.ts";

/** Rows staged per statement; ~1.5 MB of JSON each. */
const CHUNK_ROWS = 5_000;
/** A bound on one file, so a mistaken upload cannot hold the database for long. */
export const MAX_CDR_ROWS = 1_000_000;
/** The report keeps the first errors; the count is always complete. */
export const MAX_REPORTED_ERRORS = 1_000;

export type ImportProgress = { phase: "reading" | "writing" | "done"; rows: number; errors: number };

export type CallImportResult = {
  id: string;
  fileName: string;
  vendor: string | null;
  status: "imported" | "rejected";
  totalRows: number;
  importedRows: number;
  duplicateRows: number;
  linkedRows: number;
  errorCount: number;
  errors: RowError[];
  importedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type CallImportInput = {
  fileName: string;
  kind: FileKind;
  open: () => Readable;
  /** Used for rows without a vendor column or value. */
  vendor?: string;
  onProgress?: (progress: ImportProgress) => void;
};

class Rejected extends Error {}

class ErrorReport {
  readonly errors: RowError[] = [];
  count = 0;
  add(error: RowError): void {
    this.count++;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
  }
}

type Staged = {
  l: number;
  v: string;
  c: string;
  d: string;
  a: string;
  cm: string;
  em: string;
  ci: string;
  s: string;
  an: string | null;
  en: string | null;
  t: number;
  cn: boolean;
  ef: boolean;
  r: string | null;
  u: string | null;
};

const CREATE_STAGING = sql`
  create temp table crm_call_staging (
    line int, vendor text, call_id text, direction text, agent_id uuid, caller_masked text,
    callee_masked text, counterpart_index text, started_at timestamptz, answered_at timestamptz,
    ended_at timestamptz, talk_seconds int, connected boolean, effective boolean, vendor_result text,
    recording_url text, lead_id uuid, customer_id uuid, already boolean
  ) on commit drop`;

// Each chunk is linked to its lead (the newest live lead with the number) and checked against calls
// already imported as it is staged, so the final insert is one plain INSERT … SELECT.
async function stageChunk(tx: Tx, rows: Staged[]): Promise<void> {
  await tx.execute(sql`
    insert into crm_call_staging
    select x.l, x.v, x.c, x.d, x.a, x.cm, x.em, x.ci, x.s, x.an, x.en, x.t, x.cn, x.ef, x.r, x.u,
      lead.id, lead.customer_id,
      exists (select 1 from crm_calls c where c.vendor = x.v and c.vendor_call_id = x.c)
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(l int, v text, c text, d text, a uuid, cm text,
      em text, ci text, s timestamptz, an timestamptz, en timestamptz, t int, cn boolean, ef boolean, r text, u text)
    left join lateral (
      select id, customer_id from crm_leads
      where phone_index = x.ci and merged_into is null order by created_at desc limit 1
    ) lead on true`);
}

/** Agents by username (any case) and by employee number. */
async function agentKeys(db: Queryable): Promise<Map<string, string>> {
  // Employee numbers live on the staff record; read here with the user ids they belong to.
  const result = await db.execute(sql`
    select lower(u.username) as key, u.id from users u
    union all
    select lower(s.employee_no), s.user_id from staff_members s where s.user_id is not null`);
  const keys = new Map<string, string>();
  for (const row of (result as unknown as { rows: { key: string; id: string }[] }).rows)
    keys.set(row.key, row.id);
  return keys;
}

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export async function importCallFile(
  deps: { db: Db; pii: PiiCipher },
  ctx: RequestContext,
  input: CallImportInput,
): Promise<CallImportResult> {
  requirePermission(ctx, "crm.manage");
  const { db, pii } = deps;
  const id = randomUUID();
  const startedAt = new Date();
  const report = new ErrorReport();
  const defaultVendor = (input.vendor ?? "").trim() || "unspecified";
  let totalRows = 0;
  let vendorSeen: string | null = null;
  const progress = (phase: ImportProgress["phase"]) =>
    input.onProgress?.({ phase, rows: totalRows, errors: report.count });

  try {
    return await db.transaction(async (tx) => {
      await tx.execute(CREATE_STAGING);
      const agents = await agentKeys(tx);
      const threshold = thresholdReader(tx);
      const latest = new Date(Date.now() + 86_400_000);
      let headers: string[] | null = null;
      let columns: Partial<Record<CdrField, number>> = {};
      let chunk: Staged[] = [];
      const headerOf = (field: CdrField) => {
        const index = columns[field];
        return index === undefined || !headers ? field : headers[index];
      };
      const rows = readSheetRows(input.open(), input.kind)[Symbol.asyncIterator]();
      try {
        for (;;) {
          let next: IteratorResult<{ line: number; cells: string[] }>;
          try {
            next = await rows.next();
          } catch {
            // A broken zip, a file that is not a spreadsheet: the whole file is the error.
            report.add({ row: 1, column: null, code: "import-unreadable-file" });
            break;
          }
          if (next.done) break;
          const sheetRow = next.value;
          if (!headers) {
            headers = sheetRow.cells;
            const match = matchColumns(headers, CDR_COLUMNS);
            columns = match.columns;
            for (const field of match.missing)
              report.add({ row: sheetRow.line, column: field, code: "import-missing-column" });
            for (const u of match.unknown)
              report.add({ row: sheetRow.line, column: u.header, code: "import-unknown-column" });
            for (const r of match.repeated)
              report.add({ row: sheetRow.line, column: r.header, code: "import-repeated-column" });
            if (report.count) break;
            continue;
          }
          totalRows++;
          if (totalRows > MAX_CDR_ROWS) {
            report.add({
              row: sheetRow.line,
              column: null,
              code: "import-too-many-rows",
              params: { max: MAX_CDR_ROWS },
            });
            break;
          }
          const { row, errors } = parseCdrRow({
            line: sheetRow.line,
            headerOf,
            cell: (field) => cellOf(sheetRow.cells, columns, field),
            defaultVendor,
            latest,
          });
          for (const error of errors) report.add(error);
          const agentKey = cellOf(sheetRow.cells, columns, "agent");
          const agentId = agentKey ? agents.get(agentKey.toLowerCase()) : undefined;
          if (agentKey && !agentId)
            report.add({
              row: sheetRow.line,
              column: headerOf("agent"),
              code: "import-unknown-agent",
              params: { agent: agentKey },
            });
          if (!row || !agentId) continue;
          vendorSeen ??= row.vendor;
          chunk.push(stagedRow(row, agentId, pii, await threshold(chinaDate(row.startedAt))));
          if (chunk.length >= CHUNK_ROWS) {
            await stageChunk(tx, chunk);
            chunk = [];
            progress("reading");
          }
        }
      } finally {
        // Stops the file stream when the loop ends early (a bad header, too many rows).
        await rows.return?.(undefined).catch(() => undefined);
      }
      if (chunk.length) await stageChunk(tx, chunk);
      if (!headers) report.add({ row: 1, column: null, code: "import-empty-file" });
      else if (totalRows === 0 && report.count === 0)
        report.add({ row: 2, column: null, code: "import-no-rows" });
      progress("reading");

      const repeats = rowsOf<{ line: number; first_line: number }>(
        await tx.execute(sql`
          select line, first_line from (
            select line, min(line) over w as first_line, count(*) over w as n
            from crm_call_staging window w as (partition by vendor, call_id)) t
          where n > 1 and line <> first_line order by line`),
      );
      for (const r of repeats)
        report.add({
          row: r.line,
          column: headerOf("callId"),
          code: "import-duplicate-in-file",
          params: { first: r.first_line },
        });
      if (report.count) throw new Rejected();

      progress("writing");
      const [written] = rowsOf<{ inserted: number; linked: number }>(
        await tx.execute(sql`
          with ins as (
            insert into crm_calls (lead_id, customer_id, agent_id, direction, caller_masked, callee_masked,
              counterpart_index, started_at, answered_at, ended_at, talk_seconds, vendor_result, connected,
              effective, recording_url, vendor, vendor_call_id, import_id, created_by)
            select lead_id, customer_id, agent_id, direction, caller_masked, callee_masked, counterpart_index,
              started_at, answered_at, ended_at, talk_seconds, vendor_result, connected, effective,
              recording_url, vendor, call_id, ${id}::uuid, ${ctx.actor.userId}::uuid
            from crm_call_staging where not already
            on conflict (vendor, vendor_call_id) where vendor_call_id is not null do nothing
            returning lead_id)
          select count(*)::int as inserted, count(lead_id)::int as linked from ins`),
      );
      await touchLinkedLeads(tx, ctx);
      const staged = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from crm_call_staging`),
      )[0].n;
      const result = await recordImport(tx, ctx, {
        id,
        fileName: input.fileName,
        vendor: vendorSeen ?? defaultVendor,
        status: "imported",
        totalRows,
        importedRows: written.inserted,
        duplicateRows: staged - written.inserted,
        linkedRows: written.linked,
        report,
        startedAt,
      });
      progress("done");
      return result;
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    const result = await db.transaction((tx) =>
      recordImport(tx, ctx, {
        id,
        fileName: input.fileName,
        vendor: vendorSeen ?? defaultVendor,
        status: "rejected",
        totalRows,
        importedRows: 0,
        duplicateRows: 0,
        linkedRows: 0,
        report,
        startedAt,
      }),
    );
    progress("done");
    return result;
  }
}

function stagedRow(row: CdrRow, agentId: string, pii: PiiCipher, thresholdSeconds: number): Staged {
  return {
    l: row.line,
    v: row.vendor,
    c: row.callId,
    d: row.direction,
    a: agentId,
    cm: maskPhone(row.callerLine),
    em: maskPhone(row.calleeLine),
    ci: pii.blindIndex(PHONE_INDEX, row.counterpart.number),
    s: row.startedAt.toISOString(),
    an: row.answeredAt?.toISOString() ?? null,
    en: row.endedAt?.toISOString() ?? null,
    t: row.talkSeconds,
    cn: row.connected,
    ef: row.connected && row.talkSeconds >= thresholdSeconds,
    r: row.result,
    u: row.recordingUrl,
  };
}

// Leads reached by imported calls: last contact moves on, and a new lead a call got through to is
// now contacted (with its stage event, as when a call is logged by hand).
async function touchLinkedLeads(tx: Tx, ctx: RequestContext): Promise<void> {
  await tx.execute(sql`
    with agg as (
      select lead_id, max(started_at) as last_at, bool_or(connected) as reached
      from crm_call_staging where not already and lead_id is not null group by lead_id),
    moved as (
      select l.id, l.owner_id from crm_leads l join agg on agg.lead_id = l.id
      where l.stage = 'new' and agg.reached),
    upd as (
      update crm_leads l set
        last_contact_at = greatest(l.last_contact_at, agg.last_at),
        stage = case when l.id in (select id from moved) then 'contacted' else l.stage end,
        stage_changed_at = case when l.id in (select id from moved) then now() else l.stage_changed_at end,
        updated_at = now()
      from agg where agg.lead_id = l.id)
    insert into crm_lead_events (lead_id, kind, from_value, to_value, owner_id, actor_id, actor_name, note)
    select id, 'stage', 'new', 'contacted', owner_id, ${ctx.actor.userId}::uuid, ${ctx.actor.displayName}, 'call-import'
    from moved`);
}

async function recordImport(
  tx: Tx,
  ctx: RequestContext,
  r: Omit<CallImportResult, "errors" | "errorCount" | "importedByName" | "startedAt" | "finishedAt"> & {
    report: ErrorReport;
    startedAt: Date;
  },
): Promise<CallImportResult> {
  const [row] = await tx
    .insert(callImports)
    .values({
      id: r.id,
      fileName: r.fileName,
      vendor: r.vendor,
      status: r.status,
      totalRows: r.totalRows,
      importedRows: r.importedRows,
      duplicateRows: r.duplicateRows,
      linkedRows: r.linkedRows,
      errorCount: r.report.count,
      errors: r.report.errors,
      importedBy: ctx.actor.userId,
      importedByName: ctx.actor.displayName,
      startedAt: r.startedAt,
      finishedAt: new Date(),
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: r.status === "imported" ? "call-import.imported" : "call-import.rejected",
    entityType: "call-import",
    entityId: r.id,
    after: {
      fileName: r.fileName,
      totalRows: r.totalRows,
      importedRows: r.importedRows,
      duplicateRows: r.duplicateRows,
      errorCount: r.report.count,
    },
  });
  return toResult(row);
}

function toResult(row: typeof callImports.$inferSelect): CallImportResult {
  return {
    id: row.id,
    fileName: row.fileName,
    vendor: row.vendor,
    status: row.status === "imported" ? "imported" : "rejected",
    totalRows: row.totalRows,
    importedRows: row.importedRows,
    duplicateRows: row.duplicateRows,
    linkedRows: row.linkedRows,
    errorCount: row.errorCount,
    errors: (row.errors as RowError[] | null) ?? [],
    importedByName: row.importedByName,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function listCallImports(
  db: Queryable,
  ctx: RequestContext,
  query: { page: number; pageSize: number },
): Promise<{ items: Omit<CallImportResult, "errors">[]; total: number }> {
  requirePermission(ctx, "crm.calls");
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from crm_call_imports`),
  );
  const rows = await db
    .select()
    .from(callImports)
    .orderBy(desc(callImports.startedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total: n,
    items: rows.map((row) => {
      const { errors: _errors, ...rest } = toResult({ ...row, errors: null });
      return rest;
    }),
  };
}

export async function getCallImport(
  db: Queryable,
  ctx: RequestContext,
  id: string,
): Promise<CallImportResult> {
  requirePermission(ctx, "crm.calls");
  const [row] = await db.select().from(callImports).where(eq(callImports.id, id));
  if (!row) throw notFound("call-import");
  return toResult(row);
}
