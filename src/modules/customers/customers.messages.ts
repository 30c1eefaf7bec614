// Error messages of customers, in zh-CN and en-US: ID and credit-code checks, duplicates, blacklist,
// consent, documents.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const CUSTOMER_MESSAGES: Messages = {
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
  "invalid-bank-card": { zh: "银行卡号须为 12–19 位数字", en: "A bank card number has 12–19 digits" },
  "bank-card-checksum": {
    zh: "银行卡号未通过校验(Luhn),请核对",
    en: "The bank card number fails the Luhn check; please verify it",
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
  "consent-already-revoked": { zh: "该授权已撤销", en: "This consent is already revoked" },
  "consent-in-future": { zh: "授权时间不能晚于现在", en: "A consent cannot be granted in the future" },
  "unsupported-file-type": {
    zh: "仅接受 PDF、JPEG 或 PNG 文件(按文件内容识别)",
    en: "Only PDF, JPEG or PNG files are accepted (judged by content)",
  },
  "stored-file-missing": { zh: "文件内容缺失或已损坏", en: "The stored file is missing or damaged" },
};
