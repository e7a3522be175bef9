import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/admin/staff/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { now } from "@/server/clock";
import { findUsableInvitation } from "@/server/staff/accept-invitation";

export const metadata: Metadata = { title: "Set Your Password", referrer: "no-referrer" };

// NOTE: public on purpose: the invitee has no session; the one-time token in the address is the credential.
const InvitationPage = async ({ params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const invitation = await findUsableInvitation(token, now());
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">Set your password</h1>
      <Card>
        {invitation ? (
          <AcceptInvitationForm token={token} email={invitation.staff.email} />
        ) : (
          <Alert tone="error">This invitation link is invalid, already used or expired. Ask an administrator for a new one.</Alert>
        )}
      </Card>
    </main>
  );
};

export default InvitationPage;
