// Named (server-side prepared) statements for every parameterised query on a PostgreSQL connection.
// node-postgres sends a query without a name as an unnamed statement: PostgreSQL parses, analyses and
// plans it again on every call, which for a repayment's dozen short statements costs more server CPU
// than running them. Named by a hash of the text, a statement is parsed once per connection and its
// plan can be cached (after five runs PostgreSQL may keep a generic plan). A connection prepares at
// most MAX_PER_CONNECTION texts, so SQL built with inlined values cannot grow a backend without bound;
// past that, queries run unnamed as before.
import { createHash } from "node:crypto";
import type pg from "pg";

const MAX_PER_CONNECTION = 2_000;
const names = new Map<string, string>();

function nameFor(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `mc_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    if (names.size < 50_000) names.set(text, name);
  }
  return name;
}

type QueryConfigLike = { text?: unknown; name?: unknown; values?: unknown };

/** Wraps a pooled client's query method so parameterised statements are prepared by name. */
export function prepareStatementsOn(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0] as QueryConfigLike | string | undefined;
    const values = typeof first === "object" && first !== null ? (first.values ?? args[1]) : args[1];
    const hasValues = Array.isArray(values) && values.length > 0;
    if (
      typeof first === "object" &&
      first !== null &&
      typeof first.text === "string" &&
      !first.name &&
      hasValues
    ) {
      const name = nameFor(first.text);
      if (prepared.has(name) || prepared.size < MAX_PER_CONNECTION) {
        prepared.add(name);
        args[0] = { ...first, name };
      }
    }
    return original(...args);
  };
}
