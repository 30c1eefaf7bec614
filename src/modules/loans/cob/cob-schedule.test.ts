import { describe, expect, it } from "vitest";
import { msUntil } from "./cob-schedule.ts";

describe("the daily close schedule", () => {
  it("waits until the next HH:MM in China time", () => {
    // 2026-11-28 15:00 UTC = 23:00 in Beijing: 30 minutes to 23:30.
    expect(msUntil("23:30", new Date("2026-11-28T15:00:00Z"))).toBe(30 * 60_000);
    // Just after 23:30 in Beijing: the next run is tomorrow.
    expect(msUntil("23:30", new Date("2026-11-28T15:31:00Z"))).toBe((24 * 60 - 1) * 60_000);
    expect(msUntil("00:00", new Date("2026-11-28T16:00:00Z"))).toBe(24 * 3600_000);
  });
});
