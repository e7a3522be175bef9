import { readSetting } from "@/server/settings/setting";
import { STAFF_TWO_FACTOR_POLICIES, staffTwoFactorSetting } from "@/server/auth/two-factor/staff-two-factor-policy";
import { StaffTwoFactorForm } from "./staff-two-factor-form";

/** Settings → Staff sign-in: which staff must use two-factor authentication. The page checks staff access. */
export const StaffSignInSection = async () => (
  <section aria-labelledby="staff-sign-in" className="space-y-3">
    <h2 id="staff-sign-in" className="text-lg font-semibold">Staff sign-in</h2>
    <p className="text-sm text-slate-600">
      Staff who must use two-factor authentication are sent to My Security to set it up before any other admin page opens.
      Staff who can manage staff or settings can change who gets in, so they need it most.
    </p>
    <StaffTwoFactorForm policy={await readSetting(staffTwoFactorSetting)} options={STAFF_TWO_FACTOR_POLICIES} />
  </section>
);
