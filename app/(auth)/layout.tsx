import { getLocale } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { IntlProvider } from "@/components/i18n/intl-provider";

/**
 * The sign-in pages render per request: a prerendered page carries no CSP nonce on its inline scripts, so the
 * browser would refuse them (proxy.ts). Their language is the visitor's (the staff sign-in: English).
 */
const AuthLayout = async ({ children }: { children: ReactNode }) => {
  await connection();
  return <IntlProvider locale={await getLocale()} namespaces={["Nav", "Account"]}>{children}</IntlProvider>;
};

export default AuthLayout;
