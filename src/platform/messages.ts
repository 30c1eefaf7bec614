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
  "payroll-open-disputes-lock": {
    zh: "仍有 {count} 条异议未答复,不能锁定",
    en: "{count} disputes are still open; the run cannot be locked",
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
  // collections (催收): the conduct rules of DOMAIN.md §8 and the work queue
  "collections-quiet-hours": {
    zh: "{time} 在禁止联系时段 {start}–{end}(北京时间)内,且债务人未同意在此时间被联系",
    en: "{time} falls in the quiet hours {start}–{end} (China time) and the debtor has not consented to contact at that time",
  },
  "collections-attempt-limit": {
    zh: "今天已对该联系人用此方式尝试 {count} 次未接通,已达每日上限 {max} 次;请明天再试或换用其他方式",
    en: "{count} unanswered attempts on this contact by this method today reach the daily limit of {max}; try tomorrow or another method",
  },
  "collections-third-party-method": {
    zh: "不得以此方式联系第三方",
    en: "A third party may not be contacted this way",
  },
  "collections-third-party-purpose": {
    zh: "联系第三方只能请其转告回电或询问联系方式,不得涉及债务",
    en: "With a third party you may only ask them to pass on a message or for contact details, never about the debt",
  },
  "collections-third-party-promise": {
    zh: "第三方不是债务人,不能登记其还款承诺",
    en: "A third party is not the debtor; no promise to pay can be taken from them",
  },
  "collections-third-party-disclosure": {
    zh: "对第三方的记录含有涉及债务的词语「{term}」:不得向第三方透露债务",
    en: "The text for a third party contains the debt word “{term}”: third parties are never told about the debt",
  },
  "collections-outcome-method": {
    zh: "该结果与联系方式不符",
    en: "This outcome does not fit the contact method",
  },
  "collections-promise-required": {
    zh: "承诺还款须填写承诺金额和日期",
    en: "A promise to pay needs an amount and a date",
  },
  "collections-promise-unexpected": {
    zh: "只有结果为「承诺还款」时才能填写承诺金额和日期",
    en: "A promised amount and date go only with the outcome “promise to pay”",
  },
  "collections-promise-date-range": {
    zh: "承诺还款日期须在 {from} 至 {to} 之间",
    en: "The promised date must be between {from} and {to}",
  },
  "collections-promise-too-large": {
    zh: "承诺金额不能超过贷款未还总额 {max} 元",
    en: "The promised amount cannot exceed the {max} owed on the loan",
  },
  "collections-future-time": { zh: "联系时间不能晚于现在", en: "The contact time cannot be in the future" },
  "collections-too-old": {
    zh: "只能补录 {hours} 小时内发生的联系",
    en: "Only attempts from the last {hours} hours can be logged",
  },
  "collections-next-action-date": {
    zh: "下次跟进日期须在 {from} 至 {to} 之间",
    en: "The next action date must be between {from} and {to}",
  },
  "collections-task-not-found": {
    zh: "未找到该催收任务,或不在您的处理范围内",
    en: "Collection task not found, or not in your queue",
  },
  "collections-task-closed": {
    zh: "该催收任务已结案,不能再登记或分配",
    en: "This collection task is resolved; nothing more can be logged or assigned on it",
  },
  "collections-contact-unknown": {
    zh: "联系人不存在或已停用",
    en: "No such active contact on this loan",
  },
  "collections-consent-party": {
    zh: "只能记录债务人(借款人、保证人、共同借款人)本人的同意",
    en: "Only a debtor (borrower, guarantor, co-borrower) can consent to contact in quiet hours",
  },
  "collections-consent-revoked": { zh: "该同意已撤回", en: "This consent is already revoked" },
  "collections-not-collector": {
    zh: "所选人员不是负责此队列的在岗催收员",
    en: "The person chosen is not an active collector of this queue",
  },
  "collections-user-not-worker": {
    zh: "该用户没有「贷后管理与催收」权限,不能设为催收员",
    en: "This user lacks the collections permission and cannot be a collector",
  },
  // restructuring / extension (展期/重组), write-off (核销) and recovery after write-off
  "extension-or-term": {
    zh: "请填写展期月数或新期限(二选一)",
    en: "Give either the extension in months or the new term, not both",
  },
  "date-before-restructuring": {
    zh: "日期不能早于展期/重组生效日",
    en: "The date cannot be before the restructuring took effect",
  },
  "loan-written-off": {
    zh: "贷款已核销,不能登记还款;收回的款项请通过「核销后收回」登记",
    en: "The loan is written off; record money received as a recovery after write-off",
  },
  "restructuring-pending": {
    zh: "该贷款已有审批中的展期/重组方案",
    en: "A restructuring of this loan is already awaiting approval",
  },
  "write-off-pending": {
    zh: "该贷款已有待审批的核销申请",
    en: "A write-off of this loan is already awaiting approval",
  },
  "restructuring-wrong-status": {
    zh: "该方案当前状态为「{status}」,不能执行此操作",
    en: "The restructuring is {status}; this cannot be done now",
  },
  "restructuring-own-proposal": {
    zh: "提议人不能会签或表决自己提议的展期/重组方案",
    en: "The proposer cannot co-sign or vote on their own restructuring",
  },
  "not-cosigner": {
    zh: "您不在展期/重组的会签角色中(默认为风险评估师)",
    en: "You do not hold a role that co-signs restructurings (by default the risk assessor)",
  },
  "not-proposer": { zh: "只有提议人可以撤回", en: "Only the proposer can withdraw it" },
  "write-off-dpd-too-low": {
    zh: "该贷款逾期 {dpd} 天,未达到核销所需的 {min} 天",
    en: "The loan is {dpd} days past due; a write-off needs at least {min}",
  },
  "write-off-own-proposal": {
    zh: "核销须由提议人以外的人员审批",
    en: "A write-off must be decided by someone other than its proposer",
  },
  "write-off-credit-balance": {
    zh: "该贷款有溢缴款 {credit},请先退还再核销",
    en: "The loan holds a credit balance of {credit}; refund it before the write-off",
  },
  "above-principal-outstanding": {
    zh: "不能超过未偿本金",
    en: "Cannot be more than the principal outstanding",
  },
  "write-off-above-principal": {
    zh: "部分核销的本金已不低于未偿本金 {outstanding}(提议后有还款),请驳回后重新提议",
    en: "The principal to write off is no longer below the {outstanding} outstanding (paid since the proposal); reject it and propose again",
  },
  "penalty-rate-above-cap": {
    zh: "罚息年利率不能超过利率上限(设置 rates.apr-cap,默认 24%)",
    en: "The penalty rate cannot exceed the rate cap (setting rates.apr-cap, 24% by default)",
  },
  "write-off-none-pending": {
    zh: "该贷款没有待审批的核销申请",
    en: "There is no write-off of this loan awaiting approval",
  },
  "loan-not-written-off": {
    zh: "只有已核销的贷款可以登记核销后收回",
    en: "Only a written-off loan takes recoveries",
  },
  "recovery-exceeds-written-off": {
    zh: "收回金额超过尚未收回的核销余额 {remaining}",
    en: "The amount is more than the {remaining} still written off",
  },
  "date-before-write-off": {
    zh: "日期不能早于核销日",
    en: "The date cannot be before the write-off",
  },
  "reversal-before-restructuring": {
    zh: "该笔交易早于贷款的展期/重组,不能冲正",
    en: "This transaction predates the loan's restructuring and cannot be reversed",
  },
  // repayment imports (批量还款导入): the file, the batch, and the reason shown on each row
  "import-file-empty": { zh: "文件中没有数据行", en: "The file has no data rows" },
  "import-file-no-rows": { zh: "表头下没有数据行", en: "There are no rows under the header" },
  "import-file-xls": {
    zh: "不支持旧版 .xls 文件,请在 Excel 中另存为 .xlsx 或 CSV 后上传",
    en: "Old .xls files are not supported; save it as .xlsx or CSV in Excel and upload that",
  },
  "import-file-type": {
    zh: "文件不是 Excel(.xlsx)或 CSV 表格",
    en: "The file is not an Excel (.xlsx) or CSV table",
  },
  "import-file-unreadable": {
    zh: "无法读取该 Excel 文件,文件可能已损坏",
    en: "The Excel file cannot be read; it may be damaged",
  },
  "import-not-open": {
    zh: "该导入批次已入账或已作废,不能再修改或入账",
    en: "This import was already posted or discarded; it can no longer be changed or posted",
  },
  "import-column-used-twice": { zh: "同一列不能对应两个字段", en: "One column cannot feed two fields" },
  "import-loan-not-found": { zh: "没有这个贷款编号", en: "No loan has this number" },
  "import-unresolved-rows": {
    zh: "还有 {count} 行待确认、未匹配或数据有误,请逐行处理或排除后再入账",
    en: "{count} rows are ambiguous, unmatched or invalid; settle or exclude them before posting",
  },
  "import-nothing-to-post": { zh: "没有可入账的已匹配行", en: "There are no matched rows to post" },
  "import-post-failed": {
    zh: "{count} 行入账失败,整批未入账(全部回滚),请查看各行原因",
    en: "{count} rows could not be posted, so nothing was posted; see the reason on each row",
  },
  "import-mapping-incomplete": {
    zh: "请先指定交易日期、金额和流水号所在的列",
    en: "Choose the columns of the date, the amount and the reference first",
  },
  "import-row-outgoing": { zh: "支出(借方)记录,不是还款", en: "Money out (debit), not a repayment" },
  "import-row-summary": { zh: "合计行", en: "A total line" },
  "import-row-no-amount": { zh: "没有收入金额", en: "No amount received" },
  "import-row-no-reference": {
    zh: "缺少流水号,无法防止重复入账",
    en: "No reference number, so a double posting could not be prevented",
  },
  "import-row-excluded": { zh: "已手工排除", en: "Excluded by hand" },
  "import-row-posted-before": {
    zh: "该流水号已入账过(同一渠道),不会重复入账",
    en: "This reference was already posted on this channel; it is not posted twice",
  },
  "import-row-duplicate-in-file": {
    zh: "与文件中前面一行的流水号相同",
    en: "Same reference as an earlier row of the file",
  },
  "import-row-several-loans": {
    zh: "可能对应多笔贷款,请选择",
    en: "Could be one of several loans; choose one",
  },
  "import-row-amount-differs": {
    zh: "户名相符,但金额与应还金额不一致,请确认贷款",
    en: "The name matches but the amount is not the amount due; confirm the loan",
  },
  "import-row-no-match": {
    zh: "找不到对应的贷款(摘要无贷款编号,户名不符)",
    en: "No loan found (no loan number in the memo, no borrower of that name)",
  },
  "import-row-loan-not-active": {
    zh: "贷款已结清或已核销,不能入账",
    en: "The loan is closed or written off; it cannot take a payment",
  },
  // Sales CRM: leads, calls and their imports (src/modules/crm).
  "lead-duplicate-lead": {
    zh: "该号码已是{owner}的线索「{name}」(撞单)。确需新建请选择“仍然创建”",
    en: "This number is already {owner}'s lead “{name}”. Choose “create anyway” if you are sure",
  },
  "lead-duplicate-customer": {
    zh: "该号码或证件已是{owner}的客户「{name}」(撞单)。确需新建请选择“仍然创建”",
    en: "This number or ID already belongs to {owner}'s customer “{name}”. Choose “create anyway” if you are sure",
  },
  "lead-duplicate": { zh: "与已有线索或客户重复(撞单)", en: "Already someone's lead or customer" },
  "referrer-required": { zh: "转介绍线索须填写推荐人", en: "A referral needs the referrer" },
  "campaign-required": { zh: "活动线索须选择营销活动", en: "An event lead needs its campaign" },
  "unknown-campaign": { zh: "营销活动不存在", en: "No such campaign" },
  "stage-unchanged": { zh: "线索已处于该阶段", en: "The lead is already at that stage" },
  "stage-move-not-allowed": {
    zh: "线索当前阶段不能这样调整(“已申请”只能通过转化产生,已放款和已申请不能退回)",
    en: "The lead cannot move that way (“applied” comes only from converting; applied and disbursed leads do not go back)",
  },
  "assignment-group-empty": {
    zh: "该组没有可分配线索的组员",
    en: "The group has no members who work leads",
  },
  "assignment-no-capacity": {
    zh: "组内可分配的人员都已满额或不在岗,无法分配 {count} 条线索",
    en: "Everyone in the group is away or at their cap of open leads; {count} leads cannot be assigned",
  },
  "owner-or-group": {
    zh: "请指定新的负责人或分配小组(二选一)",
    en: "Give either a new owner or a group to spread the leads over",
  },
  "merge-same-lead": { zh: "不能与自身合并", en: "A lead cannot be merged with itself" },
  "merge-both-converted": {
    zh: "两条线索已分别转为不同客户,不能合并",
    en: "Both leads were converted into different customers; they cannot be merged",
  },
  "merge-different-id-numbers": {
    zh: "两条线索的身份证号不同,不是同一人,不能合并",
    en: "The leads carry different ID numbers, so they are not one person",
  },
  "lead-student": {
    zh: "不得向学生营销或放贷,该线索不能转为申请",
    en: "No marketing or lending to students; this lead cannot become an application",
  },
  "lead-not-convertible": {
    zh: "该线索当前阶段不能转为申请",
    en: "A lead at this stage cannot be converted",
  },
  "unknown-outcome": { zh: "通话结果不存在或已停用", en: "Unknown or retired call outcome" },
  "outcome-exists": { zh: "通话结果代码“{code}”已存在", en: "Outcome code “{code}” already exists" },
  "invalid-outcome-code": {
    zh: "代码须为 2–40 位小写字母、数字或连字符",
    en: "Codes are 2–40 lower-case letters, digits or hyphens",
  },
  "lead-do-not-call": {
    zh: "客户已要求勿扰,不能再拨打",
    en: "The customer asked not to be called",
  },
  "call-in-future": { zh: "通话时间不能晚于现在", en: "A call cannot start in the future" },
  "campaign-in-use": {
    zh: "已有 {count} 条线索属于该活动,不能删除;可填写结束日期",
    en: "{count} leads belong to this campaign, so it cannot be deleted; set its end date instead",
  },
  "end-before-start": { zh: "结束日期不能早于开始日期", en: "The end date cannot be before the start" },
  "import-rejected": {
    zh: "文件有 {count} 处错误,未导入任何数据",
    en: "The file has {count} errors; nothing was imported",
  },
  "import-file-too-large": { zh: "文件过大(上限 {max} MiB)", en: "The file is too large (limit {max} MiB)" },
  "import-unsupported-file": {
    zh: "只支持 .csv 或 .xlsx 文件",
    en: "Only .csv and .xlsx files can be imported",
  },
  "import-missing-column": { zh: "缺少必需的列“{column}”", en: "The required column “{column}” is missing" },
  "import-unknown-column": {
    zh: "无法识别的列“{column}”",
    en: "Unknown column “{column}”",
  },
  "import-repeated-column": { zh: "列“{column}”重复", en: "Column “{column}” appears twice" },
  "import-value-required": { zh: "“{column}”不能为空", en: "“{column}” is empty" },
  "import-value-too-long": { zh: "“{column}”内容过长", en: "“{column}” is too long" },
  "import-bad-direction": {
    zh: "呼叫方向须为 呼出/呼入(outbound/inbound)",
    en: "Direction must be outbound or inbound (呼出/呼入)",
  },
  "import-bad-phone": { zh: "“{column}”不是有效的电话号码", en: "“{column}” is not a valid phone number" },
  "import-bad-time": {
    zh: "“{column}”不是有效的时间(如 2026-11-03 09:15:22)",
    en: "“{column}” is not a valid time (e.g. 2026-11-03 09:15:22)",
  },
  "import-time-in-future": { zh: "通话时间晚于现在", en: "The call starts in the future" },
  "import-end-before-start": { zh: "结束时间早于开始时间", en: "The call ends before it starts" },
  "import-answer-before-start": { zh: "接通时间早于开始时间", en: "The call is answered before it starts" },
  "import-answer-after-end": { zh: "接通时间晚于结束时间", en: "The call is answered after it ends" },
  "import-bad-seconds": {
    zh: "通话时长须为秒数或 时:分:秒",
    en: "Talk time must be seconds or h:mm:ss",
  },
  "import-talk-exceeds-duration": {
    zh: "通话时长超过了开始到结束的时长",
    en: "The talk time is longer than the call",
  },
  "import-bad-url": { zh: "录音地址须为 http(s) 链接", en: "The recording must be an http(s) link" },
  "import-unknown-agent": {
    zh: "坐席“{agent}”不是系统用户(用户名或工号)",
    en: "Agent “{agent}” is no user (username or employee number)",
  },
  "import-duplicate-in-file": {
    zh: "与第 {first} 行重复",
    en: "Repeats row {first}",
  },
  "import-too-many-rows": {
    zh: "文件超过 {max} 行,请拆分后导入",
    en: "The file has more than {max} rows; split it",
  },
  "import-unreadable-file": {
    zh: "无法读取文件,请确认是 .csv 或 .xlsx",
    en: "The file cannot be read; is it a .csv or .xlsx?",
  },
  "import-empty-file": { zh: "文件是空的", en: "The file is empty" },
  "import-no-rows": { zh: "文件只有表头,没有数据行", en: "The file has a header but no rows" },
  "import-bad-source": {
    zh: "来源须为 网络/合作推广/转介绍/活动/电销名单/到店",
    en: "Source must be one of 网络/合作推广/转介绍/活动/电销名单/到店 (or their English names)",
  },
  "import-bad-intent-level": { zh: "意向等级须为 A、B 或 C", en: "Intent level must be A, B or C" },
  "import-unknown-owner": {
    zh: "负责人“{owner}”不在您可分配的人员中",
    en: "Owner “{owner}” is not someone you can assign leads to",
  },
  // Sales floor: revisits, appointments, feedback, KPIs, PK, targets, daily report (src/modules/crm).
  "follow-up-in-past": {
    zh: "回访日期不能早于今天(营业日)",
    en: "The revisit date cannot be before today (business date)",
  },
  "follow-up-not-open": {
    zh: "该回访任务已完成或已取消",
    en: "This revisit task is already done or cancelled",
  },
  "appointment-in-past": {
    zh: "约见时间不能早于今天(营业日)",
    en: "The appointment cannot be before today (business date)",
  },
  "appointment-transition": {
    zh: "约见状态不能从“{from}”改为“{to}”",
    en: "An appointment cannot go from “{from}” to “{to}”",
  },
  "appointment-not-yet": {
    zh: "约见日期({date})未到,只能取消或改期",
    en: "The appointment ({date}) has not come yet: it can only be cancelled or moved",
  },
  "received-in-future": { zh: "受理时间不能晚于现在", en: "The time received cannot be in the future" },
  "feedback-transition": {
    zh: "反馈/投诉状态不能从“{from}”改为“{to}”",
    en: "Feedback cannot go from “{from}” to “{to}”",
  },
  "kpi-no-unit": {
    zh: "您当前不属于任何小组或团队,请选择要查看的单位",
    en: "You are in no group or team today; choose one to view",
  },
  "pk-too-few": { zh: "PK 至少需要两个参赛小组或团队", en: "A PK needs at least two groups or teams" },
  "pk-closed": { zh: "该 PK 已结束结算或已取消", en: "This PK is already settled or cancelled" },
  "pk-not-ended": {
    zh: "PK 到 {date} 才结束,结束后才能结算",
    en: "The PK runs until {date}; settle it after that",
  },
  "own-target": { zh: "不能为自己的团队设定目标", en: "You cannot set your own team's target" },
  "report-in-future": {
    zh: "只能生成营业日({date})及以前的日报",
    en: "Reports can be made up to the business date ({date})",
  },
  "range-too-long": { zh: "查询区间过长", en: "The range is too long" },
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
