// A short-lived in-process cache for report answers. The portfolio overview sums the whole schedule
// table (≈ 3 s at 1,000,000 loans, docs/benchmarks.md) and sits on the workbench of everyone who runs
// the company, so each answer is kept for a few minutes per scope; the answer says when it was
// computed and the page offers a refresh. Concurrent askers share one computation. Per process: each
// app instance keeps its own (a report is a read, nothing depends on instances agreeing).

export type CacheOptions = { ttlMs: number; maxEntries: number; now?: () => number };

export class ReportCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private readonly now: () => number;

  constructor(private readonly options: CacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The kept answer for `key` unless it is older than the TTL or `fresh` is asked; else computes it. */
  get(key: string, compute: () => Promise<T>, fresh = false): Promise<T> {
    const at = this.now();
    const kept = this.entries.get(key);
    if (kept && !fresh && at - kept.at < this.options.ttlMs) return kept.value;
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { at, value });
    // A failed computation is not kept: the next asker tries again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // Oldest first in a Map's order: drop from the front past the limit.
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
