import { forbidden } from "../errors.ts";
import type { IdempotencyClaim } from "../idempotency-claim.ts";
import { ALL_PERMISSIONS, type DataScope, type Permission } from "./permissions.ts";

/** Who is acting: a signed-in person, or the system itself (CLI, batch, seed). */
export type Actor = {
  userId: string | null;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  scope: DataScope;
};

/** Everything a service needs to know about the request it serves, for permissions and the audit trail. */
export type RequestContext = {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  /** The request's claimed Idempotency-Key, completed by idempotentTransaction in the service's commit. */
  idempotency?: IdempotencyClaim;
};

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  username: "system",
  displayName: "系统 System",
  roles: [],
  permissions: new Set(ALL_PERMISSIONS),
  scope: "all",
};

export function systemContext(requestId: string | null = null): RequestContext {
  return { actor: SYSTEM_ACTOR, requestId, ip: null };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Services call this again even though routes declare it, so a second caller cannot skip the check. */
export function requirePermission(ctx: RequestContext, permission: Permission): void {
  if (!can(ctx.actor, permission)) throw forbidden();
}

const SCOPE_RANK: Record<DataScope, number> = { own: 0, team: 1, org: 2, all: 3 };

/** A person with several roles gets the widest data scope among them. */
export function widestScope(scopes: DataScope[]): DataScope {
  return scopes.reduce<DataScope>((widest, s) => (SCOPE_RANK[s] > SCOPE_RANK[widest] ? s : widest), "own");
}
