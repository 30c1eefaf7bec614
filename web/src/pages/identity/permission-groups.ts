import type { PermissionInfo } from "../../api/types.ts";

export type PermissionGroup = { prefix: string; permissions: PermissionInfo[] };

/** "customers.read" and "customers.write" belong together: grouped by the part before the dot. */
export function groupPermissions(list: PermissionInfo[]): PermissionGroup[] {
  const groups = new Map<string, PermissionInfo[]>();
  for (const permission of list) {
    const prefix = permission.key.split(".")[0] ?? "other";
    groups.set(prefix, [...(groups.get(prefix) ?? []), permission]);
  }
  return [...groups.entries()].map(([prefix, permissions]) => ({ prefix, permissions }));
}
