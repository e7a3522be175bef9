"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type Role = { id: string; name: string; description: string };

/** "Add Staff": name, e-mail and roles; the new staff member gets an invitation e-mail to set a password. */
export const InviteStaffForm = ({ roles }: { roles: Role[] }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const invite = useMutation(
    trpc.staff.invite.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: `Invitation sent to ${email}.` });
        setName("");
        setEmail("");
        setRoleIds([]);
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    }),
  );
  const fieldErrors = invite.error?.data?.fieldErrors ?? {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    invite.mutate({ name, email, roleIds });
  };
  return (
    <form aria-label="Add Staff" className="space-y-4" onSubmit={onSubmit} noValidate>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name?.[0]} required />
        <TextField label="E-mail" name="email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fieldErrors.email?.[0]} required />
      </div>
      <CheckboxGroup
        legend="Roles"
        options={roles.map((role) => ({ value: role.id, label: role.name, hint: role.description }))}
        selected={roleIds}
        onChange={setRoleIds}
        error={fieldErrors.roleIds?.[0]}
      />
      <Button type="submit" isPending={invite.isPending}>
        Send Invitation
      </Button>
    </form>
  );
};
