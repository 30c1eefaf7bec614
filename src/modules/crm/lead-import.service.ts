// Importing a lead list from Excel/CSV: the columns are matched by name (or as the person maps them),
// every row checked as the form would check it, duplicates within the file are errors and numbers
// already someone's lead or customer (撞单) are listed with their owner. A preview shows all that
// without writing; the commit writes every row or none (rows already known are skipped, or imported
// anyway when asked — audited), assigning owners by the rules when the file names none.

import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import { bufferStream, type FileKind, readSheetRows } from "../../platform/import-rows.ts";
import { campaignIdsByName } from "./campaigns.service.ts";
import type { IntentLevel, LeadSource } from "./crm.schema.ts";
import { leads } from "./crm.schema.ts";
import type { RowError } from "./domain/call-import-row.ts";
import { type ColumnMatch, cellOf, matchColumns, normaliseHeader } from "./domain/import-columns.ts";
import {
  LEAD_COLUMNS,
  LEAD_FIELDS,
  type LeadField,
  parseDay,
  parseIntentLevel,
  parseSource,
  parseWantedAmount,
} from "./domain/lead-import-row.ts";
import { SOURCE_NAMES, sourceRequirements } from "./domain/lead-rules.ts";
import { type AgentInfo, listAgents, resolveOwners } from "./lead-assignment.service.ts";
import { type DuplicateMatch, findDuplicatesBatch } from "./lead-duplicates.ts";
import { addLeadEvents } from "./lead-events.ts";
import { sealLeadIdentifiers } from "./lead-input.ts";
import type { LeadImportOptions } from "./leads.contracts.ts";
import type { LeadDeps } from "./leads.service.ts";

export const MAX_LEAD_ROWS = 20_000;
const MAX_REPORTED = 500;
const SAMPLE_ROWS = 10;

export type LeadImportReport = {
  status: "preview" | "imported" | "rejected";
  fileName: string;
  headers: string[];
  /** header → the field it fills, "ignore", or null when unknown. */
  mapping: Record<string, LeadField | "ignore" | null>;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  duplicates: { row: number; name: string; phone: string; matches: DuplicateMatch[] }[];
  sample: {
    row: number;
    name: string;
    phone: string;
    source: LeadSource;
    city: string | null;
    wantedAmount: string | null;
    owner: string | null;
  }[];
  imported: number;
  skipped: number;
};

type ParsedLead = {
  row: number;
  values: typeof leads.$inferInsert;
  ownerId: string | null;
  phoneIndex: string;
  idNumberIndex: string | null;
};

/** The header matching after the person's own mapping (header → field or "ignore"). */
function columnsWithMapping(
  headers: string[],
  mapping: Record<string, string>,
): ColumnMatch<LeadField> & { ignored: Set<number> } {
  const auto = matchColumns(headers, LEAD_COLUMNS);
  const columns: Partial<Record<LeadField, number>> = {};
  const ignored = new Set<number>();
  const unknown: ColumnMatch<LeadField>["unknown"] = [];
  const repeated: ColumnMatch<LeadField>["repeated"] = [];
  const chosen = new Map(Object.entries(mapping).map(([header, field]) => [normaliseHeader(header), field]));
  headers.forEach((header, index) => {
    if (header.trim() === "") return;
    const own = chosen.get(normaliseHeader(header));
    const autoField = (Object.entries(auto.columns) as [LeadField, number][]).find(
      ([, i]) => i === index,
    )?.[0];
    const field = own ?? autoField ?? null;
    if (field === "ignore") ignored.add(index);
    else if (!field || !(LEAD_FIELDS as readonly string[]).includes(field))
      unknown.push({ header, position: index + 1 });
    else if (columns[field as LeadField] !== undefined)
      repeated.push({ field: field as LeadField, header, position: index + 1 });
    else columns[field as LeadField] = index;
  });
  const missing = LEAD_COLUMNS.filter((c) => c.required && columns[c.field] === undefined).map(
    (c) => c.field,
  );
  return { columns, unknown, missing, repeated, ignored };
}

