import "server-only";
import { db, type DbClient } from "@/server/db";
import { PAID_EVENT_RESENT_ACTION } from "./resend-invoice-paid-event";

/**
 * How long an announcement of a paid invoice may go without its packages leaving PENDING before reconciliation
 * treats it as lost. Provisioning moves each package out of PENDING in its first step, seconds after delivery.
 */
export const PROVISIONING_GRACE_MS = 10 * 60_000;
/** Automatic re-sends per invoice; past that a run keeps failing for a reason staff must look at (System Queue). */
export const MAX_AUTOMATIC_RESENDS = 3;
/** Invoices handled per reconciliation pass; the next pass takes the rest. */
const RECONCILE_BATCH = 100;
/** The provisioning workflow as the embedded executor stores it ("<appId>-<fnId>"). */
const PROVISION_FUNCTION_ID = "hostlane-provision-service";

/**
 * Paid invoices whose provisioning should have started and did not (reconciliation, issue #6 §3): the invoice
 * is ISSUED and PAID, at least one of its packages is still PENDING, and nothing is on its way to start it —
 * - no provisioning run for the invoice (embedded engine; a run that exists, even a failed one, is visible in
 *   the System Queue, where staff retry it);
 * - no announcement waiting in the outbox, or delivered within the grace period (inngest engine);
 * - no re-send within the grace period, and fewer than MAX_AUTOMATIC_RESENDS automatic ones.
 * On each engine the other engine's table is simply empty. Oldest payments first.
 */
export const findUnprovisionedPaidInvoices = async ({ now }: { now: Date }, client: DbClient = db): Promise<string[]> => {
  // NOTE: an ISO string cast to timestamp, as the executor does: the columns are UTC timestamp(3).
  const cutoff = new Date(now.getTime() - PROVISIONING_GRACE_MS).toISOString();
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT i.id FROM "Invoice" i
    WHERE i.status = 'ISSUED' AND i."paymentStatus" = 'PAID' AND i."paidAt" <= ${cutoff}::timestamp
      AND EXISTS (
        SELECT 1 FROM "InvoiceLine" l JOIN "Service" s ON s.id = l."serviceId"
        WHERE l."invoiceId" = i.id AND s.status = 'PENDING')
      AND NOT EXISTS (
        SELECT 1 FROM "InngestRun" r
        WHERE r."functionId" = ${PROVISION_FUNCTION_ID} AND r.event->'data'->>'invoiceId' = i.id)
      AND NOT EXISTS (
        SELECT 1 FROM "EventOutbox" o
        WHERE o.name = 'billing/invoice.paid' AND o.payload->'data'->>'invoiceId' = i.id
          AND (o."sentAt" IS NULL OR o."sentAt" > ${cutoff}::timestamp))
      AND NOT EXISTS (
        SELECT 1 FROM "AuditLog" a
        WHERE a."entityType" = 'Invoice' AND a."entityId" = i.id AND a.action = ${PAID_EVENT_RESENT_ACTION} AND a."createdAt" > ${cutoff}::timestamp)
      AND (SELECT count(*) FROM "AuditLog" a
           WHERE a."entityType" = 'Invoice' AND a."entityId" = i.id AND a.action = ${PAID_EVENT_RESENT_ACTION} AND a."staffId" IS NULL
          ) < ${MAX_AUTOMATIC_RESENDS}
    ORDER BY i."paidAt", i.id
    LIMIT ${RECONCILE_BATCH}`;
  return rows.map((row) => row.id);
};
