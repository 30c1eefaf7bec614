// 还款凭证: a one-page receipt for a repayment, prepayment or refund, in Chinese (the CJK font ships
// with npm, platform/pdf-fonts.ts). A reversed transaction says so on the receipt.
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatYuan } from "../../platform/money.ts";
import { CJK_FONT_BOLD, CJK_FONT_REGULAR } from "../../platform/pdf-fonts.ts";
import { customerView } from "../customers/customer-view.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { loanTransactions } from "./servicing.schema.ts";

const KIND_ZH: Record<string, string> = {
  repayment: "还款",
  prepayment: "部分提前还款",
  refund: "溢缴款退还",
  reversal: "冲正",
  recovery: "核销后收回",
};
const CHANNEL_ZH: Record<string, string> = {
  cash: "现金",
  "bank-transfer": "银行转账",
  "wechat-pay": "微信支付",
  alipay: "支付宝",
};

function componentRows(
  t: { principal: number; interest: number; penalty: number; fee: number; credit: number },
  principalOutstanding: number,
): [string, string][] {
  return [
    ["其中:本金", formatYuan(t.principal)],
    ["利息", formatYuan(t.interest)],
    ["罚息", formatYuan(t.penalty)],
    ["费用", formatYuan(t.fee)],
    ["转入溢缴款", formatYuan(Math.max(t.credit, 0))],
    ["剩余本金", formatYuan(principalOutstanding)],
  ];
}

/** A recovery on a written-off loan is counted against the written-off amount (recoveries.service.ts). */
function recoveryRows(allocation: unknown): [string, string][] {
  const a = allocation as { recoveredBefore?: number; remainingAfter?: number };
  return [
    ["此前已收回", formatYuan(a.recoveredBefore ?? 0)],
    ["核销余额(表外)", formatYuan(a.remainingAfter ?? 0)],
  ];
}

export async function repaymentReceipt(
  db: Queryable,
  ctx: RequestContext,
  loanId: string,
  txId: string,
): Promise<{ fileName: string; pdf: Buffer }> {
  const loan = await loadVisibleLoan(db, ctx, loanId);
  const [t] = await db
    .select()
    .from(loanTransactions)
    .where(and(eq(loanTransactions.loanId, loanId), eq(loanTransactions.id, txId)));
  if (!t) throw notFound("transaction");
  const customer = await customerView(db, loan.customerId).catch(() => null);
  const rows: [string, string][] = [
    ["凭证编号", t.id],
    ["贷款编号", loan.loanNo],
    ["借款人", customer ? `${customer.name}(${customer.idNumber})` : loan.customerId],
    ["业务类型", `${KIND_ZH[t.kind] ?? t.kind}${t.settlement === "payoff" ? "(提前结清)" : ""}`],
    ["交易日期", t.txDate],
    ["支付渠道", t.channel ? (CHANNEL_ZH[t.channel] ?? t.channel) : "—"],
    ["交易参考号", t.reference ?? "—"],
    ["金额合计", formatYuan(t.amount)],
    ...(t.kind === "recovery" ? recoveryRows(t.allocation) : componentRows(t, loan.principalOutstanding)),
  ];
  const pdf = await new Promise<Buffer>((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A5",
      layout: "landscape",
      margin: 40,
      info: { Title: `还款凭证 ${loan.loanNo}` },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("cjk", CJK_FONT_REGULAR);
    doc.registerFont("cjk-bold", CJK_FONT_BOLD);
    doc.font("cjk-bold").fontSize(18).text("小贷通小额贷款有限公司  还款凭证", { align: "center" });
    doc.moveDown(0.6);
    for (const [label, value] of rows) {
      const y = doc.y;
      doc.font("cjk").fontSize(10).fillColor("#555").text(label, 60, y, { width: 110 });
      doc.fillColor("black").text(value, 180, y, { width: 330 });
      doc.moveDown(0.2);
    }
    if (t.reversedBy)
      doc
        .moveDown(0.5)
        .font("cjk-bold")
        .fillColor("#c41d7f")
        .fontSize(14)
        .text("本笔交易已冲正,凭证作废", { align: "center" });
    doc
      .fillColor("black")
      .font("cjk")
      .fontSize(8)
      .moveDown(1)
      .text(`打印时间:${new Date().toISOString()}    本凭证由系统生成,无需盖章。`, 60);
    doc.end();
  });
  return { fileName: `receipt-${loan.loanNo}-${t.txDate}.pdf`, pdf };
}
