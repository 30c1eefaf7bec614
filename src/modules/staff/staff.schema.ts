import { integer, pgTable, text } from "drizzle-orm/pg-core";

// The seed's org chart. Effective-dated history of positions and reporting lines comes with the
// staff capability; the foundation needs departments so every user has a home.
export const departments = pgTable("departments", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  code: text("code").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  parentId: integer("parent_id"),
  sortOrder: integer("sort_order").notNull().default(0),
});
