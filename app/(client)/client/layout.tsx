import type { ReactNode } from "react";
import { AreaShell } from "@/components/ui/area-shell";
import { getPrincipal } from "@/server/auth";

const CLIENT_LINKS = [
  { href: "/client", label: "Dashboard", isExact: true },
  { href: "/client/invoices", label: "Invoices" },
  { href: "/client/packages", label: "Packages" },
  { href: "/client/domains", label: "Domains" },
  { href: "/client/billing-accounts", label: "Billing Accounts" },
  { href: "/client/contacts", label: "Contacts" },
  { href: "/client/security", label: "Security" },
] as const;

// NOTE: the layout only draws the frame; every page checks the session itself (requireClient).
const ClientLayout = async ({ children }: { children: ReactNode }) => {
  const principal = await getPrincipal();
  return (
    <AreaShell
      areaName="Client Area"
      homeHref="/client"
      navLabel="Client area"
      links={CLIENT_LINKS}
      userName={principal?.kind === "client" ? principal.name : null}
      signOutTo="/login"
    >
      {children}
    </AreaShell>
  );
};

export default ClientLayout;
