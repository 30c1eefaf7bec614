// Every error code the API can return, in zh-CN and en-US. A field error stores a code too, so the
// console can show the same message as the API.
export type Locale = "zh-CN" | "en-US";

type Message = { zh: string; en: string };

const MESSAGES: Record<string, Message> = {
  "validation-failed": { zh: "输入有误,请检查标出的字段", en: "Some fields are invalid" },
  "malformed-json": { zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  "body-too-large": { zh: "请求体过大(上限 1 MiB)", en: "The request body is too large (limit 1 MiB)" },
  "unsupported-media-type": { zh: "不支持的内容类型", en: "Unsupported content type" },
  required: { zh: "必填", en: "Required" },
  "unknown-field": { zh: "不允许的字段", en: "Unknown field" },
  "invalid-type": { zh: "类型不正确", en: "Wrong type" },
  "invalid-value": { zh: "取值不正确", en: "Invalid value" },
  "invalid-amount": {
    zh: "金额须为最多两位小数的正数",
    en: "Must be a positive amount with at most 2 decimals",
  },
  "invalid-date": { zh: "日期须为有效的 YYYY-MM-DD", en: "Must be a real date as YYYY-MM-DD" },
  "too-long": { zh: "内容过长", en: "Too long" },
  "too-short": { zh: "内容过短", en: "Too short" },
  "not-found": { zh: "未找到{entity}", en: "{entity} not found" },
  unauthenticated: { zh: "请先登录", en: "Please sign in" },
  "session-expired": { zh: "会话已过期,请重新登录", en: "Your session has expired, please sign in again" },
  forbidden: { zh: "您没有执行此操作的权限", en: "You are not allowed to do this" },
  "csrf-rejected": { zh: "请求来源校验失败", en: "The request failed the cross-site check" },
  "invalid-credentials": { zh: "用户名或密码错误", en: "Wrong username or password" },
  "account-locked": {
    zh: "密码错误次数过多,账户已锁定,请 {minutes} 分钟后再试",
    en: "Too many failed attempts; the account is locked for {minutes} minutes",
  },
  "account-disabled": { zh: "账户已停用", en: "This account is disabled" },
  "rate-limited": { zh: "请求过于频繁,请稍后再试", en: "Too many requests, please slow down" },
  "weak-password": {
    zh: "密码至少 10 位,且须包含大写字母、小写字母、数字和符号中的三类,不能包含用户名",
    en: "Passwords need at least 10 characters from three of: upper case, lower case, digits, symbols, and must not contain the username",
  },
  "wrong-current-password": { zh: "当前密码不正确", en: "The current password is wrong" },
  "password-reused": {
    zh: "新密码不能与当前密码相同",
    en: "The new password must differ from the current one",
  },
  "username-taken": { zh: "用户名已存在", en: "That username is taken" },
  "invalid-username": {
    zh: "用户名须为 3–32 位小写字母、数字、点、下划线或连字符",
    en: "Usernames are 3–32 lower-case letters, digits, dots, underscores or hyphens",
  },
  "unknown-role": { zh: "未知角色", en: "Unknown role" },
  "unknown-permission": { zh: "未知权限", en: "Unknown permission" },
  "cannot-remove-own-admin": {
    zh: "不能移除自己的管理员角色或停用自己",
    en: "You cannot remove your own admin role or disable yourself",
  },
  "last-admin": { zh: "至少需要保留一个有效的管理员", en: "At least one active admin must remain" },
  "built-in-role": { zh: "内置角色不能删除", en: "Built-in roles cannot be deleted" },
  "role-in-use": { zh: "角色仍有用户在使用", en: "The role is still assigned to users" },
  "idempotency-key-reused": {
    zh: "同一 Idempotency-Key 已用于不同的请求",
    en: "This Idempotency-Key was already used for a different request",
  },
  "idempotency-in-progress": {
    zh: "相同 Idempotency-Key 的请求正在处理中",
    en: "A request with this Idempotency-Key is still being processed",
  },
  "invalid-idempotency-key": {
    zh: "Idempotency-Key 须为 1–128 位可见字符",
    en: "Idempotency-Key must be 1–128 visible characters",
  },
  "invalid-principal": {
    zh: "本金须在 0.01 至 100,000,000.00 之间,最多两位小数",
    en: "Principal must be 0.01–100,000,000.00 with at most 2 decimals",
  },
  "invalid-rate": {
    zh: "年利率须在 0 至 1 之间(如 0.18 表示 18%)",
    en: "Annual rate must be between 0 and 1 (0.18 = 18%)",
  },
  "invalid-term": {
    zh: "期限须为 1–360 的整数月",
    en: "Term must be a whole number of months from 1 to 360",
  },
  "invalid-method": { zh: "未知的还款方式", en: "Unknown repayment method" },
  "invalid-fee": {
    zh: "费用须为非负金额,最多两位小数,且小于本金",
    en: "Fee must be a non-negative amount with at most 2 decimals, below the principal",
  },
  "invalid-option": { zh: "选项不正确", en: "Invalid option" },
  // customers
  "id-number-format": {
    zh: "身份证号码须为 18 位(末位可为 X)",
    en: "A resident ID number has 18 characters (the last may be X)",
  },
  "id-number-region": {
    zh: "身份证号码的地区码无效",
    en: "The ID number's region code is not a valid province",
  },
  "id-number-birth-date": {
    zh: "身份证号码中的出生日期无效",
    en: "The ID number's birth date is not a real past date",
  },
  "id-number-checksum": { zh: "身份证号码校验位不正确", en: "The ID number's check character is wrong" },
  "credit-code-format": {
    zh: "统一社会信用代码须为 18 位有效字符",
    en: "A unified social credit code has 18 valid characters",
  },
  "credit-code-checksum": {
    zh: "统一社会信用代码校验位不正确",
    en: "The credit code's check character is wrong",
  },
  "credit-code-required": {
    zh: "企业客户须填写统一社会信用代码",
    en: "A business customer needs its unified social credit code",
  },
  "business-kind-required": {
    zh: "企业客户须选择个体工商户或小微企业",
    en: "A business customer is a sole proprietor or a small business",
  },
  "segment-mismatch": { zh: "客户类别与客户类型不符", en: "The segment does not fit the customer type" },
  "invalid-phone": {
    zh: "请输入有效的中国大陆手机号(1 开头 11 位)",
    en: "Enter a mainland mobile number (11 digits starting with 1)",
  },
  "invalid-bank-card": { zh: "银行卡号须为 12–19 位数字", en: "A bank card number has 12–19 digits" },
  "bank-card-checksum": {
    zh: "银行卡号未通过校验(Luhn),请核对",
    en: "The bank card number fails the Luhn check; please verify it",
  },
  "invalid-owner": {
    zh: "归属客户经理不存在或不在您的管理范围内",
    en: "The owner is not a user within your scope",
  },
  "duplicate-id-number": {
    zh: "该身份证号码的客户已存在",
    en: "A customer with this ID number already exists",
  },
  "duplicate-credit-code": {
    zh: "该统一社会信用代码的客户已存在",
    en: "A customer with this credit code already exists",
  },
  "already-blacklisted": { zh: "客户已在黑名单中", en: "The customer is already blacklisted" },
  "not-blacklisted": { zh: "客户不在黑名单中", en: "The customer is not blacklisted" },
  "consent-already-revoked": { zh: "该授权已撤销", en: "This consent is already revoked" },
  "consent-in-future": { zh: "授权时间不能晚于现在", en: "A consent cannot be granted in the future" },
  "file-required": { zh: "请上传一个文件", en: "Upload one file" },
  "file-too-large": { zh: "文件过大(上限 10 MiB)", en: "The file is too large (limit 10 MiB)" },
  "too-many-files": { zh: "每次只能上传一个文件", en: "Upload one file at a time" },
  "unsupported-file-type": {
    zh: "仅接受 PDF、JPEG 或 PNG 文件(按文件内容识别)",
    en: "Only PDF, JPEG or PNG files are accepted (judged by content)",
  },
  "multipart-required": {
    zh: "请以 multipart/form-data 上传文件",
    en: "Upload the file as multipart/form-data",
  },
  "stored-file-missing": { zh: "文件内容缺失或已损坏", en: "The stored file is missing or damaged" },
  // products and rates
  "apr-above-cap": {
    zh: "年化利率(APR){apr}% 超过上限 {cap}%,请调低年利率或费用",
    en: "The APR {apr}% is above the cap of {cap}%; lower the annual rate or the fees",
  },
  "apr-above-4x-lpr": {
    zh: "年化利率(APR){apr}% 高于 {multiple} 倍 LPR({line}%),须在 2027 年底前降至该线以下",
    en: "The APR {apr}% is above {multiple} × LPR ({line}%); loans must come down to that line by the end of 2027",
  },
  "apr-exceeds-cap": {
    zh: "按此年利率和费用计算的年化利率(APR)超过上限",
    en: "With this rate and these fees the APR exceeds the cap",
  },
  "students-never-eligible": { zh: "学生不得作为贷款对象", en: "Students are never eligible" },
  "upfront-fee-not-allowed": {
    zh: "未开启“允许前置费用”设置,放款时不得从本金中扣除费用",
    en: "No fee may be deducted at disbursement unless the upfront-fee setting allows it",
  },
  "one-fee-kind": { zh: "费率与固定金额只能二选一", en: "Give either a rate or a fixed amount, not both" },
  "min-above-max": { zh: "最低金额不能高于最高金额", en: "The minimum amount cannot exceed the maximum" },
  "invalid-age-range": {
    zh: "年龄范围须在 18–75 岁之间且下限不高于上限",
    en: "Ages must be 18–75 with the minimum not above the maximum",
  },
  "invalid-terms": {
    zh: "期限须为 1–360 的整数月,不可重复",
    en: "Terms are distinct whole months from 1 to 360",
  },
  "product-code-taken": { zh: "产品代码已存在", en: "That product code is taken" },
  "product-retired": { zh: "产品已停用,不能再修改", en: "The product is retired and cannot change" },
  "invalid-transition": {
    zh: "产品状态不能从 {from} 变为 {to}",
    en: "A product cannot go from {from} to {to}",
  },
  "effective-from-past": { zh: "生效日期不能早于今天", en: "The effective date cannot be before today" },
  "effective-before-latest": {
    zh: "生效日期不能早于最新版本的生效日期 {latest}",
    en: "The effective date cannot be before the latest version's ({latest})",
  },
  "nothing-to-change": { zh: "没有需要修改的内容", en: "Nothing to change" },
  "application-wrong-status": {
    zh: "申请当前状态为「{status}」,不能执行此步骤",
    en: "The application is {status}; this step cannot be taken now",
  },
  "maker-checker": {
    zh: "经办人不能审核、表决或放款自己经手的申请",
    en: "The person who brought this application cannot review, vote on or disburse it",
  },
  "customer-blacklisted": { zh: "该客户在黑名单中,不能申请", en: "This customer is blacklisted" },
  "student-ineligible": { zh: "学生不得申请贷款", en: "Students are never eligible" },
  "unknown-customer": { zh: "客户不存在或不在您的范围内", en: "No such customer in your scope" },
  "unknown-product": { zh: "产品不存在或未启用", en: "No such active product" },
  "amount-outside-product": {
    zh: "金额不在产品允许的范围内",
    en: "The amount is outside the product's range",
  },
  "term-not-offered": { zh: "产品不提供该期限", en: "The product does not offer this term" },
  "guarantee-not-offered": { zh: "产品不支持该担保方式", en: "The product does not accept this guarantee" },
  "qualification-hard-fail": {
    zh: "该申请未通过「{check}」检查,不能通过资格审查",
    en: "The application failed the {check} check and cannot pass qualification",
  },
  "reason-required-for-override": {
    zh: "有未通过的自动检查,通过时须写明理由",
    en: "Some automatic checks failed: give the reason for passing anyway",
  },
  "not-committee-member": { zh: "您不是贷审委员会成员", en: "You are not a member of the credit committee" },
  "already-voted": { zh: "您已对该申请表决过", en: "You have already voted on this application" },
  "seat-already-voted": {
    zh: "委员会席位「{role}」已表决",
    en: "The committee seat {role} has already voted",
  },
  "date-in-future": { zh: "日期不能晚于今天", en: "The date cannot be in the future" },
  "date-before-approval": {
    zh: "放款日不能早于审批日",
    en: "Disbursement cannot be dated before the approval",
  },
  "per-borrower-limit": {
    zh: "超过单户贷款余额占净资产的上限",
    en: "This would exceed the per-borrower share of net assets",
  },
  "insufficient-funds": {
    zh: "可用资金不足:可用 {available},需 {needed}",
    en: "Insufficient funds: {available} available, {needed} needed",
  },
  // loan servicing, daily batch, ledger and capital
  "loan-not-active": {
    zh: "贷款已结清或已核销({status}),不能再办理此业务",
    en: "The loan is {status}; this cannot be done on it",
  },
  "date-before-disbursement": {
    zh: "日期不能早于放款日",
    en: "The date cannot be before the disbursement date",
  },
  "date-after-business-date": {
    zh: "日期不能晚于当前营业日",
    en: "The date cannot be after the current business date",
  },
  "allocation-mismatch": {
    zh: "还款冲抵结果与账户不一致,已全部回滚",
    en: "The allocation did not match the account; nothing was written",
  },
  "reversal-not-supported": { zh: "此类交易({kind})不能冲正", en: "A {kind} transaction cannot be reversed" },
  "already-reversed": { zh: "该笔交易已冲正", en: "This transaction is already reversed" },
  "reversal-pending": {
    zh: "该笔交易已有待审批的冲正申请",
    en: "A reversal of this transaction is already waiting for approval",
  },
  "reversal-own-proposal": {
    zh: "冲正须由申请人以外的人员审批",
    en: "A reversal must be approved by someone other than its proposer",
  },
  "reversal-not-latest": {
    zh: "只能冲正该贷款最近一笔有效交易,请先冲正之后的交易",
    en: "Only the loan's latest standing transaction can be reversed; reverse the later ones first",
  },
  "reversal-credit-used": {
    zh: "该笔还款形成的溢缴款已退还,不能冲正",
    en: "The credit balance this payment created has been refunded; it cannot be reversed",
  },
  "prepayment-arrears": {
    zh: "请先还清已到期的欠款,再办理部分提前还款",
    en: "Pay what is already due before a partial prepayment",
  },
  "prepayment-nothing-ahead": {
    zh: "已无未到期的期次,请办理正常还款或提前结清",
    en: "No installment is still ahead; post a repayment or settle the loan",
  },
  "prepayment-paid-ahead": {
    zh: "后续期次已有提前还款,不能再重排还款计划",
    en: "Later installments were already paid ahead; the schedule cannot be re-arranged",
  },
  "refund-exceeds-credit": {
    zh: "退款金额超过溢缴款余额 {credit} 元",
    en: "The refund is more than the credit balance of {credit}",
  },
  "batch-already-running": {
    zh: "日终批处理正在运行,请稍后再试",
    en: "A close of business is already running; try again later",
  },
  "cob-too-many-dates": {
    zh: "一次最多处理 {max} 个营业日",
    en: "One run closes at most {max} business dates",
  },
  "cob-incomplete": {
    zh: "{date} 仍有 {loans} 笔贷款未完成日终,营业日未推进",
    en: "{loans} loans are not closed for {date}; the business date did not move",
  },
  "cob-date-before-business-date": {
    zh: "日期不能早于当前营业日 {businessDate}",
    en: "The date cannot be before the current business date {businessDate}",
  },
  "leverage-exceeded": {
    zh: "借款后将超过融资杠杆上限({multiple} 倍净资本,最多 {limit} 元,已借 {borrowed} 元)",
    en: "This borrowing would exceed the leverage cap ({multiple} × net capital: at most {limit}, already {borrowed})",
  },
  "maturity-before-date": {
    zh: "到期日须晚于借款日",
    en: "The maturity date must be after the borrowing date",
  },
  "ledger-posting-invalid": {
    zh: "记账分录不平衡或无效({problem})",
    en: "The journal posting is invalid ({problem})",
  },
  "date-in-past": { zh: "生效日期不能早于今天", en: "The effective date cannot be in the past" },
  "proposal-decided": { zh: "该提议已处理", en: "This proposal has already been decided" },
  // staff: records, org, training, probation, ranks
  "manager-cycle": {
    zh: "汇报关系将形成循环:{chain}",
    en: "The reporting line would loop: {chain}",
  },
  "manager-not-active": {
    zh: "上级 {name} 在 {date} 已离职或尚未入职",
    en: "The manager {name} has left or has not joined by {date}",
  },
  "staff-has-left": { zh: "{name} 已离职,不能再办理此业务", en: "{name} has left; this cannot be done" },
  "staff-not-candidate": { zh: "只有候选人可以办理入职", en: "Only a candidate can be onboarded" },
  "staff-is-candidate": {
    zh: "候选人尚未入职,请先办理入职",
    en: "A candidate has not joined yet; onboard first",
  },
  "assignment-date-order": {
    zh: "生效日期须晚于当前任职的开始日期 {from}",
    en: "The effective date must be after the current assignment's start ({from})",
  },
  "date-before-join": {
    zh: "日期不能早于入职日期 {joinedOn}",
    en: "The date cannot be before joining on {joinedOn}",
  },
  "has-reports": {
    zh: "{name} 仍有 {count} 名下属,请先调整他们的汇报关系",
    en: "{name} still has {count} people reporting to them; move them first",
  },
  "user-already-staff": { zh: "该用户已有员工档案", en: "This user already has a staff record" },
  "employee-no-taken": { zh: "员工编号已存在", en: "That employee number is taken" },
  "rank-not-on-ladder": { zh: "该岗位不参加职级评定", en: "This position is not on the rank ladder" },
  "score-required": { zh: "考试课程须填写成绩(0–100)", en: "An exam course needs a score (0–100)" },
  "not-on-probation": { zh: "{name} 不在试用期", en: "{name} is not on probation" },
  "probation-ended": { zh: "试用期已于 {endsOn} 结束", en: "The probation ended on {endsOn}" },
  "probation-decided": {
    zh: "组长已对该试用期作出决定",
    en: "The leader has already decided this probation",
  },
  "not-the-leader": {
    zh: "只有该员工的上级可以审批其试用期",
    en: "Only the trainee's leader, or someone above them, can decide the probation",
  },
  "invalid-quarter": { zh: "季度须为 YYYY-Qn,如 2026-Q3", en: "A quarter is YYYY-Qn, e.g. 2026-Q3" },
  "quarter-not-over": {
    zh: "{quarter} 尚未结束,不能考核",
    en: "{quarter} has not ended yet; it cannot be reviewed",
  },
  "review-has-decisions": {
    zh: "{quarter} 的考核已有确认的调整,不能重新考核",
    en: "Changes of {quarter}'s review are already confirmed; it cannot be run again",
  },
  "rank-maker-checker": {
    zh: "职级调整须由执行考核以外的人员确认",
    en: "A rank change is confirmed by someone other than who ran the review",
  },
  "rank-changed-since": {
    zh: "该员工的职级在考核后已变更,此提议已失效",
    en: "The person's rank changed after the review; this proposal no longer applies",
  },
  // compensation: plans, payroll runs, disputes
  "invalid-month": { zh: "月份须为 YYYY-MM", en: "A month is YYYY-MM" },
  "plan-code-taken": { zh: "方案代码已存在", en: "That plan code is taken" },
  "invalid-plan": { zh: "薪酬方案有误:{detail}", en: "The pay plan is invalid: {detail}" },
  "plan-month-before-latest": {
    zh: "生效月份不能早于最新版本的 {latest}",
    en: "The effective month cannot be before the latest version's ({latest})",
  },
  "plan-month-locked": {
    zh: "{month} 的工资已锁定,新版本须在其后生效",
    en: "Payroll for {month} is locked; a new version must take effect after it",
  },
  "plan-in-use": { zh: "方案已用于工资核算,不能删除", en: "The plan has been used by a payroll run" },
  "no-plan-in-force": { zh: "{month} 没有生效的薪酬方案", en: "No pay plan is in force for {month}" },
  "plan-required": { zh: "有多个薪酬方案,请指定方案", en: "There are several pay plans; name one" },
  "payroll-run-exists": {
    zh: "{month} 的工资已核算,请使用重新核算",
    en: "Payroll for {month} already exists; recompute it instead",
  },
  "payroll-month-in-future": {
    zh: "不能核算 {month} 之后的工资",
    en: "Payroll cannot be computed for a month after {month}",
  },
  "payroll-wrong-status": {
    zh: "工资单当前状态为「{status}」,不能执行此操作",
    en: "The payroll run is {status}; this cannot be done now",
  },
  "payroll-maker-checker": {
    zh: "工资须由核算、编制、复核人以外的人员审批和锁定",
    en: "Payroll is approved and locked by someone other than who computed, prepared or reviewed it",
  },
  "payroll-open-disputes": {
    zh: "仍有 {count} 条异议未答复,不能审批",
    en: "{count} disputes are still open; the run cannot be approved",
  },
  "payroll-input-invalid": {
    zh: "工资核算数据有误:{detail}",
    en: "The payroll data is invalid: {detail}",
  },
  "dispute-answered": { zh: "该异议已答复", en: "This dispute has already been answered" },
  "missing-management-rate": {
    zh: "方案未设置{position}的管理提成比例,按 0 计算",
    en: "The plan has no management-commission rate for {position}; 0 is used",
  },
  "loans-without-payee": {
    zh: "{count} 笔放款(本金 {principal})的经办人不在本月销售工资名单中,未计入业绩",
    en: "{count} loans (principal {principal}) belong to officers not on this month's sales payroll and count for nobody",
  },
  "internal-error": { zh: "服务器内部错误,请稍后重试", en: "Internal server error, please try again" },
  "route-not-found": { zh: "接口不存在", en: "No such endpoint" },
};

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}

export function messageFor(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const message = MESSAGES[code];
  const template = message ? (locale === "en-US" ? message.en : message.zh) : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
