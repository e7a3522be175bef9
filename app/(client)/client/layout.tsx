import type { ReactNode } from "react";
import { AreaShell } from "@/components/ui/area-shell";
import type { TContactPermission } from "@/lib/contact-options";
import { getPrincipal } from "@/server/auth";
import { contactPermissions } from "@/server/clients/contact-permissions";

// Each link names the contact permission its page requires (requireContact), so a contact sees only what it may open.
const CLIENT_LINKS = [
  { href: "/client", label: "Dashboard", isExact: true, permission: "account" },
  { href: "/client/invoices", label: "Invoices", permission: "billing" },
  { href: "/client/packages", label: "Packages", permission: "services" },
  { href: "/client/domains", label: "Domains", permission: "domains" },
  { href: "/client/billing-accounts", label: "Billing Accounts", permission: "billing" },
  { href: "/client/contacts", label: "Contacts", permission: "contacts" },
  { href: "/client/security", label: "Security", permission: null },
] as const satisfies readonly { href: string; label: string; isExact?: boolean; permission: TContactPermission | null }[];

// NOTE: the layout only draws the frame; every page checks the session itself (requireClient).
const ClientLayout = async ({ children }: { children: ReactNode }) => {
  const principal = await getPrincipal();
  const permissions = principal?.kind === "client" ? await contactPermissions(principal) : new Set<TContactPermission>();
  const links = CLIENT_LINKS.filter((link) => link.permission === null || permissions.has(link.permission)).map(({ permission: _permission, ...link }) => link);
  return (
    <AreaShell
      areaName="Client Area"
      homeHref="/client"
      navLabel="Client area"
      links={links}
      userName={principal?.kind === "client" ? principal.name : null}
      signOutTo="/login"
    >
      {children}
    </AreaShell>
  );
};

export default ClientLayout;
