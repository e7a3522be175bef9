import type { Metadata } from "next";
import { ResetPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Choose a New Password (Staff)", referrer: "no-referrer" };

const StaffResetPasswordPage = async ({ searchParams }: { searchParams: Promise<{ token?: string }> }) => (
  <ResetPasswordPage kind="staff" token={(await searchParams).token} />
);

export default StaffResetPasswordPage;
