import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Forgot Your Password? (Staff)" };

const ForgotPasswordPage = () => (
  <main className="mx-auto mt-16 max-w-md px-4">
    <h1 className="mb-6 text-center text-2xl font-bold">Forgot your password?</h1>
    <Card>
      <p className="mb-4 text-sm text-slate-700">Enter your e-mail address and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm kind="staff" />
    </Card>
  </main>
);

export default ForgotPasswordPage;
