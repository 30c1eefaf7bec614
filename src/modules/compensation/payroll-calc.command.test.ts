import { describe, expect, it } from "vitest";
import { API_EXAMPLE } from "./domain/test-support.ts";
import { runPayrollCalcCommand } from "./payroll-calc.command.ts";

function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runPayrollCalcCommand(args, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path];
    },
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

const example = { "scenario.json": JSON.stringify(API_EXAMPLE) };

const oneLine = (text: string) => {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.trimEnd().split("\n")).toHaveLength(1);
};

describe("payroll calc", () => {
  it("--json prints the API.md statements", () => {
    const { code, stdout, stderr } = run(["--input", "scenario.json", "--json"], example);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const output = JSON.parse(stdout);
    expect(output.month).toBe("2026-11");
    expect(
      output.statements.map((s: Record<string, unknown>) => [
        s.staffId,
        s.stage,
        s.target,
        s.managementCommission,
        s.total,
      ]),
    ).toEqual([
      ["d1", "regular", "500000.00", "180.00", "5180.00"],
      ["t1", "regular", "300000.00", "300.00", "2300.00"],
      ["c1", "probation", null, "0.00", "2400.00"],
    ]);
  });

  it("accepts --input=FILE and flags in any order", () => {
    const { code, stdout } = run(["--json", "--input=scenario.json"], example);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).statements).toHaveLength(3);
  });

  it("without --json prints a readable table with a total row", () => {
    const { code, stdout } = run(["--input", "scenario.json"], example);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("薪酬月份 Payroll month: 2026-11");
    expect(lines.find((l) => l.startsWith("c1"))).toMatch(
      /试用期 probation\s+60000\.00\s+-\s+1800\.00\s+0\.00\s+600\.00\s+0\.00\s+2400\.00$/,
    );
    expect(lines.find((l) => l.startsWith("合计 Sum"))).toMatch(
      /10800\.00\s+2000\.00\s+600\.00\s+480\.00\s+9880\.00$/,
    );
  });

  it("lists warnings under the table", () => {
    const noRates = { "s.json": JSON.stringify({ ...API_EXAMPLE, plan: {} }) };
    const { code, stdout } = run(["--input", "s.json"], noRates);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "! t1: 方案未设置团队经理的管理提成比例 | plan has no management-commission rate for team-manager",
    );
  });

  it.each([
    [[], /missing --input FILE/],
    [["--input"], /--input needs a file name/],
    [["--input", "a.json", "--input", "b.json"], /--input given twice/],
    [["--input", "scenario.json", "--csv"], /unknown option --csv/],
    [["scenario.json"], /unexpected argument "scenario.json"/],
  ])("bad arguments %j → exit 2, one line", (args, message) => {
    const { code, stdout, stderr } = run(args, example);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    oneLine(stderr);
    expect(stderr).toMatch(message);
  });

  it("a missing file → exit 2 naming it", () => {
    const { code, stderr } = run(["--input", "nowhere.json", "--json"]);
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toMatch(/^payroll calc: cannot read nowhere\.json: ENOENT/);
  });

  it("bad JSON → exit 2", () => {
    const { code, stderr } = run(["--input", "bad.json", "--json"], { "bad.json": "{ month: 2026-11" });
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toMatch(/^payroll calc: bad\.json is not valid JSON: /);
  });

  it("an invalid scenario → exit 2 naming the row and field", () => {
    const bad = structuredClone(API_EXAMPLE);
    bad.staff[2].managerId = "t9";
    bad.loans[0].principal = "-5.00";
    const { code, stdout, stderr } = run(["--input", "s.json", "--json"], { "s.json": JSON.stringify(bad) });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    oneLine(stderr);
    expect(stderr).toBe(
      'payroll calc: s.json: loans[0].principal: "-5.00" is not a positive amount with at most 2 decimals\n',
    );
  });

  it("reports how many more problems there are", () => {
    const bad = structuredClone(API_EXAMPLE);
    bad.staff[2].managerId = "t9";
    bad.loans[0].staffId = "nobody";
    const { code, stderr } = run(["--input", "s.json"], { "s.json": JSON.stringify(bad) });
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toBe(
      'payroll calc: s.json: staff[2].managerId: manager "t9" of staff "c1" is not in the staff list (and 1 more problem(s))\n',
    );
  });

  it("--help → usage on stdout, exit 0", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: payroll calc --input FILE \[--json\]/);
  });
});
