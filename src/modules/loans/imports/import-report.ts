// The row-level report of an import as an Excel workbook: every row of the file with its status, the
// reason (why it was skipped, refused or failed to post), the loan it paid and the transaction it
// became — what finance files with the bank statement.
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Queryable } from "../../../platform/db.ts";
import { notFound } from "../../../platform/errors.ts";
import { type Locale, messageFor } from "../../../platform/messages.ts";
import { customers } from "../../customers/customers.schema.ts";
import { loans } from "../loans.schema.ts";
import { type ImportRowStatus, repaymentImportRows, repaymentImports } from "./repayment-imports.schema.ts";

export const ROW_STATUS_TEXT: Record<ImportRowStatus, { zh: string; en: string }> = {
  matched: { zh: "已匹配", en: "Matched" },
  ambiguous: { zh: "待确认", en: "Ambiguous" },
  unmatched: { zh: "未匹配", en: "Unmatched" },
  duplicate: { zh: "重复", en: "Duplicate" },
  invalid: { zh: "数据有误", en: "Invalid" },
  skipped: { zh: "非还款行", en: "Not a repayment" },
  excluded: { zh: "已排除", en: "Excluded" },
  posted: { zh: "已入账", en: "Posted" },
};

const MATCHED_BY_TEXT: Record<string, { zh: string; en: string }> = {
  "loan-no": { zh: "摘要中的贷款编号", en: "Loan number in memo" },
  "payer-account": { zh: "付款账号", en: "Payer account" },
  "name-amount": { zh: "户名与应还金额", en: "Name and amount due" },
  manual: { zh: "人工指定", en: "Chosen by hand" },
};

const COLUMNS: { key: string; zh: string; en: string; width: number }[] = [
  { key: "rowNo", zh: "行号", en: "Row", width: 8 },
  { key: "status", zh: "状态", en: "Status", width: 12 },
  { key: "reason", zh: "说明", en: "Reason", width: 40 },
  { key: "date", zh: "交易日期", en: "Date", width: 12 },
  { key: "amount", zh: "金额", en: "Amount", width: 14 },
  { key: "payerName", zh: "对方户名", en: "Payer", width: 18 },
  { key: "payerAccount", zh: "对方账号", en: "Payer account", width: 22 },
  { key: "memo", zh: "摘要", en: "Memo", width: 28 },
  { key: "reference", zh: "流水号", en: "Reference", width: 24 },
  { key: "loanNo", zh: "贷款编号", en: "Loan", width: 16 },
  { key: "customer", zh: "借款人", en: "Borrower", width: 14 },
  { key: "matchedBy", zh: "匹配方式", en: "Matched by", width: 18 },
  { key: "transactionId", zh: "入账交易号", en: "Transaction", width: 38 },
];

export async function importReport(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  locale: Locale,
): Promise<{ fileName: string; data: Buffer }> {
  requirePermission(ctx, "repayments.post");
  const [batch] = await db.select().from(repaymentImports).where(eq(repaymentImports.id, id));
  if (!batch) throw notFound("repayment-import");
  const rows = await db
    .select({ row: repaymentImportRows, loanNo: loans.loanNo, customer: customers.name })
    .from(repaymentImportRows)
    .leftJoin(loans, eq(loans.id, repaymentImportRows.loanId))
    .leftJoin(customers, eq(customers.id, loans.customerId))
    .where(eq(repaymentImportRows.importId, id))
    .orderBy(asc(repaymentImportRows.rowNo));
  const en = locale === "en-US";
  const text = (t: { zh: string; en: string }) => (en ? t.en : t.zh);
  const book = new ExcelJS.Workbook();
  book.creator = "小贷通 MicroCredit";
  const sheet = book.addWorksheet(en ? "Import report" : "导入结果");
  sheet.columns = COLUMNS.map((c) => ({ header: en ? c.en : c.zh, key: c.key, width: c.width }));
  sheet.spliceRows(1, 0, [], []);
  sheet.getCell("A1").value =
    `${en ? "Repayment import" : "批量还款导入"}: ${batch.fileName} (${batch.createdAt.toISOString().slice(0, 10)})`;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getRow(3).font = { bold: true };
  for (const { row, loanNo, customer } of rows) {
    const reason = row.postError
      ? messageFor(row.postError, locale, row.postErrorParams ?? {})
      : row.reason
        ? messageFor(row.reason, locale)
        : "";
    const added = sheet.addRow({
      rowNo: row.rowNo,
      status: row.postError
        ? `${text(ROW_STATUS_TEXT[row.status])} · ${en ? "failed" : "入账失败"}`
        : text(ROW_STATUS_TEXT[row.status]),
      reason,
      date: row.txDate ?? "",
      amount: row.amount === null ? null : row.amount / 100,
      payerName: row.payerName ?? "",
      payerAccount: row.payerAccountMasked ?? "",
      memo: row.memo ?? "",
      reference: row.reference ?? "",
      loanNo: loanNo ?? "",
      customer: customer ?? "",
      matchedBy: row.matchedBy ? text(MATCHED_BY_TEXT[row.matchedBy]) : "",
      transactionId: row.transactionId ?? "",
    });
    if (row.postError || ["invalid", "ambiguous", "unmatched"].includes(row.status))
      added.getCell("status").font = { color: { argb: "FFCF1322" } };
  }
  sheet.getColumn("amount").numFmt = "#,##0.00";
  sheet.views = [{ state: "frozen", ySplit: 3 }];
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
  const base = batch.fileName.replace(/\.[^.]+$/, "");
  return {
    fileName: `${base}-${en ? "import-report" : "导入结果"}.xlsx`,
    data: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
