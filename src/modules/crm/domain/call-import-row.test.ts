import { describe, expect, it } from "vitest";
import { CDR_COLUMNS, type CdrField, parseCdrRow } from "./call-import-row.ts";
import { cellOf, matchColumns } from "./import-columns.ts";
import { normaliseCounterpart, parseSeconds, parseTimestamp } from "./import-values.ts";

describe("cell values", () => {
  it("reads times in China time unless they carry a zone", () => {
    expect(parseTimestamp("2026-11-03 09:15:22")?.toISOString()).toBe("2026-11-03T01:15:22.000Z");
    expect(parseTimestamp("2026/11/3 9:15")?.toISOString()).toBe("2026-11-03T01:15:00.000Z");
    expect(parseTimestamp("2026-11-03T01:15:22Z")?.toISOString()).toBe("2026-11-03T01:15:22.000Z");
    expect(parseTimestamp("20261103091522")?.toISOString()).toBe("2026-11-03T01:15:22.000Z");
    expect(parseTimestamp("1793668522")?.toISOString()).toBe("2026-11-03T01:15:22.000Z");
    expect(parseTimestamp("2026-02-30 10:00:00")).toBeNull();
    expect(parseTimestamp("2026-11-03 25:00:00")).toBeNull();
    expect(parseTimestamp("yesterday")).toBeNull();
  });

  it("reads talk time as seconds or h:mm:ss", () => {
    expect(parseSeconds("65")).toBe(65);
    expect(parseSeconds("65.0")).toBe(65);
    expect(parseSeconds("1:05")).toBe(65);
    expect(parseSeconds("01:01:05")).toBe(3665);
    expect(parseSeconds("-5")).toBeNull();
    expect(parseSeconds("1:75")).toBeNull();
  });

  it("normalises customer numbers and refuses what is none", () => {
    expect(normaliseCounterpart("+86 138-0013-8000")).toEqual({ number: "13800138000", kind: "mobile" });
    expect(normaliseCounterpart("013800138000")).toEqual({ number: "13800138000", kind: "mobile" });
    expect(normaliseCounterpart("0571-88886666")).toEqual({ number: "057188886666", kind: "landline" });
    expect(normaliseCounterpart("12345")).toBeNull();
    expect(normaliseCounterpart("2380013800")).toBeNull();
  });
});

describe("a CDR row", () => {
  const headers = [
    "通话ID",
    "方向",
    "坐席",
    "主叫",
    "被叫",
    "开始时间",
    "接通时间",
    "结束时间",
    "通话时长",
    "结果",
    "录音地址",
    "供应商",
  ];
  const match = matchColumns(headers, CDR_COLUMNS);
  const parse = (cells: string[]) =>
    parseCdrRow({
      line: 7,
      headerOf: (f: CdrField) => headers[match.columns[f] as number],
      cell: (f) => cellOf(cells, match.columns, f),
      defaultVendor: "unspecified",
      latest: new Date("2030-01-01T00:00:00Z"),
    });

  it("matches Chinese headers to every field", () => {
    expect(match.missing).toEqual([]);
    expect(match.unknown).toEqual([]);
    expect(Object.keys(match.columns)).toHaveLength(12);
  });

  it("turns a good row into a call with the customer on the callee side", () => {
    const { row, errors } = parse([
      "C-1",
      "呼出",
      "telemarketer",
      "8001",
      "13800138000",
      "2026-11-03 09:15:00",
      "2026-11-03 09:15:10",
      "2026-11-03 09:16:40",
      "",
      "ANSWERED",
      "https://rec.example/1.mp3",
      "云呼",
    ]);
    expect(errors).toEqual([]);
    expect(row).toMatchObject({
      callId: "C-1",
      direction: "outbound",
      talkSeconds: 90,
      connected: true,
      vendor: "云呼",
    });
    expect(row?.counterpart).toEqual({ number: "13800138000", kind: "mobile" });
  });

  it("reports every problem of a row, naming the file's columns", () => {
    const { row, errors } = parse([
      "",
      "sideways",
      "telemarketer",
      "8001",
      "not-a-phone",
      "2026-11-03 09:15:00",
      "2026-11-03 09:14:00",
      "2026-11-03 09:10:00",
      "abc",
      "",
      "ftp://x",
      "",
    ]);
    expect(row).toBeNull();
    expect(errors.map((e) => [e.column, e.code])).toEqual([
      ["通话ID", "import-value-required"],
      ["方向", "import-bad-direction"],
      ["被叫", "import-bad-phone"],
      ["结束时间", "import-end-before-start"],
      ["接通时间", "import-answer-before-start"],
      ["接通时间", "import-answer-after-end"],
      ["通话时长", "import-bad-seconds"],
      ["录音地址", "import-bad-url"],
    ]);
    expect(errors.every((e) => e.row === 7)).toBe(true);
  });

  it("puts the customer on the caller side of an inbound call", () => {
    const { row } = parse([
      "C-2",
      "inbound",
      "telemarketer",
      "13900139000",
      "8001",
      "2026-11-03 10:00:00",
      "",
      "",
      "0",
      "",
      "",
      "",
    ]);
    expect(row?.counterpart.number).toBe("13900139000");
    expect(row?.connected).toBe(false);
    expect(row?.vendor).toBe("unspecified");
  });
});
