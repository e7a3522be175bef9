import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutEverywhereButton, TwoFactorPanel } from "@/components/auth/two-factor-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

/** The Security page of both areas: two-factor and "sign out everywhere" for the signed-in account. */
export const AccountSecurityPage = ({ isEnabled, mustEnrol, signOutTo }: { isEnabled: boolean; mustEnrol: boolean; signOutTo: string }) => (
  <>
    <PageHeader title="Security" description="Two-factor authentication, your password and your sessions." />
    <div className="space-y-6">
      {mustEnrol && <Alert tone="info">Your role requires two-factor authentication. Set it up to continue.</Alert>}
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Two-Factor Authentication</h2>
        <TwoFactorPanel isEnabled={isEnabled} />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Password</h2>
        <p className="mb-4 text-sm text-slate-700">Changing it signs you out on every device and browser, this one included.</p>
        <ChangePasswordForm signOutTo={signOutTo} />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Sessions</h2>
        <p className="mb-4 text-sm text-slate-700">Signs you out on every device and browser, this one included.</p>
        <SignOutEverywhereButton signOutTo={signOutTo} />
      </Card>
    </div>
  </>
);
