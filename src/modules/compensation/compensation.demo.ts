// The demo company's payroll, through the real services: the seed plan with management rates filled
// in, then one month at every stage before the business date's — two locked (one of them recomputed
// once, so it has two versions), last month approved but not yet locked, with a dispute HR answered
// and one still open — and a draft for the month itself, computed by the engine from the demo org and
// the demo loan book (zero performance without loans); and next year's plan, still a draft.
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { buildDemoPeople } from "../staff/demo-org.ts";
import { addMonths } from "../staff/domain/dates.ts";
import { demoContext } from "../staff/staff-activity.demo.ts";
import { businessToday } from "../staff/staff-store.ts";
import { answerDispute, raiseDispute } from "./disputes.service.ts";
import { myStatement, myStatements } from "./payroll-read.service.ts";
import { createRun, moveRun, recomputeRun } from "./payroll-runs.service.ts";
import { createPlan } from "./plans.service.ts";

type Ctx = Awaited<ReturnType<typeof demoContext>>;

/** A dispute on one line (the first of `codes` the statement has) of someone's statement of `month`. */
async function disputeOwn(db: Db, who: Ctx, options: { month: string; codes: string[]; comment: string }) {
  const [own] = (await myStatements(db, who, "zh-CN")).items.filter((s) => s.month === options.month);
  if (!own) return null;
  const statement = await myStatement(db, who, own.id, "zh-CN");
  const line =
    options.codes.map((code) => statement.lines.find((l) => l.code === code)).find(Boolean) ??
    statement.lines[0];
  return raiseDispute(db, who, own.id, { lineId: line.id, comment: options.comment });
}

export async function seedDemoPayroll(db: Db): Promise<void> {
  // A second customer manager (in team 2) raises the dispute that is still open.
  const colleague = buildDemoPeople().filter((p) => p.roles[0] === "customer-manager")[6];
  const [hr, finance, cm, other] = await Promise.all([
    demoContext(db, "hr"),
    demoContext(db, "finance"),
    demoContext(db, "customer-manager"),
    demoContext(db, colleague.username, "customer-manager"),
  ]);
  const plan = await createPlan(db, hr, {
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
    const run = await createRun(db, hr, { month, planId: plan.id });
    if (back === 2) await recomputeRun(db, hr, run.id, { reason: "月末组织架构调整确认后重新核算" });
    await moveRun(db, hr, run.id, { action: "review", comment: "已核对业绩与考勤" });
    if (back === 1) {
      // Last month someone asked about a line; HR answered before the approval.
      const asked = await disputeOwn(db, cm, {
        month,
        codes: ["commission"],
        comment: "请核对本月提成是否包含月底放款",
      });
      if (asked)
        await answerDispute(db, hr, asked.id, {
          decision: "reject",
          answer: "月底放款已按放款日计入当月年化业绩,提成无误",
        });
    }
    await moveRun(db, finance, run.id, { action: "approve", comment: "同意发放" });
    // Last month stays approved: a colleague's question came in after the approval and waits for
    // HR's answer before the lock.
    if (back === 1)
      await disputeOwn(db, other, {
        month,
        codes: ["commission"],
        comment: "月底最后一笔放款是否已计入本月年化业绩?请人事核实",
      });
    else await moveRun(db, finance, run.id, { action: "lock" });
  }
  await createRun(db, hr, { month: current, planId: plan.id });
  // Next year's plan, drafted with the business plan's blank management rates: it warns wherever it
  // is shown until someone sets them.
  await createPlan(db, hr, {
    code: "SALES-2027",
    name: "营销团队薪酬方案(2027 草案)",
    effectiveMonth: "2027-01",
    plan: {},
    note: "草案:管理提成比例待总经理办公会确定",
  });
}

export const compensationDemoSeeder: DemoSeeder = { name: "payroll", run: (db) => seedDemoPayroll(db) };
