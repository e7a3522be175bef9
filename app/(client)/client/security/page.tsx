import type { Metadata } from "next";
import { AccountSecurityPage } from "@/components/auth/account-security-page";
import { requireClient } from "@/server/auth";
import { isTwoFactorEnabled } from "@/server/auth/two-factor/enrol-two-factor";

export const metadata: Metadata = { title: "Security" };

const ClientSecurityPage = async () => {
  const principal = await requireClient();
  const isEnabled = await isTwoFactorEnabled({ kind: "CONTACT", id: principal.contactId });
  return <AccountSecurityPage isEnabled={isEnabled} mustEnrol={false} signOutTo="/login" />;
};

export default ClientSecurityPage;
