import { describe, expect, it } from "vitest";
import { runScheduleCommand } from "./schedule.command.ts";

function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = runScheduleCommand(args, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    today: "2026-01-15",
  });
  return { code, stdout, stderr };
}

const flat = ["--principal", "10000", "--annual-rate", "0.12", "--term", "12", "--method", "flat"];

describe("microcredit schedule", () => {
  it("--json prints the Schedule JSON, starting today by default", () => {
    const { code, stdout, stderr } = run([...flat, "--json"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    expect(json.apr).toBe("21.46");
    expect(json.installments).toHaveLength(12);
    expect(json.installments[0].dueDate).toBe("2026-02-15");
    expect(json.installments[11].total).toBe("933.37");
  });

  it("--start and --upfront-fee, also as --flag=value", () => {
    const { code, stdout } = run([
      "--principal=100000",
      "--annual-rate=0.049",
      "--term=12",
      "--method=equal-principal",
      "--start=2026-01-31",
      "--upfront-fee=1000",
      "--json",
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.installments.slice(0, 3).map((r: { dueDate: string }) => r.dueDate)).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
    expect(Number(json.apr)).toBeGreaterThan(4.9);
  });

  it("prints a readable table without --json", () => {
    const { code, stdout } = run([...flat, "--start", "2026-01-15"]);
    expect(code).toBe(0);
    expect(stdout).toContain("等本等息 flat");
    expect(stdout).toContain("年化利率 APR (IRR): 21.46%");
    expect(stdout).toMatch(/期数 No\.\s+还款日 Due\s+本金 Principal/);
    expect(stdout).toMatch(/^12\s+2027-01-15\s+833\.37\s+100\.00\s+0\.00\s+933\.37\s+0\.00$/m);
    expect(stdout).toMatch(/合计 Sum\s+10000\.00\s+1200\.00\s+0\.00\s+11200\.00/);
  });

  const bad: [string, string[], RegExp][] = [
    ["a negative principal", ["--principal", "-5"], /--principal "-5": Principal must be/],
    ["3 decimals", ["--principal", "100.123"], /--principal "100.123"/],
    ["term 0", ["--term", "0"], /--term "0": Term must be/],
    ["term 361", ["--term", "361"], /--term "361"/],
    ["rate 1.5", ["--annual-rate", "1.5"], /--annual-rate "1.5": Annual rate must be/],
    ["an unknown method", ["--method", "weekly"], /--method "weekly": Unknown repayment method/],
    ["2026-02-30", ["--start", "2026-02-30"], /--start "2026-02-30": Must be a real date/],
    ["an upfront fee above the principal", ["--upfront-fee", "20000"], /--upfront-fee "20000"/],
  ];
  for (const [name, override, message] of bad) {
    it(`exits 2 with one line on stderr for ${name}`, () => {
      const args = [...flat];
      const at = args.indexOf(override[0]);
      if (at === -1) args.push(...override);
      else args[at + 1] = override[1];
      const { code, stdout, stderr } = run(args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }

  const usage: [string, string[], RegExp][] = [
    ["an unknown flag", [...flat, "--verbose"], /unknown option --verbose/],
    ["a missing flag", flat.slice(0, 6), /missing --method/],
    ["a flag without a value", [...flat, "--start"], /--start needs a value/],
    ["a positional argument", [...flat, "extra"], /unexpected argument "extra"/],
    ["a repeated flag", [...flat, "--term", "6"], /--term given twice/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 for ${name}`, () => {
      const { code, stderr } = run(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    });
  }

  it("--help prints usage and exits 0", () => {
    const { code, stdout } = run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("usage: schedule --principal P");
  });
});
