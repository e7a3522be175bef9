"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { useTRPC } from "@/lib/trpc/client";

type StaffActionsProps = {
  staff: { id: string; name: string; isActive: boolean; roleIds: string[] };
  roles: { id: string; name: string; description: string }[];
};

/** Edit roles, deactivate or reactivate, and "Sign Out Everywhere" for one staff member. */
export const StaffActions = ({ staff, roles }: StaffActionsProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [roleIds, setRoleIds] = useState(staff.roleIds);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const handlers = (success: string) => ({
    onSuccess: () => {
      setMessage({ tone: "success" as const, text: success });
      router.refresh();
    },
    onError: (error: { message: string }) => setMessage({ tone: "error" as const, text: error.message }),
  });
  const setRoles = useMutation(trpc.staff.setRoles.mutationOptions(handlers("Roles saved.")));
  const setActive = useMutation(trpc.staff.setActive.mutationOptions(handlers(staff.isActive ? `${staff.name} is deactivated.` : `${staff.name} is active again.`)));
  const signOut = useMutation(trpc.staff.signOutEverywhere.mutationOptions(handlers(`Every session of ${staff.name} is signed out.`)));
  const isBusy = setRoles.isPending || setActive.isPending || signOut.isPending;

  return (
    <div className="space-y-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <form
        aria-label="Roles"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setMessage(null);
          setRoles.mutate({ staffId: staff.id, roleIds });
        }}
      >
        <CheckboxGroup
          legend="Roles"
          options={roles.map((role) => ({ value: role.id, label: role.name, hint: role.description }))}
          selected={roleIds}
          onChange={setRoleIds}
          error={setRoles.error?.data?.fieldErrors?.roleIds?.[0]}
          disabled={isBusy}
        />
        <Button type="submit" isPending={setRoles.isPending} disabled={isBusy}>
          Save Roles
        </Button>
      </form>
      <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-4">
        <Button
          variant={staff.isActive ? "danger" : "secondary"}
          isPending={setActive.isPending}
          disabled={isBusy}
          onClick={() => {
            setMessage(null);
            setActive.mutate({ staffId: staff.id, isActive: !staff.isActive });
          }}
        >
          {staff.isActive ? "Deactivate" : "Reactivate"}
        </Button>
        <Button
          variant="secondary"
          isPending={signOut.isPending}
          disabled={isBusy}
          onClick={() => {
            setMessage(null);
            signOut.mutate({ staffId: staff.id });
          }}
        >
          Sign Out Everywhere
        </Button>
      </div>
    </div>
  );
};
