// The permission catalogue (issue #7): every staff page, procedure and server action names one of these.
// Roles grant sets of them; the label and area are what Admin → Roles shows next to each checkbox.

export const PERMISSIONS = {
  "dashboard.read": { area: "Dashboard", label: "See the dashboard" },
  "clients.read": { area: "Clients", label: "See clients and contacts" },
  "clients.write": { area: "Clients", label: "Add and edit clients and contacts" },
  "orders.read": { area: "Orders", label: "See orders" },
  "orders.write": { area: "Orders", label: "Accept, cancel and mark orders as fraud" },
  "billing.read": { area: "Billing", label: "See invoices and transactions" },
  "billing.write": { area: "Billing", label: "Create invoices and record payments" },
  "billing.refund": { area: "Billing", label: "Refund payments and issue credit notes" },
  "catalog.read": { area: "Catalog", label: "See products and prices" },
  "catalog.write": { area: "Catalog", label: "Change products, prices and taxes" },
  "packages.read": { area: "Packages", label: "See packages" },
  "provisioning.manage": { area: "Provisioning", label: "Run provisioning operations and manage handlers" },
  "tasks.read": { area: "Tasks", label: "See tasks" },
  "tasks.work": { area: "Tasks", label: "Take and close tasks" },
  "queue.read": { area: "System Queue", label: "See workflow runs and schedules" },
  "queue.manage": { area: "System Queue", label: "Retry, cancel and run workflows" },
  "mail.read": { area: "Mail", label: "Read the mail outbox" },
  "mail.send": { area: "Mail", label: "Resend mail" },
  "settings.read": { area: "Settings", label: "See settings" },
  "settings.manage": { area: "Settings", label: "Change settings" },
  "staff.manage": { area: "Staff", label: "Add, edit and deactivate staff and roles" },
  "audit.read": { area: "Audit", label: "Read the audit log" },
  "api-keys.manage": { area: "API", label: "Create and revoke API keys" },
} as const satisfies Record<string, { area: string; label: string }>;

export type TPermission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as TPermission[];

export const isPermission = (value: string): value is TPermission => Object.hasOwn(PERMISSIONS, value);
