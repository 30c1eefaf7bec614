// Posting an import: every matched row through the same repayment code as a single payment (lock,
// catch-up close, allocation, ledger, audit), all in one transaction. Each row runs in a savepoint so
// that every failing row is found and reported, then one failure rolls the whole import back: either
// the statement is on the books entirely or not at all. References are checked again under a lock,
// so two imports of the same file, even at the same moment, never post a payment twice.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import { conflict, DomainError } from "../../../platform/errors.ts";
import { idempotentTransaction } from "../../../platform/idempotency-claim.ts";
import { formatAmount } from "../../../platform/money.ts";
import { applyRepayment } from "../repayments.service.ts";
import { loanTransactions } from "../servicing.schema.ts";
import { type ImportView, importView } from "./import-views.ts";
import { type ImportDeps, lockImport } from "./imports.service.ts";
import { repaymentImportRows, repaymentImports } from "./repayment-imports.schema.ts";

// pg_advisory_xact_lock key: one import posts at a time, so the duplicate check cannot race.
const IMPORT_POST_LOCK_ID = 73_550_017;

type RowFailure = { rowNo: number; code: string; params: Record<string, string | number> };

class PostingFailed extends Error {
  constructor(readonly failures: RowFailure[]) {
    super("import posting failed");
  }
}

/** A refusal the person can act on (closed loan, date after the business date…); anything else is a bug. */
function rowFailure(rowNo: number, error: unknown): RowFailure | null {
  if (!(error instanceof DomainError) || error.status >= 500) return null;
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return { rowNo, code: field ?? error.code, params: error.params };
}

export async function postImport(deps: ImportDeps, ctx: RequestContext, id: string): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  try {
    return await idempotentTransaction(deps.db, ctx, async (tx) => {
      const batch = await lockImport(tx, id);
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_POST_LOCK_ID})`);
      const [{ unresolved }] = await tx
        .select({ unresolved: sql<number>`count(*)::int` })
        .from(repaymentImportRows)
        .where(
          and(
            eq(repaymentImportRows.importId, id),
            inArray(repaymentImportRows.status, ["ambiguous", "unmatched", "invalid"]),
          ),
        );
      if (unresolved > 0) throw conflict("import-unresolved-rows", { count: unresolved });
      // Oldest payment first, so a loan receives its payments in the order they were made.
      const rows = await tx
        .select()
        .from(repaymentImportRows)
        .where(and(eq(repaymentImportRows.importId, id), eq(repaymentImportRows.status, "matched")))
        .orderBy(asc(repaymentImportRows.txDate), asc(repaymentImportRows.rowNo));
      if (rows.length === 0) throw conflict("import-nothing-to-post");
      const references = rows.map((r) => r.reference as string);
      const already = await tx
        .selectDistinct({ reference: loanTransactions.reference })
        .from(loanTransactions)
        .where(
          and(
            eq(loanTransactions.channel, batch.channel),
            inArray(loanTransactions.kind, ["repayment", "prepayment"]),
            isNull(loanTransactions.reversedBy),
            inArray(loanTransactions.reference, references),
          ),
        );
      const taken = new Set(already.map((a) => a.reference));
      const failures: RowFailure[] = [];
      const posted: { rowNo: number; tx: string }[] = [];
      let amount = 0;
      for (const row of rows) {
        if (taken.has(row.reference)) {
          failures.push({ rowNo: row.rowNo, code: "import-row-posted-before", params: {} });
          continue;
        }
        try {
          const result = await tx.transaction((savepoint) =>
            applyRepayment(savepoint, ctx, row.loanId as string, {
              amount: formatAmount(row.amount as number),
              date: row.txDate as string,
              channel: batch.channel,
              reference: row.reference,
            }),
          );
          taken.add(row.reference);
          posted.push({ rowNo: row.rowNo, tx: result.id });
          amount += row.amount as number;
        } catch (error) {
          const failure = rowFailure(row.rowNo, error);
          if (!failure) throw error;
          failures.push(failure);
        }
      }
      if (failures.length > 0) throw new PostingFailed(failures);
      const pairs = JSON.stringify(posted.map((p) => ({ row_no: p.rowNo, tx: p.tx })));
      await tx.execute(sql`
        update repayment_import_rows r
        set status = 'posted', transaction_id = p.tx, post_error = null, post_error_params = null
        from jsonb_to_recordset(${pairs}::jsonb) as p(row_no int, tx uuid)
        where r.import_id = ${id} and r.row_no = p.row_no`);
      const [updated] = await tx
        .update(repaymentImports)
        .set({
          status: "posted",
          postedCount: posted.length,
          postedAmount: amount,
          failedCount: 0,
          postedBy: ctx.actor.userId,
          postedAt: sql`clock_timestamp()`,
        })
        .where(eq(repaymentImports.id, id))
        .returning();
      const view = await importView(tx, updated, deps.pii);
      await recordAudit(tx, ctx, {
        action: "repayment-import.posted",
        entityType: "repayment-import",
        entityId: id,
        after: {
          fileName: batch.fileName,
          rows: posted.length,
          amount: formatAmount(amount),
          channel: batch.channel,
        },
      });
      return view;
    });
  } catch (error) {
    if (!(error instanceof PostingFailed)) throw error;
    await recordFailures(deps, ctx, id, error.failures);
    throw conflict("import-post-failed", { count: error.failures.length });
  }
}

/** After the rollback: the failing rows carry their reasons (for the preview and the error report). */
async function recordFailures(
  deps: ImportDeps,
  ctx: RequestContext,
  id: string,
  failures: RowFailure[],
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockImport(tx, id);
    await tx
      .update(repaymentImportRows)
      .set({ postError: null, postErrorParams: null })
      .where(eq(repaymentImportRows.importId, id));
    for (const f of failures)
      await tx
        .update(repaymentImportRows)
        .set({ postError: f.code, postErrorParams: f.params })
        .where(and(eq(repaymentImportRows.importId, id), eq(repaymentImportRows.rowNo, f.rowNo)));
    await tx
      .update(repaymentImports)
      .set({ failedCount: failures.length })
      .where(eq(repaymentImports.id, id));
    await recordAudit(tx, ctx, {
      action: "repayment-import.post-failed",
      entityType: "repayment-import",
      entityId: id,
      after: { failures: failures.slice(0, 50) },
    });
  });
}
