import type { Metadata } from "next";
import { ForgotPasswordPage } from "@/components/auth/password-reset-pages";

export const metadata: Metadata = { title: "Forgot Your Password? (Client)" };

const ClientForgotPasswordPage = () => <ForgotPasswordPage kind="client" />;

export default ClientForgotPasswordPage;
