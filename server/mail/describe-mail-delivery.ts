import { formatDateTime } from "@/lib/format-date-time";

type MailDelivery = { status: "QUEUED" | "SENT" | "FAILED"; attempts: number; nextAttemptAt: Date | null };

export const NOT_CONFIGURED_NOTE = "Not sent: no SMTP server configured";

/**
 * The one sentence the outbox list and detail show for where a mail stands. While no SMTP server is configured
 * every unsent mail says so, whatever else is on the row.
 */
export const describeMailDelivery = ({ status, attempts, nextAttemptAt }: MailDelivery, isSmtpConfigured: boolean) => {
  const tries = `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  if (status === "SENT") return "Sent";
  if (status === "FAILED") return `Failed after ${tries}`;
  if (!isSmtpConfigured) return NOT_CONFIGURED_NOTE;
  if (!nextAttemptAt) return "Not sent: held while no SMTP server was configured; resend to deliver it";
  if (attempts > 0) return `Retrying ${formatDateTime(nextAttemptAt)} (after ${tries})`;
  return "Queued for delivery";
};
