import { StatusBadge } from "@/components/ui/status-badge";

/** An issued invoice shows its payment status ("Unpaid", "Partially Paid", "Paid"); a void one shows "Void". */
export const InvoiceStatusBadge = ({ status, paymentStatus }: { status: string; paymentStatus: string }) => (
  <StatusBadge status={status === "ISSUED" ? paymentStatus : status} />
);
