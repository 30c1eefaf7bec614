// `microcredit payroll calc --input FILE [--json]`: statements for a scenario file, no database.
// `args` are the words after `calc`. A bad file or scenario → one line on stderr naming the field, exit 2.
import { type Fen, formatAmount, parseAmount, sumFen } from "../../platform/money.ts";
import { PayrollInputError } from "./domain/errors.ts";
import { computePayroll } from "./domain/payroll.ts";
import { type PayrollJson, parsePayrollScenario, payrollToJson } from "./domain/scenario-json.ts";

export type PayrollCalcIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (path: string) => string;
};

const USAGE = "usage: payroll calc --input FILE [--json]";

type Parsed = { input: string; json: boolean } | { error: string } | { help: true };

function parseFlags(args: readonly string[]): Parsed {
  let input: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return { help: true };
    if (arg === "--json") {
      json = true;
    } else if (arg === "--input" || arg.startsWith("--input=")) {
      if (input !== undefined) return { error: "--input given twice" };
      const value = arg === "--input" ? args[++i] : arg.slice("--input=".length);
      if (value === undefined || value === "" || value.startsWith("--"))
        return { error: "--input needs a file name" };
      input = value;
    } else {
      return {
        error: arg.startsWith("--") ? `unknown option ${arg.split("=")[0]}` : `unexpected argument "${arg}"`,
      };
    }
  }
  return input === undefined ? { error: "missing --input FILE" } : { input, json };
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0];
}

export function runPayrollCalcCommand(args: string[], io: PayrollCalcIo): number {
  const parsed = parseFlags(args);
  if ("help" in parsed) {
    io.stdout(`${USAGE}\nFILE is a payroll scenario (API.md "Payroll scenario").\n`);
    return 0;
  }
  if ("error" in parsed) {
    io.stderr(`payroll calc: ${parsed.error} (${USAGE})\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(parsed.input);
  } catch (error) {
    io.stderr(`payroll calc: cannot read ${parsed.input}: ${reason(error)}\n`);
    return 2;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(text);
  } catch (error) {
    io.stderr(`payroll calc: ${parsed.input} is not valid JSON: ${reason(error)}\n`);
    return 2;
  }
  let output: PayrollJson;
  try {
    output = payrollToJson(computePayroll(parsePayrollScenario(scenario)));
  } catch (error) {
    if (!(error instanceof PayrollInputError)) throw error;
    const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : "";
    io.stderr(`payroll calc: ${parsed.input}: ${error.path}: ${error.issues[0].message}${more}\n`);
    return 2;
  }
  io.stdout(parsed.json ? `${JSON.stringify(output, null, 2)}\n` : renderTable(output));
  return 0;
}

// CJK characters take two terminal columns; padding by string length would misalign the table.
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\uffff]/.test(char) ? 2 : 1;
  return columns;
}

function pad(options: { text: string; columns: number; left: boolean }): string {
  const fill = " ".repeat(Math.max(0, options.columns - width(options.text)));
  return options.left ? options.text + fill : fill + options.text;
}

const STAGE_NAMES: Record<PayrollJson["statements"][number]["stage"], string> = {
  probation: "试用期 probation",
  "first-month": "转正首月 first month",
  regular: "正式 regular",
};

function sum(values: string[]): string {
  return formatAmount(sumFen(values.map((v) => parseAmount(v) ?? (0 as Fen))));
}

function renderTable(output: PayrollJson): string {
  const header = [
    "员工 Staff",
    "阶段 Stage",
    "年化业绩 Perf.",
    "目标 Target",
    "底薪 Base",
    "扣减 Deduct.",
    "提成 Comm.",
    "管理提成 Mgmt.",
    "合计 Total",
  ];
  const rows = output.statements.map((s) => [
    s.staffId,
    STAGE_NAMES[s.stage],
    s.annualizedPerformance,
    s.target ?? "-",
    s.baseSalary,
    s.deduction,
    s.commission,
    s.managementCommission,
    s.total,
  ]);
  const column = (key: "baseSalary" | "deduction" | "commission" | "managementCommission" | "total") =>
    sum(output.statements.map((s) => s[key]));
  const totals = [
    "合计 Sum",
    "",
    "",
    "",
    column("baseSalary"),
    column("deduction"),
    column("commission"),
    column("managementCommission"),
    column("total"),
  ];
  const all = [header, ...rows, totals];
  const columns = header.map((_, c) => Math.max(...all.map((line) => width(line[c]))));
  const format = (line: string[]) =>
    line
      .map((text, c) => pad({ text, columns: columns[c], left: c < 2 }))
      .join("  ")
      .trimEnd();
  const rule = columns.map((n) => "-".repeat(n)).join("  ");
  const warnings = output.statements.flatMap((s) => (s.warnings ?? []).map((w) => `! ${s.staffId}: ${w}`));
  return [
    `薪酬月份 Payroll month: ${output.month}`,
    "",
    format(header),
    rule,
    ...rows.map(format),
    rule,
    format(totals),
    ...(warnings.length > 0 ? ["", ...warnings] : []),
    "",
  ].join("\n");
}
