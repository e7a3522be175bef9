import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Choose a New Password (Staff)", referrer: "no-referrer" };

const ResetPasswordPage = async ({ searchParams }: { searchParams: Promise<{ token?: string }> }) => {
  const { token } = await searchParams;
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">Choose a new password</h1>
      <Card>
        {token ? <ResetPasswordForm token={token} signInHref="/admin/login" /> : <Alert tone="error">This reset link is incomplete. Ask for a new one.</Alert>}
      </Card>
    </main>
  );
};

export default ResetPasswordPage;
