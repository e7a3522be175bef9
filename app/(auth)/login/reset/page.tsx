import type { Metadata } from "next";
import { ResetPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Choose a New Password (Client)", referrer: "no-referrer" };

const ClientResetPasswordPage = async ({ searchParams }: { searchParams: Promise<{ token?: string }> }) => (
  <ResetPasswordPage kind="client" token={(await searchParams).token} />
);

export default ClientResetPasswordPage;
