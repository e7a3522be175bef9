import { ALL_PERMISSIONS, isPermission, type TPermission } from "./permissions";

/**
 * The built-in roles. Their permissions live here, not in the database: Administrator is computed as every
 * permission of the catalogue (so a permission added later reaches it with no data change), and the others
 * change with the code that defines what their people do. Staff cannot edit them; custom roles are for that.
 */
export const BUILT_IN_ROLES = [
  {
    id: "role_administrator",
    name: "Administrator",
    description: "Every permission, including ones added later.",
    permissions: ALL_PERMISSIONS,
  },
  {
    id: "role_billing",
    name: "Billing",
    description: "Invoices, payments and refunds; reads clients and orders.",
    permissions: ["dashboard.read", "clients.read", "orders.read", "billing.read", "billing.write", "billing.refund", "catalog.read", "packages.read", "mail.read"],
  },
  {
    id: "role_support",
    name: "Support",
    description: "Clients, packages and tasks; reads orders and invoices.",
    permissions: ["dashboard.read", "clients.read", "clients.write", "orders.read", "packages.read", "tasks.read", "tasks.work", "mail.read", "mail.send", "catalog.read"],
  },
  {
    id: "role_provisioning",
    name: "Provisioning",
    description: "Packages, provisioning operations, tasks and the System Queue.",
    permissions: ["dashboard.read", "clients.read", "orders.read", "packages.read", "provisioning.manage", "tasks.read", "tasks.work", "queue.read", "queue.manage", "catalog.read"],
  },
  {
    id: "role_read_only",
    name: "Read-only",
    description: "Sees everything staff can see; changes nothing.",
    permissions: ["dashboard.read", "clients.read", "orders.read", "billing.read", "catalog.read", "packages.read", "tasks.read", "queue.read", "mail.read", "settings.read"],
  },
  {
    // NOTE: plays the part of the source's Cron User: what an automation API key (cron jobs, scripts) may do.
    id: "role_automation",
    name: "Automation",
    description: "For API keys of scripts and scheduled jobs: reads, billing runs, provisioning and the queue.",
    permissions: ["clients.read", "orders.read", "billing.read", "billing.write", "packages.read", "provisioning.manage", "queue.read", "queue.manage"],
  },
] as const satisfies readonly { id: string; name: string; description: string; permissions: readonly TPermission[] }[];

export type TBuiltInRoleName = (typeof BUILT_IN_ROLES)[number]["name"];

export const ADMINISTRATOR_ROLE_ID = "role_administrator";

const BUILT_IN_BY_ID = new Map<string, readonly TPermission[]>(BUILT_IN_ROLES.map((role) => [role.id, role.permissions]));

/** The permissions a role grants: from code for built-in roles, from its row for custom ones. */
export const rolePermissions = (role: { id: string; isBuiltIn: boolean; permissions: readonly string[] }): readonly TPermission[] =>
  role.isBuiltIn ? (BUILT_IN_BY_ID.get(role.id) ?? []) : role.permissions.filter(isPermission);
