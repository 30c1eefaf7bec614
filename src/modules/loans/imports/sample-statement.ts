// A sample bank statement to try the import with, written from the live loan book so that it
// matches: current loans paying their next installment (some naming the loan number in the memo,
// some only recognisable by name and amount), one paying an odd amount, a payer we do not know, a
// fee debit and a total line — laid out the way a bank's account-detail export is.
import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import { visibleUserIds } from "../../../platform/auth/scope.ts";
import type { Queryable } from "../../../platform/db.ts";
import { formatAmount } from "../../../platform/money.ts";
import { customers } from "../../customers/customers.schema.ts";
import { getBusinessDate } from "../business-date.ts";
import { loadInstallments, totalOf, unpaidOf } from "../loan-state.ts";
import { loans } from "../loans.schema.ts";

export const SAMPLE_HEADERS = [
  "交易日期",
  "摘要",
  "借方金额",
  "贷方金额",
  "余额",
  "对方户名",
  "对方账号",
  "流水号",
];

type Line = {
  memo: string;
  debit: number;
  credit: number;
  payer: string;
  account: string;
  reference: string;
};

function fakeAccount(seed: string): string {
  const digits = createHash("sha256")
    .update(seed)
    .digest()
    .subarray(0, 12)
    .reduce((s, b) => s + String(b % 10), "");
  return `6222${digits}`;
}

async function sampleLines(db: Queryable, ctx: RequestContext, date: string): Promise<Line[]> {
  const visible = await visibleUserIds(db, ctx.actor);
  const current = await db
    .select({ id: loans.id, loanNo: loans.loanNo, name: customers.name })
    .from(loans)
    .innerJoin(customers, eq(customers.id, loans.customerId))
    .where(
      and(
        eq(loans.status, "active"),
        eq(loans.dpd, 0),
        visible === null ? undefined : inArray(loans.officerId, visible.length ? visible : [""]),
      ),
    )
    .orderBy(desc(loans.loanNo))
    .limit(7);
  const compact = date.replaceAll("-", "");
  const lines: Line[] = [];
  for (const [i, loan] of current.entries()) {
    const next = (await loadInstallments(db, loan.id)).find((r) => totalOf(unpaidOf(r)) > 0);
    if (!next) continue;
    const due = totalOf(unpaidOf(next));
    // The last one pays a round sum instead of the installment: a person has to confirm it.
    const credit = i === current.length - 1 ? Math.ceil(due / 10_000) * 10_000 + 10_000 : due;
    lines.push({
      memo: i < 3 ? `还款 ${loan.loanNo}` : i % 2 ? "贷款还款" : "还款",
      debit: 0,
      credit,
      payer: loan.name,
      account: fakeAccount(loan.id),
      reference: `ICBC${compact}${loan.loanNo.slice(-6)}`,
    });
  }
  lines.push(
    {
      memo: "货款",
      debit: 0,
      credit: 500_000,
      payer: "杭州恒达贸易有限公司",
      account: "33050161723500000321",
      reference: `ICBC${compact}900001`,
    },
    {
      memo: "账户管理费",
      debit: 2_000,
      credit: 0,
      payer: "",
      account: "",
      reference: `ICBC${compact}900002`,
    },
  );
  return lines;
}

function tableRows(date: string, lines: Line[]): (string | number)[][] {
  let balance = 128_650_000;
  const rows = lines.map((l) => {
    balance += l.credit - l.debit;
    return [
      date,
      l.memo,
      l.debit ? formatAmount(l.debit) : "",
      l.credit ? formatAmount(l.credit) : "",
      formatAmount(balance),
      l.payer,
      l.account,
      l.reference,
    ];
  });
  const debit = lines.reduce((s, l) => s + l.debit, 0);
  const credit = lines.reduce((s, l) => s + l.credit, 0);
  rows.push(["合计", "", formatAmount(debit), formatAmount(credit), "", "", "", ""]);
  return rows;
}

const csvCell = (v: string | number) => {
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export async function sampleStatement(
  db: Queryable,
  ctx: RequestContext,
  format: "xlsx" | "csv",
): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  requirePermission(ctx, "repayments.post");
  const date = await getBusinessDate(db);
  const preamble = [
    ["中国工商银行 账户交易明细"],
    ["账号: 1202 0213 0920 0088 866", "户名: 小贷通小额贷款有限公司", "币种: 人民币"],
    [`查询区间: ${date} 至 ${date}`],
  ];
  const rows = tableRows(date, await sampleLines(db, ctx, date));
  const fileName = `sample-statement-${date}.${format}`;
  if (format === "csv") {
    const text = [...preamble, SAMPLE_HEADERS, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n");
    // With a BOM, Excel opens the UTF-8 file with its Chinese intact.
    return {
      fileName,
      contentType: "text/csv; charset=utf-8",
      data: Buffer.from(`\uFEFF${text}\r\n`, "utf8"),
    };
  }
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("账户明细");
  for (const r of preamble) sheet.addRow(r);
  sheet.addRow(SAMPLE_HEADERS).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.getCell("A1").font = { bold: true, size: 14 };
  for (const [i, width] of [12, 16, 12, 12, 14, 20, 24, 24].entries()) sheet.getColumn(i + 1).width = width;
  return {
    fileName,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    data: Buffer.from(await book.xlsx.writeBuffer()),
  };
}
