import { useTranslations } from "next-intl";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

type TKind = "client" | "staff";

const SIGN_IN_HREF: Record<TKind, string> = { client: "/login", staff: "/admin/login" };

const AuthPage = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <main className="mx-auto mt-16 max-w-md px-4">
    <h1 className="mb-6 text-center text-2xl font-bold">{title}</h1>
    <Card>{children}</Card>
  </main>
);

/** "Forgot your password?" of the client area (/login/forgot) and the admin area (/admin/login/forgot). */
export const ForgotPasswordPage = ({ kind }: { kind: TKind }) => {
  const t = useTranslations("Account.password");
  return (
    <AuthPage title={t("forgot")}>
      <p className="mb-4 text-sm text-slate-700">{t("forgotIntro")}</p>
      <ForgotPasswordForm kind={kind} />
    </AuthPage>
  );
};

/** Where a reset link lands (…/reset?token=…). */
export const ResetPasswordPage = ({ kind, token }: { kind: TKind; token: string | undefined }) => {
  const t = useTranslations("Account.password");
  return (
    <AuthPage title={t("chooseNew")}>
      {token ? <ResetPasswordForm token={token} signInHref={SIGN_IN_HREF[kind]} /> : <Alert tone="error">{t("incompleteLink")}</Alert>}
    </AuthPage>
  );
};
