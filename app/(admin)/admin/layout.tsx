import type { ReactNode } from "react";
import { AreaShell } from "@/components/ui/area-shell";
import { getPrincipal } from "@/server/auth";

const ADMIN_LINKS = [
  { href: "/admin", label: "Dashboard", isExact: true },
  { href: "/admin/clients", label: "Clients" },
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/invoices", label: "Invoices" },
  { href: "/admin/packages", label: "Packages" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/tasks", label: "Tasks" },
  { href: "/admin/queue", label: "System Queue" },
  { href: "/admin/settings", label: "Settings" },
] as const;

// NOTE: the layout only draws the frame; every page checks the session itself (requireStaff).
const AdminLayout = async ({ children }: { children: ReactNode }) => {
  const principal = await getPrincipal();
  return (
    <AreaShell
      areaName="Admin"
      homeHref="/admin"
      navLabel="Admin area"
      links={ADMIN_LINKS}
      userName={principal?.kind === "staff" ? principal.name : null}
      signOutTo="/admin/login"
    >
      {children}
    </AreaShell>
  );
};

export default AdminLayout;
