// A payroll run version as the Excel workbook HR and finance work with: one sheet of statements, one
// of every line with its explanation. Amounts are numbers formatted to the 分.
import { asc, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { payrollLines, payrollStatements } from "./compensation.schema.ts";
import { loadRun, versionOf } from "./payroll-store.ts";

const MONEY = "#,##0.00";
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

const STAGES: Record<string, string> = { probation: "试用期", "first-month": "转正首月", regular: "正式" };
const STATUSES: Record<string, string> = {
  draft: "草稿",
  reviewed: "已复核",
  approved: "已审批",
  locked: "已锁定",
};

export async function payrollWorkbook(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  options: { version?: number },
) {
  requirePermission(ctx, "payroll.read");
  const run = await loadRun(db, id);
  const version = await versionOf(db, run, options.version ?? run.currentVersion);
  const statements = await db
    .select()
    .from(payrollStatements)
    .where(eq(payrollStatements.runVersionId, version.id))
    .orderBy(asc(payrollStatements.seq));
  const lines = statements.length
    ? await db
        .select()
        .from(payrollLines)
        .where(
          inArray(
            payrollLines.statementId,
            statements.map((s) => s.id),
          ),
        )
        .orderBy(asc(payrollLines.statementId), asc(payrollLines.seq))
    : [];
  const book = new ExcelJS.Workbook();
  book.creator = "小贷通 MicroCredit";
  const sheet = book.addWorksheet("工资单 Statements");
  sheet.columns = [
    { header: "工号 No.", key: "employeeNo", width: 10 },
    { header: "姓名 Name", key: "name", width: 12 },
    { header: "岗位 Position", key: "position", width: 18 },
    { header: "部门 Department", key: "departmentName", width: 14 },
    { header: "阶段 Stage", key: "stage", width: 10 },
    { header: "放款笔数 Loans", key: "loanCount", width: 10 },
    { header: "年化业绩 Annualized", key: "annualized", width: 16 },
    { header: "目标 Target", key: "target", width: 14 },
    { header: "底薪 Base", key: "baseSalary", width: 12 },
    { header: "扣减 Deduction", key: "deduction", width: 12 },
    { header: "提成 Commission", key: "commission", width: 14 },
    { header: "管理提成 Management", key: "managementCommission", width: 16 },
    { header: "合计 Total", key: "total", width: 14 },
    { header: "提示 Warnings", key: "warnings", width: 40 },
  ];
  for (const s of statements)
    sheet.addRow({
      ...s,
      stage: STAGES[s.stage] ?? s.stage,
      annualized: yuan(s.annualized),
      target: yuan(s.target),
      baseSalary: yuan(s.baseSalary),
      deduction: yuan(s.deduction),
      commission: yuan(s.commission),
      managementCommission: yuan(s.managementCommission),
      total: yuan(s.total),
      warnings: s.warnings.map((w) => w.zh).join(";"),
    });
  const sum = sheet.addRow({
    name: "合计 Total",
    annualized: statements.reduce((t, s) => t + s.annualized, 0) / 100,
    baseSalary: statements.reduce((t, s) => t + s.baseSalary, 0) / 100,
    deduction: statements.reduce((t, s) => t + s.deduction, 0) / 100,
    commission: statements.reduce((t, s) => t + s.commission, 0) / 100,
    managementCommission: statements.reduce((t, s) => t + s.managementCommission, 0) / 100,
    total: version.total / 100,
  });
  sum.font = { bold: true };
  for (const key of [
    "annualized",
    "target",
    "baseSalary",
    "deduction",
    "commission",
    "managementCommission",
    "total",
  ])
    sheet.getColumn(key).numFmt = MONEY;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];

  const byId = new Map(statements.map((s) => [s.id, s]));
  const detail = book.addWorksheet("明细 Lines");
  detail.columns = [
    { header: "工号 No.", key: "employeeNo", width: 10 },
    { header: "姓名 Name", key: "name", width: 12 },
    { header: "项目 Item", key: "code", width: 22 },
    { header: "金额 Amount", key: "amount", width: 14 },
    { header: "说明 Explanation", key: "explanationZh", width: 80 },
    { header: "Explanation (en)", key: "explanationEn", width: 80 },
  ];
  const ordered = [...lines].sort(
    (a, b) => (byId.get(a.statementId)?.seq ?? 0) - (byId.get(b.statementId)?.seq ?? 0) || a.seq - b.seq,
  );
  for (const l of ordered) {
    const s = byId.get(l.statementId);
    detail.addRow({ ...l, employeeNo: s?.employeeNo, name: s?.name, amount: l.amount / 100 });
  }
  detail.getColumn("amount").numFmt = MONEY;
  detail.getRow(1).font = { bold: true };
  detail.views = [{ state: "frozen", ySplit: 1 }];
  const info = book.addWorksheet("说明 About");
  info.addRow([
    `${run.month} 工资核算 Payroll`,
    `版本 Version ${version.version}`,
    STATUSES[run.status] ?? run.status,
  ]);
  info.addRow(["人数 Headcount", version.headcount, "合计 Total", version.total / 100]);
  return {
    file: Buffer.from(await book.xlsx.writeBuffer()),
    name: `payroll-${run.month}-v${version.version}.xlsx`,
  };
}
