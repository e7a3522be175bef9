import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { AreaShell } from "@/components/ui/area-shell";
import type { TContactPermission } from "@/lib/contact-options";
import { getPrincipal } from "@/server/auth";
import { contactPermissions } from "@/server/clients/contact-permissions";

// Each link names the contact permission its page requires (requireContact), so a contact sees only what it may open.
const CLIENT_LINKS = [
  { href: "/client", label: "dashboard", isExact: true, permission: "account" },
  { href: "/client/invoices", label: "invoices", permission: "billing" },
  { href: "/client/packages", label: "packages", permission: "services" },
  { href: "/client/domains", label: "domains", permission: "domains" },
  { href: "/client/billing-accounts", label: "billingAccounts", permission: "billing" },
  { href: "/client/contacts", label: "contacts", permission: "contacts" },
  { href: "/client/security", label: "security", permission: null },
] as const satisfies readonly { href: string; label: string; isExact?: boolean; permission: TContactPermission | null }[];

// NOTE: the layout only draws the frame; every page checks the session itself (requireClient).
const ClientLayout = async ({ children }: { children: ReactNode }) => {
  const [principal, locale, t] = await Promise.all([getPrincipal(), getLocale(), getTranslations("ClientArea.nav")]);
  const permissions = principal?.kind === "client" ? await contactPermissions(principal) : new Set<TContactPermission>();
  const links = CLIENT_LINKS.filter((link) => link.permission === null || permissions.has(link.permission)).map(({ permission: _permission, label, ...link }) => ({
    ...link,
    label: t(label),
  }));
  return (
    <IntlProvider locale={locale} namespaces={["Nav", "ClientArea", "Account", "Countries"]}>
      <div lang={locale}>
        <AreaShell
          areaName={t("areaName")}
          homeHref="/client"
          navLabel={t("navLabel")}
          links={links}
          userName={principal?.kind === "client" ? principal.name : null}
          signOutTo="/login"
          headerExtras={<LanguageSwitch />}
        >
          {children}
        </AreaShell>
      </div>
    </IntlProvider>
  );
};

export default ClientLayout;
