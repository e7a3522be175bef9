"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { formatDate } from "@/lib/format-date";
import { useTRPC } from "@/lib/trpc/client";

type TaxDetailsFormProps =
  /** Staff on the client's details page: whether the account is taxable, and its tax ID. */
  | { audience: "staff"; clientId: string; isTaxable: boolean; taxId: string }
  /** The client on its dashboard: the tax ID only. */
  | { audience: "client"; taxId: string };

type TSaved = { vat: { status: "VALID" | "UNAVAILABLE"; consultationNumber: string | null; checkedAt: Date | null } | null };

/**
 * "Tax ID Number" (and, for staff, "Is Taxable"): an EU account's VAT number is checked with VIES on save; an
 * invalid one is refused on the field and nothing changes.
 */
export const TaxDetailsForm = (props: TaxDetailsFormProps) => {
  const t = useTranslations("ClientArea.taxDetails");
  const locale = useLocale();
  const savedMessage = ({ vat }: TSaved) => {
    if (!vat) return t("saved");
    if (vat.status !== "VALID") return t("savedUnavailable");
    const date = vat.checkedAt ? `, ${formatDate(vat.checkedAt, locale)}` : "";
    return t("savedValid", { details: vat.consultationNumber ? t("consultation", { number: vat.consultationNumber, date }) : "" });
  };
  const trpc = useTRPC();
  const router = useRouter();
  const [taxId, setTaxId] = useState(props.taxId);
  const [isTaxable, setIsTaxable] = useState(props.audience === "staff" ? props.isTaxable : true);
  const [fieldError, setFieldError] = useState<string>();
  const [message, setMessage] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);

  const callbacks = {
    onSuccess: (saved: TSaved) => {
      setFieldError(undefined);
      setMessage({ tone: saved.vat?.status === "UNAVAILABLE" ? "info" : "success", text: savedMessage(saved) });
      router.refresh();
    },
    onError: (error: { message: string; data?: { fieldErrors: Record<string, string[] | undefined> | null } | null }) => {
      setFieldError(error.data?.fieldErrors?.taxId?.[0]);
      setMessage({ tone: "error", text: error.message });
    },
  };
  const staffSave = useMutation(trpc.adminClients.updateTaxDetails.mutationOptions(callbacks));
  const clientSave = useMutation(trpc.clientArea.updateTaxId.mutationOptions(callbacks));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMessage(null);
    if (props.audience === "staff") staffSave.mutate({ clientId: props.clientId, isTaxable, taxId });
    else clientSave.mutate({ taxId });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("title")} className="max-w-md space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {props.audience === "staff" && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={isTaxable} onChange={(event) => setIsTaxable(event.target.checked)} className="size-4" />
          {t("isTaxable")}
        </label>
      )}
      <TextField
        label={t("taxId")}
        name="taxId"
        autoComplete="off"
        value={taxId}
        onChange={(event) => setTaxId(event.target.value)}
        error={fieldError}
        hint={t("taxIdHint")}
      />
      <Button type="submit" isPending={staffSave.isPending || clientSave.isPending}>
        {t("save")}
      </Button>
    </form>
  );
};
