"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc/client";

type TaskActionsProps = {
  taskId: string;
  isClosed: boolean;
  isAssignedToMe: boolean;
  /** Setup tasks need the user name and server: they become the package's service details. */
  isSetupTask: boolean;
};

type FieldName = "username" | "server" | "notes";

/**
 * "Assign to Me" and the close form. After each action the page re-renders from the server; this component
 * keeps its confirmation message across that refresh.
 */
export const TaskActions = ({ taskId, isClosed, isAssignedToMe, isSetupTask }: TaskActionsProps) => {
  const trpc = useTRPC();
  const router = useRouter();
  const notesId = useId();
  const [values, setValues] = useState<Record<FieldName, string>>({ username: "", server: "", notes: "" });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const assign = useMutation(
    trpc.tasks.assignToMe.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: "The task is assigned to you." });
        router.refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    }),
  );

  const close = useMutation(
    trpc.tasks.close.mutationOptions({
      onSuccess: () => {
        setMessage({
          tone: "success",
          text: isSetupTask
            ? "Task closed. The package becomes Active and the welcome e-mail is sent."
            : "Task closed.",
        });
        router.refresh();
      },
      onError: (error) => {
        const fieldErrors = error.data?.fieldErrors ?? {};
        setErrors({ username: fieldErrors.username?.[0], server: fieldErrors.server?.[0], notes: fieldErrors.notes?.[0] });
        setMessage({ tone: "error", text: error.message });
      },
    }),
  );

  const setValue = (name: FieldName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  const onClose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    const next: Partial<Record<FieldName, string>> = {};
    if (isSetupTask && !values.username.trim()) next.username = "Enter the user name of the new account.";
    if (isSetupTask && !values.server.trim()) next.server = "Enter the server the package was set up on.";
    if (/\s/.test(values.username.trim())) next.username = "A user name cannot contain spaces.";
    setErrors(next);
    if (Object.values(next).some(Boolean)) {
      setMessage({ tone: "error", text: "Please correct the highlighted fields." });
      return;
    }
    close.mutate({ taskId, ...values });
  };

  return (
    <div className="space-y-4">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {!isClosed && (
        <>
          {!isAssignedToMe && (
            <Button variant="secondary" isPending={assign.isPending} onClick={() => assign.mutate({ taskId })}>
              Assign to Me
            </Button>
          )}
          <form onSubmit={onClose} noValidate aria-label="Close Task" className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="User Name"
                name="username"
                autoComplete="off"
                required={isSetupTask}
                maxLength={64}
                value={values.username}
                onChange={setValue("username")}
                error={errors.username}
              />
              <TextField
                label="Server"
                name="server"
                autoComplete="off"
                required={isSetupTask}
                maxLength={255}
                value={values.server}
                onChange={setValue("server")}
                error={errors.server}
                hint="Host name or IP address"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor={notesId} className="block text-sm font-medium text-slate-700">
                Notes
              </label>
              <textarea
                id={notesId}
                name="notes"
                rows={4}
                maxLength={2_000}
                value={values.notes}
                onChange={setValue("notes")}
                aria-invalid={errors.notes ? true : undefined}
                aria-describedby={errors.notes ? `${notesId}-error` : undefined}
                className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-invalid:border-red-500"
              />
              {errors.notes && (
                <p id={`${notesId}-error`} className="text-sm text-red-600">
                  {errors.notes}
                </p>
              )}
            </div>
            <Button type="submit" isPending={close.isPending}>
              Close Task
            </Button>
          </form>
        </>
      )}
    </div>
  );
};
