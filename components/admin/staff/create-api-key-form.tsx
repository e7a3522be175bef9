"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

/** Creates a key for a role and shows it this once: only its hash is stored. */
export const CreateApiKeyForm = ({ roles }: { roles: { id: string; name: string }[] }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [roleId, setRoleId] = useState(roles.find((role) => role.name === "Automation")?.id ?? roles[0]?.id ?? "");
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: ({ key }) => {
        setCreated({ key, name });
        setName("");
        router.refresh();
      },
    }),
  );
  const fieldErrors = create.error?.data?.fieldErrors ?? {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    create.mutate({ name, roleId });
  };
  return (
    <form aria-label="Create API key" className="space-y-4" onSubmit={onSubmit} noValidate>
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      {created && (
        <Alert tone="success">
          <p>
            The key <strong>{created.name}</strong> is created. Copy it now: it is not shown again.
          </p>
          <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-slate-900 ring-1 ring-emerald-200">
            {created.key}
          </code>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name?.[0]} required />
        <SelectField label="Role" name="roleId" value={roleId} onChange={(event) => setRoleId(event.target.value)} error={fieldErrors.roleId?.[0]} options={roles.map((role) => ({ value: role.id, label: role.name }))} />
      </div>
      <Button type="submit" isPending={create.isPending}>
        Create API Key
      </Button>
    </form>
  );
};
