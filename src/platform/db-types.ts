// A jsonb column that returns exactly what was stored. Drizzle's own jsonb re-parses a value the
// driver has already parsed, so a stored JSON string such as "0.24" would come back as the number
// 0.24; settings hold such strings (rates are decimal strings), so they use this type instead.
import { customType } from "drizzle-orm/pg-core";

export const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});
