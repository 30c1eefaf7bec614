import { describe, expect, it } from "vitest";
import { detectHeader, missingFields, normaliseHeading, suggestMapping } from "./column-mapping.ts";

describe("column mapping", () => {
  it("finds a bank statement's header under its title lines and maps the credit column, not debit or balance", () => {
    const rows = [
      ["中国工商银行 账户交易明细"],
      ["账号: 1202 0213 0920 0088 866", "户名: 小贷通小额贷款有限公司"],
      ["交易日期", "摘要", "借方金额", "贷方金额", "余额", "对方户名", "对方账号", "流水号"],
      ["2026-11-28", "还款", "", "100.00", "1000.00", "张三", "6222", "X1"],
    ];
    expect(detectHeader(rows)).toEqual({
      index: 2,
      mapping: { date: 0, memo: 1, amount: 3, payerName: 5, payerAccount: 6, reference: 7 },
    });
  });

  it("reads WeChat Pay and Alipay bill headings", () => {
    expect(
      suggestMapping([
        "交易时间",
        "交易类型",
        "交易对方",
        "商品",
        "收/支",
        "金额(元)",
        "支付方式",
        "当前状态",
        "交易单号",
        "商户单号",
        "备注",
      ]),
    ).toEqual({ date: 0, payerName: 2, memo: 10, amount: 5, reference: 8, payerAccount: null });
    expect(suggestMapping(["交易号", "付款时间", "交易对方", "商品名称", "金额（元）"])).toMatchObject({
      reference: 0,
      date: 1,
      payerName: 2,
      memo: 3,
      amount: 4,
    });
  });

  it("prefers 贷方金额 over 金额 and 交易日期 over 日期, one column per field", () => {
    const mapping = suggestMapping(["日期", "交易日期", "金额", "贷方金额", "附言", "交易流水号"]);
    expect(mapping).toMatchObject({ date: 1, amount: 3, memo: 4, reference: 5 });
  });

  it("recognises English headings and ignores units and spaces", () => {
    expect(normaliseHeading(" 交易金额 (元) ")).toBe("交易金额");
    expect(suggestMapping(["Date", "Amount", "Payer", "Memo", "Reference"])).toMatchObject({
      date: 0,
      amount: 1,
      payerName: 2,
      memo: 3,
      reference: 4,
    });
  });

  it("finds no header in a file of unknown columns, and says what is missing", () => {
    const rows = [
      ["foo", "bar", "baz"],
      ["1", "2", "3"],
    ];
    expect(detectHeader(rows)).toBeNull();
    expect(missingFields(suggestMapping(rows[0]))).toEqual(["date", "amount", "reference"]);
  });
});
