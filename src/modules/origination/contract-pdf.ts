// The loan contract (借款合同) in Chinese, generated at disbursement: parties, terms, every fee, the
// APR shown prominently (DOMAIN.md §3), the full repayment schedule, penalty terms and signatures.
import PDFDocument from "pdfkit";
import { type Fen, formatYuan } from "../../platform/money.ts";
import { CJK_FONT_BOLD, CJK_FONT_REGULAR } from "../../platform/pdf-fonts.ts";
import type { Installment } from "../loans/domain/schedule.ts";

export type ContractData = {
  contractNo: string;
  loanNo: string;
  signedOn: string;
  lender: string;
  borrower: { name: string; idMasked: string; phoneMasked: string };
  productName: string;
  principal: Fen;
  annualRate: string;
  penaltyRate: string;
  method: string;
  termMonths: number;
  startDate: string;
  maturityDate: string;
  apr: string;
  guarantee: string;
  conditions: string[];
  upfrontFee: Fen;
  schedule: Installment[];
};

const METHOD_ZH: Record<string, string> = {
  "equal-installment": "等额本息",
  "equal-principal": "等额本金",
  "interest-only": "按月付息、到期还本",
  bullet: "到期一次性还本付息",
  flat: "等本等息",
};
const GUARANTEE_ZH: Record<string, string> = {
  credit: "信用",
  guaranty: "保证",
  mortgage: "抵押",
  pledge: "质押",
};
const pct = (rate: string) => `${(Number(rate) * 100).toFixed(2)}%`;

export function renderContract(data: ContractData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margin: 50,
      info: { Title: `借款合同 ${data.contractNo}`, Author: data.lender },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("cjk", CJK_FONT_REGULAR);
    doc.registerFont("cjk-bold", CJK_FONT_BOLD);

    doc.font("cjk-bold").fontSize(20).text("借 款 合 同", { align: "center" });
    doc
      .moveDown(0.3)
      .font("cjk")
      .fontSize(9)
      .text(`合同编号:${data.contractNo}    贷款编号:${data.loanNo}    签订日期:${data.signedOn}`, {
        align: "center",
      });
    doc.moveDown();
    doc.fontSize(11).text(`贷款人(甲方):${data.lender}`);
    doc.text(
      `借款人(乙方):${data.borrower.name}    证件号码:${data.borrower.idMasked}    联系电话:${data.borrower.phoneMasked}`,
    );
    doc.moveDown(0.5);
    doc.font("cjk-bold").fontSize(13).fillColor("#c41d7f").text(`年化利率(APR,IRR 法):${data.apr}%`);
    doc
      .fillColor("black")
      .font("cjk")
      .fontSize(10)
      .text("上述年化利率已包含本合同项下借款人应支付的全部利息和费用,按国际通行的内部收益率法计算。");
    doc.moveDown(0.5);
    const terms: [string, string][] = [
      ["第一条 借款金额", `人民币 ${formatYuan(data.principal)}(实际到账金额与借款金额一致,不预先扣除利息)`],
      ["第二条 借款产品", data.productName],
      ["第三条 借款期限", `${data.termMonths} 个月,自 ${data.startDate} 起至 ${data.maturityDate} 止`],
      ["第四条 借款利率", `年利率 ${pct(data.annualRate)}(单利,按月计息,月利率 = 年利率 ÷ 12)`],
      ["第五条 还款方式", METHOD_ZH[data.method] ?? data.method],
      [
        "第六条 费用",
        data.upfrontFee > 0
          ? `放款时一次性手续费 ${formatYuan(data.upfrontFee)},已计入年化利率`
          : "本合同无任何手续费、服务费或其他费用",
      ],
      [
        "第七条 逾期罚息",
        `逾期本金按年利率 ${pct(data.penaltyRate)} 按日计收罚息(日利率 = 年利率 ÷ 360),不计复利`,
      ],
      ["第八条 担保方式", GUARANTEE_ZH[data.guarantee] ?? data.guarantee],
      ["第九条 提前还款", "乙方可随时申请提前还款,利息计至实际还款日"],
    ];
    for (const [title, body] of terms) {
      doc.font("cjk-bold").fontSize(10.5).text(title, { continued: true }).font("cjk").text(`:${body}`);
    }
    if (data.conditions.length) {
      doc.font("cjk-bold").text("第十条 放款条件与特别约定");
      for (const c of data.conditions) doc.font("cjk").text(`· ${c}`);
    }
    doc.moveDown(0.6);
    doc.font("cjk-bold").fontSize(11).text("附件:还款计划表");
    scheduleTable(doc, data.schedule);
    doc.moveDown(1.2);
    doc
      .font("cjk")
      .fontSize(10.5)
      .text(`甲方(盖章):${data.lender}`, { continued: true })
      .text("          乙方(签字):________________", { align: "right" });
    doc.text(`日期:${data.signedOn}`);
    doc.end();
  });
}

function scheduleTable(doc: PDFKit.PDFDocument, rows: Installment[]): void {
  const cols = [40, 80, 90, 80, 90, 100];
  const headers = ["期数", "还款日", "本金", "利息", "应还合计", "剩余本金"];
  const x0 = doc.page.margins.left;
  const line = (cells: string[], bold = false) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    const y = doc.y;
    let x = x0;
    doc.font(bold ? "cjk-bold" : "cjk").fontSize(9);
    cells.forEach((cell, i) => {
      doc.text(cell, x, y, { width: cols[i] - 6, align: i < 2 ? "left" : "right" });
      x += cols[i];
    });
    doc.x = x0;
    doc.y = y + 14;
  };
  line(headers, true);
  for (const r of rows)
    line([
      String(r.period),
      r.dueDate,
      formatYuan(r.principal),
      formatYuan(r.interest),
      formatYuan(r.total),
      formatYuan(r.remainingPrincipal),
    ]);
}
