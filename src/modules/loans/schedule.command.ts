// `microcredit schedule …`: prints a repayment schedule, as the API.md Schedule JSON with --json or
// as a table for people. `args` are the words after `schedule`. Bad input → one line on stderr, exit 2.
import { messageFor } from "../../platform/messages.ts";
import { formatAmount } from "../../platform/money.ts";
import { parseScheduleRequest, type ScheduleJson, scheduleToJson } from "./domain/schedule-json.ts";

export type CommandIo = { stdout: (s: string) => void; stderr: (s: string) => void; today: string };

const USAGE =
  "usage: schedule --principal P --annual-rate R --term N --method M [--start YYYY-MM-DD] [--upfront-fee F] [--json]";

// Flag → request field; the order is the order errors are reported in.
const VALUE_FLAGS: Record<string, string> = {
  principal: "principal",
  "annual-rate": "annualRate",
  term: "termMonths",
  method: "method",
  start: "startDate",
  "upfront-fee": "upfrontFee",
};

const FLAG_OF_FIELD = Object.fromEntries(Object.entries(VALUE_FLAGS).map(([flag, field]) => [field, flag]));

type Parsed = { body: Record<string, string>; json: boolean } | { error: string };

function parseFlags(args: readonly string[]): Parsed {
  const body: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) return { error: `unexpected argument "${arg}"` };
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (name === "json") {
      if (eq !== -1) return { error: "--json takes no value" };
      json = true;
      continue;
    }
    const field = VALUE_FLAGS[name];
    if (field === undefined) return { error: `unknown option --${name}` };
    if (field in body) return { error: `--${name} given twice` };
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith("--")) value = args[++i];
    if (value === undefined || value === "") return { error: `--${name} needs a value` };
    body[field] = value;
  }
  for (const [flag, field] of Object.entries(VALUE_FLAGS).slice(0, 4))
    if (!(field in body)) return { error: `missing --${flag}` };
  return { body, json };
}

export function runScheduleCommand(args: string[], io: CommandIo): number {
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${USAGE}\nmethods: equal-installment, equal-principal, interest-only, bullet, flat\n`);
    return 0;
  }
  const parsed = parseFlags(args);
  if ("error" in parsed) {
    io.stderr(`schedule: ${parsed.error} (${USAGE})\n`);
    return 2;
  }
  const request = parseScheduleRequest(parsed.body, { today: io.today });
  if (!request.ok) {
    const [field, code] = Object.entries(request.fields).sort(
      ([a], [b]) => Object.keys(FLAG_OF_FIELD).indexOf(a) - Object.keys(FLAG_OF_FIELD).indexOf(b),
    )[0];
    const flag = FLAG_OF_FIELD[field] ?? field;
    const given = parsed.body[field] ?? io.today;
    io.stderr(`schedule: --${flag} ${JSON.stringify(given)}: ${messageFor(code, "en-US")}\n`);
    return 2;
  }
  const json = scheduleToJson(request.value);
  io.stdout(
    parsed.json
      ? `${JSON.stringify(json, null, 2)}\n`
      : renderTable({ json, upfrontFee: formatAmount(request.value.upfrontFee) }),
  );
  return 0;
}

const METHOD_NAMES: Record<ScheduleJson["method"], string> = {
  "equal-installment": "等额本息 equal installment",
  "equal-principal": "等额本金 equal principal",
  "interest-only": "先息后本 interest only",
  bullet: "一次性还本付息 bullet",
  flat: "等本等息 flat",
};

// CJK characters take two terminal columns; padding by string length would misalign the table.
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return columns;
}

function pad(options: { text: string; columns: number; left?: boolean }): string {
  const fill = " ".repeat(Math.max(0, options.columns - width(options.text)));
  return options.left ? options.text + fill : fill + options.text;
}

function renderTable({ json, upfrontFee }: { json: ScheduleJson; upfrontFee: string }): string {
  const header = [
    "期数 No.",
    "还款日 Due",
    "本金 Principal",
    "利息 Interest",
    "费用 Fee",
    "月供 Total",
    "剩余本金 Balance",
  ];
  const body = json.installments.map((row) => [
    String(row.period),
    row.dueDate,
    row.principal,
    row.interest,
    row.fee,
    row.total,
    row.remainingPrincipal,
  ]);
  const totals = [
    "合计 Sum",
    "",
    json.totals.principal,
    json.totals.interest,
    json.totals.fee,
    json.totals.total,
    "",
  ];
  const all = [header, ...body, totals];
  const columns = header.map((_, c) => Math.max(...all.map((line) => width(line[c]))));
  const format = (line: string[]) =>
    line
      .map((text, c) => pad({ text, columns: columns[c], left: c < 2 }))
      .join("  ")
      .trimEnd();
  const rule = columns.map((n) => "-".repeat(n)).join("  ");
  return [
    `还款方式 Method: ${METHOD_NAMES[json.method]}`,
    `本金 Principal: ${json.principal}   年利率 Annual rate: ${json.annualRate}   期限 Term: ${json.termMonths} months`,
    `期初手续费 Upfront fee: ${upfrontFee}   年化利率 APR (IRR): ${json.apr}%`,
    "",
    format(header),
    rule,
    ...body.map(format),
    rule,
    format(totals),
    "",
  ].join("\n");
}
