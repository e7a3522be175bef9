import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/ui/sign-in-form";

export const metadata: Metadata = { title: "Staff Sign In" };

const StaffLoginPage = () => (
  <main className="mx-auto mt-16 max-w-md px-4">
    <h1 className="mb-6 text-center text-2xl font-bold">Staff sign in</h1>
    <Card>
      <SignInForm provider="staff" redirectTo="/admin" forgotHref="/admin/login/forgot" />
    </Card>
  </main>
);

export default StaffLoginPage;
