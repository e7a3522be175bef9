import { StatusBadge } from "@/components/ui/status-badge";

/** An issued invoice shows its payment status ("Unpaid", "Partially Paid", "Paid"); a draft or void one its document status. */
export const InvoiceStatusBadge = ({ status, paymentStatus }: { status: string; paymentStatus: string }) => (
  <StatusBadge status={status === "ISSUED" ? paymentStatus : status} />
);
