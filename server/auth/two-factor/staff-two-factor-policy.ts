import "server-only";
import { z } from "zod";
import { defineSetting, readSetting } from "@/server/settings/setting";
import { hasPermission } from "@/server/staff/staff-permissions";
import type { TStaffPrincipal } from "../principal";
import { isTwoFactorEnabled } from "./enrol-two-factor";

/**
 * Which staff must use two-factor: "privileged" (default: those who hold staff.manage or settings.manage, who
 * can change who gets in), "all", or "off".
 */
export const ZStaffTwoFactorPolicy = z.enum(["privileged", "all", "off"], { error: "Choose who must use two-factor." });
export type TStaffTwoFactorPolicy = z.infer<typeof ZStaffTwoFactorPolicy>;

export const staffTwoFactorSetting = defineSetting("security.staff-two-factor", ZStaffTwoFactorPolicy, "privileged");

/** The choices as Admin → Settings shows them. */
export const STAFF_TWO_FACTOR_POLICIES: readonly { value: TStaffTwoFactorPolicy; label: string }[] = [
  { value: "privileged", label: "Staff who can manage staff or settings (recommended)" },
  { value: "all", label: "All staff" },
  { value: "off", label: "Nobody (not recommended)" },
];

export const mustEnrolTwoFactor = async (principal: TStaffPrincipal) => {
  const policy = await readSetting(staffTwoFactorSetting);
  if (policy === "off") return false;
  const isRequired = policy === "all" || (await hasPermission(principal, "staff.manage")) || (await hasPermission(principal, "settings.manage"));
  return isRequired && !(await isTwoFactorEnabled({ kind: "STAFF", id: principal.staffId }));
};
