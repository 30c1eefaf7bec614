// Demo work-out on the demo business date, through the real services: one loan restructured (proposed
// by the loan-admin, co-signed by risk, approved by the whole committee), one restructuring waiting for
// the committee, one loan written off (approved by the GM) with a partial recovery and a mistaken one
// reversed (冲正), one write-off waiting for approval, and one loan partly written off (部分核销: part
// of its principal, the loan still active). Loans are chosen by DPD so the picture matches their
// delinquency.
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import { formatAmount } from "../../../platform/money.ts";
import type { DemoSeeder } from "../../../platform/seed.ts";
import { getBusinessDate } from "../business-date.ts";
import { loans } from "../loans.schema.ts";
import { postRecovery } from "../recoveries.service.ts";
import { cosignRestructuring, proposeRestructuring, voteOnRestructuring } from "../restructuring.service.ts";
import { approveReversal, proposeReversal } from "../reversal.service.ts";
import { approveWriteOff, proposeWriteOff } from "../write-off.service.ts";
import { personContext } from "./loans.demo.ts";

async function delinquent(db: Db, minDpd: number, maxDpd: number, order: "most" | "least") {
  return db
    .select({
      id: loans.id,
      dpd: loans.dpd,
      annualRate: loans.annualRate,
      penaltyRate: loans.penaltyRate,
      principalOutstanding: loans.principalOutstanding,
    })
    .from(loans)
    .where(and(eq(loans.status, "active"), gte(loans.dpd, minDpd), lte(loans.dpd, maxDpd)))
    .orderBy(order === "most" ? desc(loans.dpd) : asc(loans.dpd), asc(loans.loanNo));
}

export async function seedDemoWorkout(db: Db): Promise<void> {
  const [loanAdmin, risk, gm, finance] = await Promise.all(
    (["loan-admin", "risk", "gm", "finance"] as const).map((u) => personContext(db, u)),
  );
  // The least delinquent past the threshold, so that every bucket and class still has active loans.
  const pastThreshold = await delinquent(db, 180, 100_000, "least");
  const inArrears = await delinquent(db, 31, 90, "most");
  if (pastThreshold.length < 2 || inArrears.length < 2) return;

  // 展期 six months with the arrears capitalised, approved by all three committee seats.
  const [restructured, waiting] = inArrears;
  const applied = await proposeRestructuring(db, loanAdmin, restructured.id, {
    extensionMonths: 6,
    annualRate: restructured.annualRate,
    method: "equal-installment",
    capitaliseArrears: true,
    reason: "借款人店铺装修停业两个月,现已恢复营业,申请展期六个月并将逾期利息罚息转入本金",
  });
  await cosignRestructuring(db, risk, restructured.id, applied.id, {
    decision: "approve",
    comment: "经营流水已恢复,同意展期",
  });
  for (const member of [gm, finance, risk])
    await voteOnRestructuring(db, member, restructured.id, applied.id, { decision: "approve" });

  // A restructuring co-signed and half voted: the committee's approvals page has work on it.
  const pending = await proposeRestructuring(db, loanAdmin, waiting.id, {
    termMonths: 18,
    annualRate: "0.12",
    // Penalty at 1.5 × the new rate from the day it takes effect (old → new on the approvals page).
    penaltyRate: waiting.penaltyRate === "0.18" ? "0.15" : "0.18",
    method: "equal-principal",
    capitaliseArrears: false,
    reason: "主要客户回款延迟,申请重组为 18 期等额本金,罚息利率随新利率下调,逾期利息另行归还",
  });
  await cosignRestructuring(db, risk, waiting.id, pending.id, { decision: "approve", comment: "同意会签" });
  await voteOnRestructuring(db, gm, waiting.id, pending.id, { decision: "approve", comment: "同意" });

  // 核销 with a recovery from the court enforcement, and one more write-off waiting for approval.
  const [writtenOff, toWriteOff] = pastThreshold;
  await proposeWriteOff(db, loanAdmin, writtenOff.id, {
    reason: "借款人失联逾半年,诉讼终结执行,无可供执行财产",
  });
  const approved = await approveWriteOff(db, gm, writtenOff.id, { comment: "同意核销,账销案存,继续追收" });
  const recovery = Math.round((Number(approved.total) * 100 * 0.2) / 10_000) * 10_000;
  await postRecovery(db, finance, writtenOff.id, {
    amount: formatAmount(recovery),
    date: await getBusinessDate(db),
    channel: "bank-transfer",
    reference: "法院执行款 (2026)浙0106执1234号",
  });
  // A second recovery recorded by mistake (the transfer was the guarantor's, for another loan) and
  // reversed (冲正): proposed by finance, approved by the GM.
  const mistaken = await postRecovery(db, finance, writtenOff.id, {
    amount: "1000.00",
    date: await getBusinessDate(db),
    channel: "bank-transfer",
    reference: "担保人转账 20261128-0031",
  });
  await proposeReversal(db, finance, writtenOff.id, mistaken.id, {
    reason: "该笔为担保人归还其他贷款的款项,误登记为本笔核销后收回",
  });
  await approveReversal(db, gm, writtenOff.id, mistaken.id);
  await proposeWriteOff(db, finance, toWriteOff.id, {
    reason: "逾期超过 180 天,多次催收无果,担保人无代偿能力",
  });

  // 部分核销: about a third of the principal (in whole hundreds), proposed by finance, approved by the GM.
  const partly = pastThreshold[2];
  if (!partly) return;
  const third = Math.floor(partly.principalOutstanding / 3 / 10_000) * 10_000;
  if (third <= 0) return;
  await proposeWriteOff(db, finance, partly.id, {
    reason: "担保人代偿部分已落实,其余部分本金预计无法收回,先行部分核销",
    principal: formatAmount(third),
  });
  await approveWriteOff(db, gm, partly.id, { comment: "同意部分核销,剩余本金继续催收" });
}

export const loanWorkoutDemoSeeder: DemoSeeder = { name: "loan-workout", run: (db) => seedDemoWorkout(db) };
