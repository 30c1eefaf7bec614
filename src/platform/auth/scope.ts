// Data scope (DOMAIN.md §1): which users' records an actor may see. `own` is the actor alone; `team`
// and `org` are the actor and everyone whose reporting line (users.manager_id) leads up to them —
// a team manager's team, a sales director's whole sales organisation; `all` is unrestricted.
import { sql } from "drizzle-orm";
import type { Queryable } from "../db.ts";
import type { Actor } from "./actor.ts";

/** The ids whose records the actor may see, or null for no restriction. */
export async function visibleUserIds(db: Queryable, actor: Actor): Promise<string[] | null> {
  if (actor.scope === "all") return null;
  if (!actor.userId) return [];
  if (actor.scope === "own") return [actor.userId];
  // UNION (not UNION ALL) stops at users already seen, so a mistaken cycle in manager_id cannot loop.
  const result = await db.execute(sql`
    with recursive under(id) as (
      select ${actor.userId}::uuid
      union
      select u.id from users u join under on u.manager_id = under.id
    )
    select id from under`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export function canSeeOwner(visible: string[] | null, ownerId: string): boolean {
  return visible === null || visible.includes(ownerId);
}
