import { describe, expect, it } from "vitest";
import { ADMINISTRATOR_ROLE_ID, BUILT_IN_ROLES, rolePermissions } from "./built-in-roles";
import { ALL_PERMISSIONS } from "./permissions";

describe("built-in roles", () => {
  it("Administrator holds every catalogue permission, whatever its row stores", () => {
    expect(rolePermissions({ id: ADMINISTRATOR_ROLE_ID, isBuiltIn: true, permissions: [] })).toEqual(ALL_PERMISSIONS);
  });

  it("only Administrator manages staff, roles and API keys", () => {
    const managers = BUILT_IN_ROLES.filter((role) => (role.permissions as readonly string[]).some((permission) => permission === "staff.manage" || permission === "api-keys.manage"));
    expect(managers.map((role) => role.name)).toEqual(["Administrator"]);
  });

  it("a custom role grants only the catalogue permissions stored on it", () => {
    expect(rolePermissions({ id: "custom", isBuiltIn: false, permissions: ["billing.read", "retired.permission"] })).toEqual(["billing.read"]);
  });
});
