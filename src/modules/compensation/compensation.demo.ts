// The demo company's payroll, through the real services: the seed plan with management rates filled
// in, three locked months before the business date's month and a draft for the month itself,
// computed by the engine from the demo org and the demo loan book (zero performance without loans).
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { addMonths } from "../staff/domain/dates.ts";
import { demoContext } from "../staff/staff-activity.demo.ts";
import { businessToday } from "../staff/staff-store.ts";
import { answerDispute, raiseDispute } from "./disputes.service.ts";
import { myStatement, myStatements } from "./payroll-read.service.ts";
import { createRun, moveRun } from "./payroll-runs.service.ts";
import { createPlan } from "./plans.service.ts";

export async function seedDemoPayroll(db: Db): Promise<void> {
  const [hr, finance, cm] = await Promise.all([
    demoContext(db, "hr"),
    demoContext(db, "finance"),
    demoContext(db, "customer-manager"),
  ]);
  await createPlan(db, hr, {
    code: "SALES-2026",
    name: "营销团队薪酬方案(2026)",
    effectiveMonth: "2026-01",
    // The business plan leaves x% and y% blank (DOMAIN.md §7). These are demo values, not the seed's:
    // 0.5% of the team's total for a team manager, 0.3% of the whole sales org's for the director.
    plan: { managementRate: { "team-manager": "0.005", "sales-director": "0.003" } },
    note: "演示数据:管理提成比例为示例值(方案原文留空)",
  });
  const current = (await businessToday(db)).slice(0, 7);
  for (const back of [3, 2, 1]) {
    const month = addMonths(`${current}-01`, -back).slice(0, 7);
    const run = await createRun(db, hr, { month });
    await moveRun(db, hr, run.id, { action: "review", comment: "已核对业绩与考勤" });
    if (back === 1) {
      // Last month someone asked about a line; HR answered before the approval.
      const [own] = (await myStatements(db, cm, "zh-CN")).items.filter((s) => s.month === month);
      if (own) {
        const statement = await myStatement(db, cm, own.id, "zh-CN");
        const line = statement.lines.find((l) => l.code === "commission") ?? statement.lines[0];
        const dispute = await raiseDispute(db, cm, own.id, {
          lineId: line.id,
          comment: "请核对本月提成是否包含月底放款",
        });
        await answerDispute(db, hr, dispute.id, {
          decision: "reject",
          answer: "月底放款已按放款日计入当月年化业绩,提成无误",
        });
      }
    }
    await moveRun(db, finance, run.id, { action: "approve", comment: "同意发放" });
    await moveRun(db, finance, run.id, { action: "lock" });
  }
  await createRun(db, hr, { month: current });
}

export const compensationDemoSeeder: DemoSeeder = { name: "payroll", run: (db) => seedDemoPayroll(db) };
