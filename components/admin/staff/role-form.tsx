"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { PERMISSIONS, type TPermission } from "@/server/staff/permissions";

type RoleFormProps = { role?: { id: string; name: string; description: string; permissions: readonly string[] } };

/** The catalogue grouped by area, in catalogue order: one checkbox group per area. */
const AREAS = Object.entries(PERMISSIONS).reduce<Map<string, { value: TPermission; label: string }[]>>((areas, [key, { area, label }]) => {
  areas.set(area, [...(areas.get(area) ?? []), { value: key as TPermission, label }]);
  return areas;
}, new Map());

/** Create or edit a custom role; with `role` it edits, and offers to delete it. */
export const RoleForm = ({ role }: RoleFormProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(role?.name ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [permissions, setPermissions] = useState<string[]>([...(role?.permissions ?? [])]);
  const [error, setError] = useState<string | null>(null);
  const onError = (mutationError: { message: string }) => setError(mutationError.message);
  const create = useMutation(trpc.staff.createRole.mutationOptions({ onSuccess: ({ id }) => router.push(`/admin/roles/${id}?saved=1`), onError }));
  const update = useMutation(trpc.staff.updateRole.mutationOptions({ onSuccess: () => router.push("/admin/roles?saved=1"), onError }));
  const remove = useMutation(trpc.staff.deleteRole.mutationOptions({ onSuccess: () => router.push("/admin/roles?deleted=1"), onError }));
  const fieldErrors = (create.error ?? update.error)?.data?.fieldErrors ?? {};
  const isBusy = create.isPending || update.isPending || remove.isPending;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const fields = { name, description, permissions };
    if (role) update.mutate({ roleId: role.id, ...fields });
    else create.mutate(fields);
  };

  return (
    <form aria-label={role ? "Edit role" : "New role"} className="space-y-5" onSubmit={onSubmit} noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name?.[0]} required />
        <TextField label="Description" name="description" value={description} onChange={(event) => setDescription(event.target.value)} error={fieldErrors.description?.[0]} />
      </div>
      {[...AREAS].map(([area, options]) => (
        <CheckboxGroup
          key={area}
          legend={area}
          options={options}
          selected={permissions.filter((permission) => options.some((option) => option.value === permission))}
          onChange={(areaSelected) => setPermissions((current) => [...current.filter((permission) => !options.some((option) => option.value === permission)), ...areaSelected])}
          disabled={isBusy}
        />
      ))}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" isPending={create.isPending || update.isPending} disabled={isBusy}>
          {role ? "Save Role" : "Create Role"}
        </Button>
        {role && (
          <Button
            variant="danger"
            isPending={remove.isPending}
            disabled={isBusy}
            onClick={() => {
              setError(null);
              if (window.confirm(`Delete the role ${role.name}?`)) remove.mutate({ roleId: role.id });
            }}
          >
            Delete Role
          </Button>
        )}
      </div>
    </form>
  );
};