async function analyse(
  deps: LeadDeps,
  ctx: RequestContext,
  input: { data: Uint8Array; fileName: string; kind: FileKind; options: LeadImportOptions },
): Promise<{ report: LeadImportReport; parsed: ParsedLead[] }> {
  const { pii, db } = deps;
  const today = todayInChina();
  const report: LeadImportReport = {
    status: "preview",
    fileName: input.fileName,
    headers: [],
    mapping: {},
    totalRows: 0,
    validRows: 0,
    errorCount: 0,
    errors: [],
    duplicates: [],
    sample: [],
    imported: 0,
    skipped: 0,
  };
  const fail = (e: RowError) => {
    report.errorCount++;
    if (report.errors.length < MAX_REPORTED) report.errors.push(e);
  };
  const parsed: ParsedLead[] = [];
  const campaigns = await campaignIdsByName(db);
  const agentList = await listAgents(db, ctx);
  const agents = ownerLookup(agentList);
  let match: ReturnType<typeof columnsWithMapping> | null = null;
  const seenPhone = new Map<string, number>();
  const seenId = new Map<string, number>();
  const rows = readSheetRows(bufferStream(input.data), input.kind)[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<{ line: number; cells: string[] }>;
    try {
      next = await rows.next();
    } catch {
      fail({ row: 1, column: null, code: "import-unreadable-file" });
      break;
    }
    if (next.done) break;
    const sheetRow = next.value;
    if (!match) {
      report.headers = sheetRow.cells;
      match = columnsWithMapping(sheetRow.cells, input.options.mapping);
      for (const [i, header] of sheetRow.cells.entries()) {
        const field = (Object.entries(match.columns) as [LeadField, number][]).find(([, c]) => c === i)?.[0];
        report.mapping[header] = field ?? (match.ignored.has(i) ? "ignore" : null);
      }
      for (const f of match.missing) fail({ row: sheetRow.line, column: f, code: "import-missing-column" });
      for (const u of match.unknown)
        fail({ row: sheetRow.line, column: u.header, code: "import-unknown-column" });
      for (const r of match.repeated)
        fail({ row: sheetRow.line, column: r.header, code: "import-repeated-column" });
      if (report.errorCount) break;
      continue;
    }
    report.totalRows++;
    if (report.totalRows > MAX_LEAD_ROWS) {
      fail({
        row: sheetRow.line,
        column: null,
        code: "import-too-many-rows",
        params: { max: MAX_LEAD_ROWS },
      });
      break;
    }
    const columns = match.columns;
    const headerOf = (f: LeadField) => (columns[f] === undefined ? f : report.headers[columns[f] as number]);
    const cell = (f: LeadField) => cellOf(sheetRow.cells, columns, f);
    const rowErrors: RowError[] = [];
    const bad = (f: LeadField, code: string, params?: RowError["params"]) =>
      rowErrors.push({ row: sheetRow.line, column: headerOf(f), code, ...(params ? { params } : {}) });

    const name = cell("name");
    if (!name) bad("name", "import-value-required");
    else if (name.length > 50) bad("name", "import-value-too-long");
    const fieldErrors: Record<string, string> = {};
    const sealed = sealLeadIdentifiers(
      pii,
      { phone: cell("phone"), idNumber: cell("idNumber") || null },
      { today, errors: fieldErrors },
    );
    if (fieldErrors.phone) bad("phone", cell("phone") ? "import-bad-phone" : "import-value-required");
    if (fieldErrors.idNumber) bad("idNumber", fieldErrors.idNumber);
    const sourceText = cell("source");
    const source = sourceText ? parseSource(sourceText) : input.options.defaultSource;
    if (!source) bad("source", "import-bad-source");
    const campaignText = cell("campaign");
    const campaignId = campaignText
      ? (campaigns.get(campaignText) ?? null)
      : (input.options.campaignId ?? null);
    if (campaignText && !campaignId) bad("campaign", "unknown-campaign");
    const referrer = cell("referrer") || null;
    if (source) {
      const needs = sourceRequirements({ source, referrer, campaignId });
      if (needs.referrer) bad("referrer", "referrer-required");
      if (needs.campaignId) bad("campaign", "campaign-required");
    }
    const amountText = cell("wantedAmount");
    const wantedAmountFen = amountText ? parseWantedAmount(amountText) : null;
    if (amountText && wantedAmountFen === null) bad("wantedAmount", "invalid-amount");
    const levelText = cell("intentLevel");
    const intentLevel: IntentLevel | null = levelText ? parseIntentLevel(levelText) : null;
    if (levelText && !intentLevel) bad("intentLevel", "import-bad-intent-level");
    const dayText = cell("nextFollowUpOn");
    const nextFollowUpOn = dayText ? parseDay(dayText) : null;
    if (dayText && !nextFollowUpOn) bad("nextFollowUpOn", "invalid-date");
    const ownerText = cell("owner");
    const ownerId = ownerText ? (agents.get(ownerText.toLowerCase()) ?? null) : null;
    if (ownerText && !ownerId) bad("owner", "import-unknown-owner", { owner: ownerText });

    if (sealed.phoneIndex) {
      const first = seenPhone.get(sealed.phoneIndex);
      if (first) bad("phone", "import-duplicate-in-file", { first });
      else seenPhone.set(sealed.phoneIndex, sheetRow.line);
    }
    if (sealed.idNumberIndex) {
      const first = seenId.get(sealed.idNumberIndex);
      if (first) bad("idNumber", "import-duplicate-in-file", { first });
      else seenId.set(sealed.idNumberIndex, sheetRow.line);
    }
    for (const e of rowErrors) fail(e);
    if (rowErrors.length || !sealed.phoneIndex || !source) continue;
    parsed.push({
      row: sheetRow.line,
      ownerId,
      phoneIndex: sealed.phoneIndex,
      idNumberIndex: sealed.idNumberIndex,
      values: {
        ...sealed.values,
        name,
        source,
        referrer,
        campaignId,
        intentLevel,
        wantedAmountFen,
        purpose: cell("purpose") || null,
        city: cell("city") || null,
        notes: cell("notes") || null,
        nextFollowUpOn,
        createdBy: ctx.actor.userId,
      } as typeof leads.$inferInsert,
    });
  }
  await rows.return?.(undefined).catch(() => undefined);
  if (!match) fail({ row: 1, column: null, code: "import-empty-file" });
  else if (report.totalRows === 0 && report.errorCount === 0)
    fail({ row: 2, column: null, code: "import-no-rows" });
  report.validRows = parsed.length;

  const known = await findDuplicatesBatch(db, {
    phoneIndexes: parsed.map((p) => p.phoneIndex),
    idNumberIndexes: parsed.flatMap((p) => (p.idNumberIndex ? [p.idNumberIndex] : [])),
  });
  for (const p of parsed) {
    const matches = [
      ...(known.get(p.phoneIndex) ?? []),
      ...(p.idNumberIndex ? (known.get(p.idNumberIndex) ?? []) : []),
    ];
    if (matches.length)
      report.duplicates.push({
        row: p.row,
        name: p.values.name,
        phone: p.values.phoneMasked as string,
        matches,
      });
  }
  const ownerNames = new Map(agentList.map((a) => [a.userId, a.displayName]));
  report.sample = parsed.slice(0, SAMPLE_ROWS).map((p) => ({
    row: p.row,
    name: p.values.name,
    phone: p.values.phoneMasked as string,
    source: p.values.source,
    city: p.values.city ?? null,
    wantedAmount: p.values.wantedAmountFen ? (Number(p.values.wantedAmountFen) / 100).toFixed(2) : null,
    owner: p.ownerId ? (ownerNames.get(p.ownerId) ?? null) : null,
  }));
  return { report, parsed };
}

