// Turns stored statement rows into preview rows: read each through the mapping, load what matching
// needs for the whole set at once, match row by row in file order (so the first of two equal
// references wins), and produce the values the rows table holds.
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Queryable } from "../../../platform/db.ts";
import { maskBankCard, type PiiCipher } from "../../../platform/pii.ts";
import type { PaymentChannel } from "../servicing.schema.ts";
import { missingFields } from "./domain/column-mapping.ts";
import { matchRow } from "./domain/matching.ts";
import { readRow } from "./domain/row-fields.ts";
import { loadLookups } from "./match-lookups.ts";
import type { ColumnMapping, repaymentImportRows } from "./repayment-imports.schema.ts";

export type SourceRowState = {
  rowNo: number;
  cells: string[];
  chosenLoanId: string | null;
  excluded: boolean;
};

export type RowValues = typeof repaymentImportRows.$inferInsert;

export const accountKeyOf = (pii: PiiCipher) => (account: string) => pii.blindIndex("payer-account", account);

export async function evaluateRows(
  db: Queryable,
  ctx: RequestContext,
  options: {
    pii: PiiCipher;
    importId: string;
    channel: PaymentChannel;
    mapping: ColumnMapping;
    rows: readonly SourceRowState[];
    /** References of rows before these in the same file (when re-matching a single row). */
    seenReferences?: Set<string>;
  },
): Promise<RowValues[]> {
  // Until date, amount and reference have columns, no row can be judged: the mapping comes first.
  const incomplete = missingFields(options.mapping).length > 0;
  const read = options.rows.map((row) => ({ row, ...readRow(row.cells, options.mapping) }));
  const accountKey = accountKeyOf(options.pii);
  const lookups = await loadLookups(db, ctx, {
    rows: read.map((r) => r.fields),
    channel: options.channel,
    chosenLoanIds: options.rows.map((r) => r.chosenLoanId).filter((id): id is string => !!id),
    accountKey,
  });
  const seen = options.seenReferences ?? new Set<string>();
  return read.map(({ row, fields, problem }) => {
    const chosen = row.chosenLoanId ? (lookups.loansById.get(row.chosenLoanId) ?? null) : null;
    const match = incomplete
      ? ({
          status: "invalid",
          reason: "import-mapping-incomplete",
          loanId: null,
          matchedBy: null,
          candidates: null,
        } as const)
      : matchRow(fields, problem, { ...lookups, accountKey, chosen, excluded: row.excluded }, seen);
    return {
      importId: options.importId,
      rowNo: row.rowNo,
      cellsSealed: options.pii.encrypt(JSON.stringify(row.cells)),
      txDate: fields.date,
      amount: fields.amount,
      payerName: fields.payerName,
      payerAccountMasked: fields.payerAccount ? maskBankCard(fields.payerAccount) : null,
      payerAccountIndex: fields.payerAccount ? accountKey(fields.payerAccount) : null,
      memo: fields.memo,
      reference: fields.reference,
      status: match.status,
      reason: match.reason,
      candidates: match.candidates,
      loanId: match.loanId,
      matchedBy: match.matchedBy,
      chosenLoanId: row.chosenLoanId,
      excluded: row.excluded ? "user" : null,
      transactionId: null,
      postError: null,
      postErrorParams: null,
    };
  });
}
