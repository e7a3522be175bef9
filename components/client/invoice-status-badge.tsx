import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TClientStatus } from "./client-status";

/** An issued invoice shows its payment status ("Unpaid", "Partially Paid", "Paid"); a void one shows "Void". */
export const InvoiceStatusBadge = ({ status, paymentStatus }: { status: string; paymentStatus: string }) => {
  const t = useTranslations("ClientArea.statuses");
  const shown = (status === "ISSUED" ? paymentStatus : status) as TClientStatus;
  return <StatusBadge status={shown} label={t(shown)} />;
};
