import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/ui/sign-in-form";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("Account.signIn"))("clientTitle") });

const ClientLoginPage = async () => {
  const t = await getTranslations("Account.signIn");
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">{t("clientHeading")}</h1>
      <Card>
        <SignInForm provider="client" redirectTo="/client" forgotHref="/login/forgot" />
      </Card>
      <p className="mt-4 text-center text-sm text-slate-600">
        {t("newHere")} <Link className="font-medium text-brand-700 underline" href="/">{t("browseProducts")}</Link>
      </p>
    </main>
  );
};

export default ClientLoginPage;
