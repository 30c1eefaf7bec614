import { describe, expect, it } from "vitest";
import { hasMessage, mergeMessages, messageFor } from "./messages.ts";

describe("messages", () => {
  it("finds a module's codes through the one merged table", () => {
    expect(messageFor("import-file-xls", "en-US")).toContain(".xlsx");
    expect(messageFor("pk-not-ended", "zh-CN", { date: "2026-12-01" })).toBe(
      "PK 到 2026-12-01 才结束,结束后才能结算",
    );
    expect(messageFor("not-found", "en-US", { entity: "Loan" })).toBe("Loan not found");
    expect(hasMessage("weak-password")).toBe(true);
  });

  it("answers an unknown code with the code itself", () => {
    expect(hasMessage("no-such-code")).toBe(false);
    expect(messageFor("no-such-code", "zh-CN")).toBe("no-such-code");
  });

  it("refuses a code that two tables define", () => {
    const a = { x: { zh: "甲", en: "A" } };
    expect(() => mergeMessages([a, { x: { zh: "乙", en: "B" } }])).toThrow("message code defined twice: x");
    expect(mergeMessages([a, { y: { zh: "乙", en: "B" } }])).toEqual({ ...a, y: { zh: "乙", en: "B" } });
  });
});
