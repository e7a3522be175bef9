"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";
import { useFormFeedback } from "./use-form-feedback";

type TGroup = { id?: string; name: string; slug: string; description: string; isHidden: boolean };

/** "Add Group" / "Edit group" on Admin → Products, in a disclosure so the list stays readable. */
export const GroupForm = ({ group }: { group: TGroup }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const feedback = useFormFeedback();
  const [values, setValues] = useState(group);
  const set = <K extends keyof TGroup>(key: K, value: TGroup[K]) => setValues((current) => ({ ...current, [key]: value }));
  const onSuccess = () => {
    feedback.succeed(group.id ? "Group saved." : "Group added.");
    if (!group.id) setValues(group);
    router.refresh();
  };
  const create = useMutation(trpc.catalogAdmin.createGroup.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const update = useMutation(trpc.catalogAdmin.updateGroup.mutationOptions({ onSuccess, onError: feedback.onServerError }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    feedback.reset();
    const { id, ...fields } = values;
    if (id) update.mutate({ ...fields, groupId: id });
    else create.mutate(fields);
  };
  const title = group.id ? `Edit group ${group.name}` : "Add Group";
  const errors = feedback.fieldErrors;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">{group.id ? <>Edit<span className="sr-only"> group {group.name}</span></> : "Add Group"}</summary>
      <form onSubmit={onSubmit} noValidate aria-label={title} className="mt-2 max-w-md space-y-3">
        {feedback.message && <Alert tone={feedback.message.tone}>{feedback.message.text}</Alert>}
        <TextField label="Group Name" value={values.name} onChange={(event) => set("name", event.target.value)} error={errors.name} required />
        <TextField label="Group URL Name" value={values.slug} onChange={(event) => set("slug", event.target.value)} error={errors.slug} required />
        <TextAreaField label="Group Description" value={values.description} onChange={(event) => set("description", event.target.value)} error={errors.description} />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4" checked={values.isHidden} onChange={(event) => set("isHidden", event.target.checked)} />
          Hidden (the group and its products leave the storefront)
        </label>
        <Button type="submit" isPending={create.isPending || update.isPending}>
          {group.id ? "Save Group" : "Add Group"}
        </Button>
      </form>
    </details>
  );
};

/** "Move up" / "Move down": the order of the groups on the storefront. */
export const MoveGroupButtons = ({ groupId, groupName, isFirst, isLast }: { groupId: string; groupName: string; isFirst: boolean; isLast: boolean }) => {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const move = useMutation(trpc.catalogAdmin.moveGroup.mutationOptions({ onSuccess: () => router.refresh(), onError: (failure) => setError(failure.message) }));
  return (
    <span className="inline-flex items-center gap-1">
      <Button variant="ghost" disabled={isFirst} isPending={move.isPending && move.variables?.direction === "up"} onClick={() => move.mutate({ groupId, direction: "up" })}>
        ↑<span className="sr-only">Move {groupName} up</span>
      </Button>
      <Button variant="ghost" disabled={isLast} isPending={move.isPending && move.variables?.direction === "down"} onClick={() => move.mutate({ groupId, direction: "down" })}>
        ↓<span className="sr-only">Move {groupName} down</span>
      </Button>
      {error && <span role="alert" className="text-sm text-red-600">{error}</span>}
    </span>
  );
};
