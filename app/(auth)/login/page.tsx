import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/ui/sign-in-form";

export const metadata: Metadata = { title: "Client Sign In" };

const ClientLoginPage = () => (
  <main className="mx-auto mt-16 max-w-md px-4">
    <h1 className="mb-6 text-center text-2xl font-bold">Sign in to your client area</h1>
    <Card>
      <SignInForm provider="client" redirectTo="/client" forgotHref="/login/forgot" />
    </Card>
    <p className="mt-4 text-center text-sm text-slate-600">
      New here? <Link className="font-medium text-brand-700 underline" href="/">Browse our products</Link>
    </p>
  </main>
);

export default ClientLoginPage;
