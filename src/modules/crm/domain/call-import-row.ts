// One row of a phone system's call detail record (CDR) checked and turned into a call. Every problem
// of the row is reported (with the column as the file names it), so one pass gives the whole report.
// The agent is only read here; the service resolves it against the staff list.
import type { ColumnSpec } from "./import-columns.ts";
import {
  type Direction,
  normaliseAgentLine,
  normaliseCounterpart,
  type PhoneKind,
  parseDirection,
  parseSeconds,
  parseTimestamp,
} from "./import-values.ts";

export type CdrField =
  | "callId"
  | "direction"
  | "agent"
  | "caller"
  | "callee"
  | "startedAt"
  | "answeredAt"
  | "endedAt"
  | "talkSeconds"
  | "result"
  | "recordingUrl"
  | "vendor";

export const CDR_COLUMNS: readonly ColumnSpec<CdrField>[] = [
  {
    field: "callId",
    required: true,
    aliases: ["call id", "通话id", "通话编号", "呼叫id", "话单id", "话单编号", "callid", "uniqueid", "id"],
  },
  {
    field: "direction",
    required: true,
    aliases: ["direction", "方向", "呼叫方向", "通话方向", "呼叫类型", "类型"],
  },
  {
    field: "agent",
    required: true,
    aliases: [
      "agent",
      "坐席",
      "座席",
      "坐席工号",
      "工号",
      "员工编号",
      "用户名",
      "坐席账号",
      "username",
      "employee no",
    ],
  },
  { field: "caller", required: true, aliases: ["caller", "主叫", "主叫号码", "from", "calling number"] },
  { field: "callee", required: true, aliases: ["callee", "被叫", "被叫号码", "to", "called number"] },
  {
    field: "startedAt",
    required: true,
    aliases: ["start", "start time", "开始时间", "呼叫时间", "发起时间", "开始"],
  },
  {
    field: "answeredAt",
    required: false,
    aliases: ["answer", "answer time", "接通时间", "应答时间", "接听时间"],
  },
  { field: "endedAt", required: false, aliases: ["end", "end time", "结束时间", "挂断时间", "结束"] },
  {
    field: "talkSeconds",
    required: false,
    aliases: ["talk seconds", "talk time", "通话时长", "通话秒数", "时长", "billsec", "duration"],
  },
  {
    field: "result",
    required: false,
    aliases: ["result", "结果", "通话结果", "呼叫结果", "状态", "disposition"],
  },
  {
    field: "recordingUrl",
    required: false,
    aliases: ["recording url", "recording", "录音", "录音地址", "录音链接", "录音文件"],
  },
  { field: "vendor", required: false, aliases: ["vendor", "供应商", "厂商", "运营商", "平台", "线路商"] },
];

export type RowError = {
  /** Line in the file (the header is line 1). */
  row: number;
  /** The column as the file names it, or null for the whole row / file. */
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
};

export type CdrRow = {
  line: number;
  vendor: string;
  callId: string;
  direction: Direction;
  agentKey: string;
  callerLine: string;
  calleeLine: string;
  counterpart: { number: string; kind: PhoneKind };
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  talkSeconds: number;
  connected: boolean;
  result: string | null;
  recordingUrl: string | null;
};

type Context = {
  line: number;
  headerOf: (field: CdrField) => string;
  cell: (field: CdrField) => string;
  defaultVendor: string;
  /** Calls later than this are refused as mistyped times. */
  latest: Date;
};

const MAX_ID = 100;
const MAX_TEXT = 200;

export function parseCdrRow(ctx: Context): { row: CdrRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: CdrField | null, code: string, params?: RowError["params"]) => {
    errors.push({
      row: ctx.line,
      column: field ? ctx.headerOf(field) : null,
      code,
      ...(params ? { params } : {}),
    });
  };
  const required = (field: CdrField) => {
    const value = ctx.cell(field);
    if (value === "") fail(field, "import-value-required");
    return value;
  };

  const callId = required("callId");
  if (callId.length > MAX_ID) fail("callId", "import-value-too-long");
  const vendor = ctx.cell("vendor") || ctx.defaultVendor;
  if (vendor.length > MAX_TEXT) fail("vendor", "import-value-too-long");
  const directionText = required("direction");
  const direction = directionText ? parseDirection(directionText) : null;
  if (directionText && !direction) fail("direction", "import-bad-direction");
  const agentKey = required("agent");

  const callerText = required("caller");
  const calleeText = required("callee");
  // The customer is the callee of an outbound call and the caller of an inbound one.
  const customerSide: CdrField = direction === "inbound" ? "caller" : "callee";
  const agentSide: CdrField = customerSide === "caller" ? "callee" : "caller";
  const customerText = customerSide === "caller" ? callerText : calleeText;
  const agentText = agentSide === "caller" ? callerText : calleeText;
  const counterpart = customerText ? normaliseCounterpart(customerText) : null;
  if (customerText && !counterpart) fail(customerSide, "import-bad-phone");
  const agentLine = agentText ? normaliseAgentLine(agentText) : null;
  if (agentText && !agentLine) fail(agentSide, "import-bad-phone");

  const time = (field: CdrField, isRequired: boolean) => {
    const text = isRequired ? required(field) : ctx.cell(field);
    if (!text) return null;
    const at = parseTimestamp(text);
    if (!at) fail(field, "import-bad-time");
    return at;
  };
  const startedAt = time("startedAt", true);
  const answeredAt = time("answeredAt", false);
  const endedAt = time("endedAt", false);
  if (startedAt && startedAt > ctx.latest) fail("startedAt", "import-time-in-future");
  if (startedAt && endedAt && endedAt < startedAt) fail("endedAt", "import-end-before-start");
  if (startedAt && answeredAt && answeredAt < startedAt) fail("answeredAt", "import-answer-before-start");
  if (answeredAt && endedAt && answeredAt > endedAt) fail("answeredAt", "import-answer-after-end");

  const talkText = ctx.cell("talkSeconds");
  let talkSeconds = 0;
  if (talkText) {
    const parsed = parseSeconds(talkText);
    if (parsed === null) fail("talkSeconds", "import-bad-seconds");
    else talkSeconds = parsed;
  } else if (answeredAt && endedAt && endedAt >= answeredAt) {
    talkSeconds = Math.round((endedAt.getTime() - answeredAt.getTime()) / 1000);
  }
  if (
    startedAt &&
    endedAt &&
    endedAt >= startedAt &&
    talkSeconds > (endedAt.getTime() - startedAt.getTime()) / 1000 + 1
  )
    fail("talkSeconds", "import-talk-exceeds-duration");

  const result = ctx.cell("result") || null;
  if (result && result.length > MAX_TEXT) fail("result", "import-value-too-long");
  const recordingUrl = ctx.cell("recordingUrl") || null;
  if (recordingUrl && (!/^https?:\/\/\S+$/i.test(recordingUrl) || recordingUrl.length > 1000))
    fail("recordingUrl", "import-bad-url");

  if (errors.length || !direction || !counterpart || !agentLine || !startedAt) return { row: null, errors };
  return {
    row: {
      line: ctx.line,
      vendor,
      callId,
      direction,
      agentKey,
      callerLine: customerSide === "caller" ? counterpart.number : agentLine,
      calleeLine: customerSide === "callee" ? counterpart.number : agentLine,
      counterpart,
      startedAt,
      answeredAt,
      endedAt,
      talkSeconds,
      // A phone system marks an answered call by its answer time or by talk time.
      connected: answeredAt !== null || talkSeconds > 0,
      result,
      recordingUrl,
    },
    errors,
  };
}