/** Owners a file may name: active sales people in the importer's scope, by username or name. */
function ownerLookup(agents: AgentInfo[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of agents.filter((x) => !x.away || x.awayReason === "away")) {
    map.set(a.username.toLowerCase(), a.userId);
    map.set(a.displayName.toLowerCase(), a.userId);
  }
  return map;
}

export async function previewLeadImport(
  deps: LeadDeps,
  ctx: RequestContext,
  input: { data: Uint8Array; fileName: string; kind: FileKind; options: LeadImportOptions },
): Promise<LeadImportReport> {
  requirePermission(ctx, "crm.leads");
  return (await analyse(deps, ctx, input)).report;
}

const INSERT_CHUNK = 1_000;

export async function commitLeadImport(
  deps: LeadDeps,
  ctx: RequestContext,
  input: { data: Uint8Array; fileName: string; kind: FileKind; options: LeadImportOptions },
): Promise<LeadImportReport> {
  requirePermission(ctx, "crm.leads");
  const { report, parsed } = await analyse(deps, ctx, input);
  if (report.errorCount) return { ...report, status: "rejected" };
  const duplicateRows = new Set(report.duplicates.map((d) => d.row));
  const importing =
    input.options.onDuplicate === "import" ? parsed : parsed.filter((p) => !duplicateRows.has(p.row));
  const skipped = parsed.length - importing.length;
  await deps.db.transaction(async (tx) => {
    const unowned = importing.filter((p) => !p.ownerId);
    if (unowned.length) {
      const owners = await resolveOwners(tx, ctx, {
        count: unowned.length,
        ownerId: input.options.ownerId,
        groupLeaderId: input.options.groupLeaderId,
      });
      unowned.forEach((p, i) => {
        p.ownerId = owners[i];
      });
    }
    for (let i = 0; i < importing.length; i += INSERT_CHUNK) {
      const batch = importing.slice(i, i + INSERT_CHUNK);
      const ids = await tx
        .insert(leads)
        .values(batch.map((p) => ({ ...p.values, ownerId: p.ownerId })))
        .returning({ id: leads.id });
      await addLeadEvents(
        tx,
        ctx,
        ids.map((row, j) => ({
          leadId: row.id,
          kind: "created" as const,
          toValue: batch[j].values.source,
          ownerId: batch[j].ownerId,
          note: `import:${input.fileName}`.slice(0, 200),
        })),
      );
    }
    await recordAudit(tx, ctx, {
      action: "lead.imported",
      entityType: "lead-import",
      entityId: null,
      after: {
        fileName: input.fileName,
        imported: importing.length,
        skipped,
        importedDespiteDuplicate:
          input.options.onDuplicate === "import"
            ? report.duplicates.map((d) => ({ row: d.row, matches: d.matches.map((m) => m.id) }))
            : [],
        sources: Object.fromEntries(
          Object.keys(SOURCE_NAMES).map((s) => [s, importing.filter((p) => p.values.source === s).length]),
        ),
      },
    });
  });
  return { ...report, status: "imported", imported: importing.length, skipped };
}
