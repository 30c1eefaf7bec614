// A stored daily report as the Excel workbook leaders forward: a summary sheet, then groups, people
// and sales teams with each KPI against its target.
import ExcelJS from "exceljs";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { getDailyReport } from "./daily-report.service.ts";
import type { Figures, Targets } from "./domain/kpi-figures.ts";

const POSITIONS: Record<string, string> = {
  telemarketer: "电销专员",
  "tele-leader": "电销组长",
  "customer-manager": "客户经理",
  "team-manager": "团队经理",
};

const KPI_COLUMNS: { key: keyof Figures; header: string; target: boolean }[] = [
  { key: "calls", header: "呼出总量 Calls", target: true },
  { key: "effective", header: "有效呼出 Effective", target: true },
  { key: "intent", header: "意向客户 Intent", target: true },
  { key: "revisits", header: "意向回访 Revisits", target: true },
  { key: "nextDayAppointments", header: "次日约见 Next-day appts", target: true },
  { key: "appointments", header: "约见合计 Appointments", target: false },
];

type Tallied = { figures: Figures; target: Targets };

function kpiCells(t: Tallied) {
  const cells: Record<string, number | null> = {};
  for (const c of KPI_COLUMNS) {
    cells[c.key] = t.figures[c.key];
    if (c.target) cells[`${c.key}Target`] = t.target[c.key as keyof Targets] || null;
  }
  return cells;
}

function kpiSheet(
  book: ExcelJS.Workbook,
  name: string,
  lead: Partial<ExcelJS.Column>[],
  rows: Record<string, unknown>[],
) {
  const sheet = book.addWorksheet(name);
  sheet.columns = [
    ...lead,
    ...KPI_COLUMNS.flatMap((c) => [
      { header: c.header, key: c.key, width: 14 },
      ...(c.target ? [{ header: "目标 Target", key: `${c.key}Target`, width: 10 }] : []),
    ]),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

export async function dailyReportWorkbook(db: Queryable, ctx: RequestContext, date: string) {
  const report = await getDailyReport(db, ctx, date);
  const c = report.content;
  const book = new ExcelJS.Workbook();
  book.creator = "小贷通 MicroCredit";
  const summary = book.addWorksheet("汇总 Summary");
  summary.columns = [
    { header: "项目 Item", key: "item", width: 32 },
    { header: "数值 Value", key: "value", width: 16 },
    { header: "目标 Target", key: "target", width: 14 },
  ];
  summary.getRow(1).font = { bold: true };
  const line = (item: string, value: number | string, target?: number | null) =>
    summary.addRow({ item, value, target: target ?? null });
  line("日期 Date", c.date);
  for (const col of KPI_COLUMNS)
    line(
      `当日${col.header}`,
      c.floor.figures[col.key],
      col.target ? c.floor.target[col.key as keyof Targets] : null,
    );
  for (const col of KPI_COLUMNS)
    line(
      `本月累计 ${col.header}`,
      c.monthToDate.figures[col.key],
      col.target ? c.monthToDate.target[col.key as keyof Targets] : null,
    );
  line("今日约见 已到访 Appointments done", c.appointments.done);
  line("今日约见 未到访 No-shows", c.appointments.noShow);
  line("明日约见 Appointments tomorrow", c.appointments.tomorrow);
  line("回访完成 Revisits done", c.followUps.done);
  line("逾期回访 Revisits overdue", c.followUps.overdue);
  line("新增反馈/投诉 Feedback received", c.feedback.received);
  line("超时未办结 Feedback past SLA", c.feedback.overdue);
  line("生成时间 Generated", report.generatedAt.toISOString());

  kpiSheet(
    book,
    "小组 Groups",
    [
      { header: "小组(组长) Group", key: "name", width: 16 },
      { header: "人数 People", key: "members", width: 8 },
    ],
    c.groups.map((g) => ({ name: g.name, members: g.members, ...kpiCells(g) })),
  );
  kpiSheet(
    book,
    "人员 People",
    [
      { header: "姓名 Name", key: "name", width: 12 },
      { header: "岗位 Position", key: "position", width: 12 },
      { header: "小组 Group", key: "unitName", width: 12 },
      { header: "落后 Behind", key: "behind", width: 8 },
    ],
    c.people.map((p) => ({
      name: p.name,
      position: POSITIONS[p.position ?? ""] ?? p.position,
      unitName: p.unitName,
      behind: p.behind ? "是" : "",
      ...kpiCells(p),
    })),
  );
  kpiSheet(
    book,
    "团队 Teams",
    [
      { header: "团队(经理) Team", key: "name", width: 16 },
      { header: "人数 People", key: "members", width: 8 },
    ],
    c.teams.map((t) => ({ name: t.name, members: t.members, ...kpiCells(t) })),
  );
  return { file: Buffer.from(await book.xlsx.writeBuffer()), name: `crm-daily-report-${date}.xlsx` };
}
