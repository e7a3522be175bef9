import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { pokeEventDelivery } from "@/server/workflows/emit";
import { emitInvoicePaid } from "./invoice-paid-event";

/** The audit action of every re-send; its count per invoice numbers the next one (invoice-paid-event.ts). */
export const PAID_EVENT_RESENT_ACTION = "invoice.paid-event-resent";

export type ResendInvoicePaidEventOptions = {
  invoiceId: string;
  /** The staff member who asked ("Resend Paid Event"); null when the reconciliation workflow re-sends. */
  staffId: string | null;
  now: Date;
};

export type ResendInvoicePaidEventResult = { invoiceId: string; eventId: string; pendingPackages: number };

/**
 * Announces `billing/invoice.paid` again for a PAID invoice whose packages are still PENDING, so provisioning
 * starts (again). Staff call it from the invoice page; the reconciliation workflow calls it for what it finds.
 * The event, its audit entry and the numbering commit together (emit.ts).
 *
 * NOTE: each re-send gets a new deterministic id, `invoice-paid-<id>-resend-<n>`. Re-using the payment's id
 * would be dropped by the 24 h deduplication of both engines exactly when it matters: the original event was
 * delivered (its id is remembered) but its run was lost, e.g. deleted, or lost by an Inngest server without
 * Redis that crashed before its snapshot. A duplicate re-send is harmless: provisioning is idempotent (one task,
 * one activation, one welcome mail per package), and a retried delivery of one re-send keeps its id.
 * The invoice row is locked, so concurrent re-sends are numbered one after the other.
 */
export const resendInvoicePaidEvent = async (
  { invoiceId, staffId, now }: ResendInvoicePaidEventOptions,
  client: typeof db = db,
): Promise<ResendInvoicePaidEventResult> => {
  const result = await client.$transaction(async (tx) => {
    const [invoice] = await tx.$queryRaw<{ status: string; paymentStatus: string }[]>`
      SELECT status::text AS status, "paymentStatus"::text AS "paymentStatus" FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
    if (!invoice) throw new AppError("NOT_FOUND", { userMessage: "This invoice does not exist." });
    if (invoice.status !== "ISSUED" || invoice.paymentStatus !== "PAID") {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "Only a paid invoice can announce its payment again. Nothing was sent." });
    }
    const pendingPackages = await tx.service.count({ where: { status: "PENDING", invoiceLines: { some: { invoiceId } } } });
    if (pendingPackages === 0) {
      throw new AppError("INVALID_STATE_TRANSITION", {
        userMessage: "The packages of this invoice are already being set up or active. Nothing was sent.",
      });
    }
    const previous = await tx.auditLog.count({ where: { entityType: "Invoice", entityId: invoiceId, action: PAID_EVENT_RESENT_ACTION } });
    const eventId = await emitInvoicePaid({ invoiceId, resendNumber: previous + 1 }, tx);
    await writeAuditEntry(
      {
        actor: staffId ? { kind: "staff", staffId } : { kind: "system", name: "reconcile-provisioning" },
        action: PAID_EVENT_RESENT_ACTION,
        entity: { type: "Invoice", id: invoiceId },
        details: { eventId, pendingPackages, source: staffId ? "staff" : "reconciliation" },
        // NOTE: from `now`, not the database clock: reconciliation compares it with its own `now`.
        at: now,
      },
      tx,
    );
    return { invoiceId, eventId, pendingPackages };
  });
  pokeEventDelivery();
  return result;
};
