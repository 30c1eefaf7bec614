import { describe, expect, it } from "vitest";
import { ReportCache } from "./report-cache.ts";

function clockAt(start: number) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

describe("ReportCache", () => {
  it("keeps an answer for the TTL, then computes again", async () => {
    const clock = clockAt(0);
    const cache = new ReportCache<number>({ ttlMs: 1000, maxEntries: 10, now: clock.now });
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("a", compute)).toBe(1);
    clock.t = 999;
    expect(await cache.get("a", compute)).toBe(1);
    clock.t = 1000;
    expect(await cache.get("a", compute)).toBe(2);
  });

  it("computes again when fresh is asked, and per key", async () => {
    const cache = new ReportCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.get("a", compute)).toBe(1);
    expect(await cache.get("b", compute)).toBe(2);
    expect(await cache.get("a", compute, true)).toBe(3);
    expect(await cache.get("a", compute)).toBe(3);
  });

  it("shares one computation between concurrent askers and forgets a failure", async () => {
    const cache = new ReportCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    let calls = 0;
    let release = () => {};
    const slow = () =>
      new Promise<number>((resolve) => {
        calls += 1;
        release = () => resolve(calls);
      });
    const first = cache.get("a", slow);
    const second = cache.get("a", slow);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(calls).toBe(1);

    await expect(cache.get("x", () => Promise.reject(new Error("db down")))).rejects.toThrow("db down");
    expect(await cache.get("x", async () => 7)).toBe(7);
  });

  it("drops the oldest entries past the limit", async () => {
    const cache = new ReportCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await cache.get("a", async () => "a1");
    await cache.get("b", async () => "b1");
    await cache.get("c", async () => "c1");
    expect(await cache.get("a", async () => "a2")).toBe("a2");
    expect(await cache.get("c", async () => "c2")).toBe("c1");
  });
});
