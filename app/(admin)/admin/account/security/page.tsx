import type { Metadata } from "next";
import { AccountSecurityPage } from "@/components/auth/account-security-page";
import { requireStaffSession } from "@/server/auth";
import { isTwoFactorEnabled } from "@/server/auth/two-factor/enrol-two-factor";
import { mustEnrolTwoFactor } from "@/server/auth/two-factor/staff-two-factor-policy";

export const metadata: Metadata = { title: "Security" };

// NOTE: requireStaffSession, not requireStaff: staff who must set up two-factor are sent here by every other page.
const StaffSecurityPage = async () => {
  const principal = await requireStaffSession();
  const [isEnabled, mustEnrol] = await Promise.all([isTwoFactorEnabled({ kind: "STAFF", id: principal.staffId }), mustEnrolTwoFactor(principal)]);
  return <AccountSecurityPage isEnabled={isEnabled} mustEnrol={mustEnrol} signOutTo="/admin/login" />;
};

export default StaffSecurityPage;
