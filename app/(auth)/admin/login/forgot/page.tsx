import type { Metadata } from "next";
import { ForgotPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Forgot Your Password? (Staff)" };

const StaffForgotPasswordPage = () => <ForgotPasswordPage kind="staff" />;

export default StaffForgotPasswordPage;
