// Upgrades: a permission that a release adds to a built-in role's defaults reaches databases that
// already have the role row, once; an admin who then takes it away is not overruled on the next start.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "../../platform/auth/permissions.ts";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";
import { rolePermissionGrants, roles } from "./identity.schema.ts";
import { ensureBuiltInRoles } from "./roles.service.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function permissionsOf(key: string): Promise<string[]> {
  const [row] = await t.handle.db
    .select({ permissions: roles.permissions })
    .from(roles)
    .where(eq(roles.key, key));
  return row?.permissions as string[];
}

async function setPermissions(key: string, permissions: string[]): Promise<void> {
  await t.handle.db.update(roles).set({ permissions }).where(eq(roles.key, key));
}

describe("built-in roles across upgrades", () => {
  it("records every permission as granted on a fresh database", async () => {
    const rows = await t.handle.db.select().from(rolePermissionGrants);
    expect(rows.map((row) => row.permission).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  it("grants a newly added default permission to an existing role once, and respects a later removal", async () => {
    const before = await permissionsOf("gm");
    expect(before).toContain("payroll.read");
    // The database as an older release left it: the role without the permission, never granted.
    await setPermissions(
      "gm",
      before.filter((p) => p !== "payroll.read"),
    );
    await t.handle.db.delete(rolePermissionGrants).where(eq(rolePermissionGrants.permission, "payroll.read"));

    await ensureBuiltInRoles(t.handle.db);
    const upgraded = await permissionsOf("gm");
    expect(upgraded).toContain("payroll.read");
    expect(upgraded).toEqual([...new Set(upgraded)].sort()); // no duplicates, kept sorted
    // A role whose defaults lack it does not get it.
    expect(await permissionsOf("telemarketer")).not.toContain("payroll.read");

    // The admin takes it away again; the next start leaves that alone.
    await setPermissions(
      "gm",
      upgraded.filter((p) => p !== "payroll.read"),
    );
    await ensureBuiltInRoles(t.handle.db);
    expect(await permissionsOf("gm")).not.toContain("payroll.read");
    const rows = await t.handle.db
      .select()
      .from(rolePermissionGrants)
      .where(eq(rolePermissionGrants.permission, "payroll.read"));
    const n = rows.length;
    expect(n).toBe(1);
  });
});
