// The schedule as an Excel workbook, as finance and borrowers open it: one sheet with the terms,
// the APR and every installment, amounts as numbers formatted to the 分.
import ExcelJS from "exceljs";
import type { ScheduleJson } from "./domain/schedule-json.ts";

const METHOD_NAMES: Record<string, string> = {
  "equal-installment": "等额本息",
  "equal-principal": "等额本金",
  "interest-only": "先息后本",
  bullet: "一次性还本付息",
  flat: "等本等息",
};

const MONEY_FORMAT = "#,##0.00";

export async function scheduleWorkbook(schedule: ScheduleJson, startDate: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "小贷通 MicroCredit";
  const sheet = book.addWorksheet("还款计划 Schedule");
  sheet.columns = [
    { header: "期数 Period", key: "period", width: 12 },
    { header: "还款日 Due date", key: "dueDate", width: 16 },
    { header: "本金 Principal", key: "principal", width: 16 },
    { header: "利息 Interest", key: "interest", width: 16 },
    { header: "费用 Fee", key: "fee", width: 12 },
    { header: "应还合计 Total", key: "total", width: 16 },
    { header: "剩余本金 Remaining", key: "remainingPrincipal", width: 18 },
  ];
  sheet.spliceRows(1, 0, [], [], [], [], []);
  sheet.getCell("A1").value = "贷款还款计划 Loan repayment schedule";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value =
    `本金 Principal: ¥${schedule.principal}   年利率 Rate: ${(Number(schedule.annualRate) * 100).toFixed(2)}%   期限 Term: ${schedule.termMonths} 个月`;
  sheet.getCell("A3").value =
    `还款方式 Method: ${METHOD_NAMES[schedule.method] ?? schedule.method}   起始日 Start: ${startDate}`;
  sheet.getCell("A4").value = `年化利率 APR (IRR): ${schedule.apr}%`;
  sheet.getCell("A4").font = { bold: true, color: { argb: "FFC41D7F" } };
  sheet.getRow(6).font = { bold: true };
  for (const row of schedule.installments) {
    sheet.addRow({
      period: row.period,
      dueDate: row.dueDate,
      principal: Number(row.principal),
      interest: Number(row.interest),
      fee: Number(row.fee),
      total: Number(row.total),
      remainingPrincipal: Number(row.remainingPrincipal),
    });
  }
  const totals = sheet.addRow({
    period: "合计 Total",
    principal: Number(schedule.totals.principal),
    interest: Number(schedule.totals.interest),
    fee: Number(schedule.totals.fee),
    total: Number(schedule.totals.total),
  });
  totals.font = { bold: true };
  for (const key of ["principal", "interest", "fee", "total", "remainingPrincipal"])
    sheet.getColumn(key).numFmt = MONEY_FORMAT;
  sheet.views = [{ state: "frozen", ySplit: 6 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
