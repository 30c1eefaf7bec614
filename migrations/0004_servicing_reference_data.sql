-- Reference data every installation needs: the chart of accounts (ledger/domain/chart.ts; postings
-- refer to these codes) and the zh-CN reminder templates the daily batch renders. Existing rows are
-- left as they are, so a renamed account or an edited template survives.
INSERT INTO "ledger_accounts" ("code", "name_zh", "name_en", "type", "normal_side", "sort_order") VALUES
  ('1001', '库存现金', 'Cash on hand', 'asset', 'debit', 0),
  ('1002', '银行存款', 'Bank deposits', 'asset', 'debit', 1),
  ('1301', '贷款本金', 'Loans receivable (principal)', 'asset', 'debit', 2),
  ('1302', '应收利息', 'Interest receivable', 'asset', 'debit', 3),
  ('1303', '应收罚息', 'Penalty interest receivable', 'asset', 'debit', 4),
  ('1304', '应收费用', 'Fees receivable', 'asset', 'debit', 5),
  ('1309', '贷款损失准备', 'Loan-loss provision', 'asset', 'credit', 6),
  ('2001', '银行借款', 'Bank borrowings', 'liability', 'credit', 7),
  ('2241', '客户溢缴款', 'Customer credit balances', 'liability', 'credit', 8),
  ('4001', '实收资本', 'Paid-in capital', 'equity', 'credit', 9),
  ('6011', '利息收入', 'Interest income', 'income', 'credit', 10),
  ('6012', '罚息收入', 'Penalty income', 'income', 'credit', 11),
  ('6021', '手续费收入', 'Fee income', 'income', 'credit', 12),
  ('6031', '核销后收回', 'Recoveries after write-off', 'income', 'credit', 13),
  ('6701', '信用减值损失', 'Credit impairment loss', 'expense', 'debit', 14)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "notification_templates" ("code", "channel", "locale", "body") VALUES
  ('due-reminder', 'sms', 'zh-CN', '【小贷通】尊敬的客户,您的贷款 {loanNo} 第 {period} 期应还款 {amount} 元将于 {dueDate} 到期,请提前存入足额资金,按时还款。如已还款请忽略。'),
  ('overdue-notice', 'sms', 'zh-CN', '【小贷通】尊敬的客户,您的贷款 {loanNo} 第 {period} 期(到期日 {dueDate})尚有 {amount} 元未还,已逾期并按合同计收罚息,请尽快还款。如有疑问请联系您的客户经理。')
ON CONFLICT ("code") DO NOTHING;
