import { useTranslations } from "next-intl";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutEverywhereButton, TwoFactorPanel } from "@/components/auth/two-factor-panel";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

/** The Security page of both areas: two-factor and "sign out everywhere" for the signed-in account. */
export const AccountSecurityPage = ({ isEnabled, mustEnrol, signOutTo }: { isEnabled: boolean; mustEnrol: boolean; signOutTo: string }) => {
  const t = useTranslations("Account.security");
  return (
  <>
    <PageHeader title={t("title")} description={t("intro")} />
    <div className="space-y-6">
      {mustEnrol && <Alert tone="info">{t("mustEnrol")}</Alert>}
      <Card>
        <h2 className="mb-4 text-lg font-semibold">{t("twoFactor")}</h2>
        <TwoFactorPanel isEnabled={isEnabled} />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("password")}</h2>
        <p className="mb-4 text-sm text-slate-700">{t("passwordHint")}</p>
        <ChangePasswordForm signOutTo={signOutTo} />
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("sessions")}</h2>
        <p className="mb-4 text-sm text-slate-700">{t("sessionsHint")}</p>
        <SignOutEverywhereButton signOutTo={signOutTo} />
      </Card>
    </div>
  </>
  );
};
