import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { AreaShell } from "@/components/ui/area-shell";
import { getPrincipal } from "@/server/auth";
import type { TPermission } from "@/server/staff/permissions";
import { staffPermissions } from "@/server/staff/staff-permissions";

// Each link names the permission its page requires, so staff see only the sections they can open.
const ADMIN_LINKS = [
  { href: "/admin", label: "Dashboard", isExact: true, permission: "dashboard.read" },
  { href: "/admin/clients", label: "Clients", permission: "clients.read" },
  { href: "/admin/orders", label: "Orders", permission: "orders.read" },
  { href: "/admin/invoices", label: "Invoices", permission: "billing.read" },
  { href: "/admin/packages", label: "Packages", permission: "packages.read" },
  { href: "/admin/products", label: "Products", permission: "catalog.read" },
  { href: "/admin/promotions", label: "Promotions", permission: "catalog.read" },
  { href: "/admin/currencies", label: "Currencies", permission: "catalog.read" },
  { href: "/admin/taxes", label: "Taxes", permission: "catalog.read" },
  { href: "/admin/tasks", label: "Tasks", permission: "tasks.read" },
  { href: "/admin/queue", label: "System Queue", permission: "queue.read" },
  { href: "/admin/audit", label: "Audit Log", permission: "audit.read" },
  { href: "/admin/settings", label: "Settings", permission: "settings.read" },
  { href: "/admin/brands", label: "Brands", permission: "settings.read" },
  { href: "/admin/staff", label: "Staff", permission: "staff.manage" },
  { href: "/admin/roles", label: "Roles", permission: "staff.manage" },
  { href: "/admin/api-keys", label: "API Keys", permission: "api-keys.manage" },
] as const satisfies readonly { href: string; label: string; isExact?: boolean; permission: TPermission }[];

// Every staff member's own account (two-factor, sessions): no permission, like the page (requireStaffSession).
const ACCOUNT_LINK = { href: "/admin/account/security", label: "Security" };

// NOTE: the layout only draws the frame; every page checks the session itself (requireStaff).
const AdminLayout = async ({ children }: { children: ReactNode }) => {
  const principal = await getPrincipal();
  const permissions = principal?.kind === "staff" ? await staffPermissions(principal) : new Set<TPermission>();
  // The admin area stays English (issue #9); the provider serves the client components it shares with the client area.
  return (
    <IntlProvider locale="en" namespaces={["Nav", "ClientArea", "Account", "Countries"]}>
    <AreaShell
      areaName="Admin"
      homeHref="/admin"
      navLabel="Admin area"
      links={[...ADMIN_LINKS.filter((link) => permissions.has(link.permission)), ACCOUNT_LINK]}
      userName={principal?.kind === "staff" ? principal.name : null}
      signOutTo="/admin/login"
    >
      {children}
    </AreaShell>
    </IntlProvider>
  );
};

export default AdminLayout;
