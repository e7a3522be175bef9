"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type TGroup = { id: string; name: string; discountBasisPoints: number; clientCount: number };

const percentOf = (basisPoints: number) => (basisPoints / 100).toString();

/** One group's form: "Add Client Group" when `group` is absent, otherwise edit and delete. */
const GroupForm = ({ group, canWrite }: { group?: TGroup; canWrite: boolean }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(group?.name ?? "");
  const [discountPercent, setDiscountPercent] = useState(group ? percentOf(group.discountBasisPoints) : "0");
  const [saved, setSaved] = useState(false);
  const done = () => {
    setSaved(true);
    if (!group) { setName(""); setDiscountPercent("0"); }
    router.refresh();
  };
  const create = useMutation(trpc.adminClients.createGroup.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.adminClients.updateGroup.mutationOptions({ onSuccess: done }));
  const remove = useMutation(trpc.adminClients.deleteGroup.mutationOptions({ onSuccess: () => router.refresh() }));
  const failed = create.error ?? update.error ?? remove.error;
  const fieldErrors = failed?.data?.fieldErrors ?? {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (group) update.mutate({ clientGroupId: group.id, name, discountPercent });
    else create.mutate({ name, discountPercent });
  };
  const label = group ? `Client group ${group.name}` : "Add Client Group";
  return (
    <form aria-label={label} onSubmit={onSubmit} noValidate className="space-y-2 border-b border-slate-200 py-3 last:border-0">
      {failed && <Alert tone="error">{failed.message}</Alert>}
      {saved && !failed && <Alert tone="success">{group ? "Saved." : "Client group added."}</Alert>}
      <div className="flex flex-wrap items-end gap-3">
        <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} error={fieldErrors.name?.[0]} disabled={!canWrite} required />
        <TextField label="Discount %" name="discountPercent" inputMode="decimal" value={discountPercent} onChange={(event) => setDiscountPercent(event.target.value)} error={fieldErrors.discountPercent?.[0]} disabled={!canWrite} className="w-32" />
        {group && <span className="pb-2 text-sm text-slate-600">{group.clientCount} clients</span>}
        {canWrite && (
          <Button type="submit" isPending={create.isPending || update.isPending}>
            {group ? "Save" : "Add Client Group"}
          </Button>
        )}
        {canWrite && group && (
          <Button
            type="button"
            variant="danger"
            isPending={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the client group ${group.name}? Its ${group.clientCount} clients stay, without a group.`)) remove.mutate({ clientGroupId: group.id });
            }}
          >
            Delete
          </Button>
        )}
      </div>
    </form>
  );
};

/** Admin → Clients → Client Groups: each group with its discount, and a form to add one. */
export const ClientGroupsManager = ({ groups, canWrite }: { groups: TGroup[]; canWrite: boolean }) => (
  <div>
    {groups.length === 0 && <p className="py-3 text-sm text-slate-600">No client groups yet.</p>}
    {groups.map((group) => (
      <GroupForm key={`${group.id}:${group.name}:${group.discountBasisPoints}`} group={group} canWrite={canWrite} />
    ))}
    {canWrite && <GroupForm canWrite />}
  </div>
);
