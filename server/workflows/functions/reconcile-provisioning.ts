import "server-only";
import { findUnprovisionedPaidInvoices } from "@/server/billing/invoices/find-unprovisioned-paid-invoices";
import { resendInvoicePaidEvent } from "@/server/billing/invoices/resend-invoice-paid-event";
import { now } from "@/server/clock";
import { AppError } from "@/server/errors";
import { inngest } from "../client";

/**
 * Reconciliation (issue #6 §3): finds what should have happened and did not — a paid invoice whose packages are
 * still PENDING with nothing on its way to provision them — and announces `billing/invoice.paid` again, one
 * step per invoice, so the System Queue shows what was re-sent. The rules are in the two use cases.
 *
 * Retry contract: the find step only reads; a re-send is one transaction (event + audit entry) with its own
 * deterministic id, and provisioning is idempotent, so a retried or overlapping pass starts nothing twice that
 * matters. An invoice that changed between the two steps (paid packages already moving) is skipped, not failed.
 */
export const reconcileProvisioning = inngest.createFunction(
  {
    id: "reconcile-provisioning",
    name: "Reconcile provisioning of paid invoices",
    triggers: [{ cron: "*/15 * * * *" }],
    concurrency: { limit: 1 }, // NOTE: one pass at a time; a slow pass never overlaps the next slot
    retries: 3,
  },
  async ({ step }) => {
    const invoiceIds = await step.run("find-unprovisioned-paid-invoices", () => findUnprovisionedPaidInvoices({ now: now() }));
    const resent: string[] = [];
    const skipped: { invoiceId: string; reason: string }[] = [];
    for (const invoiceId of invoiceIds) {
      const outcome = await step.run(`resend-paid-event-${invoiceId}`, async () => {
        try {
          return { eventId: (await resendInvoicePaidEvent({ invoiceId, staffId: null, now: now() })).eventId };
        } catch (error) {
          if (error instanceof AppError) return { skipped: error.details.userMessage ?? error.code };
          throw error;
        }
      });
      if ("eventId" in outcome) resent.push(outcome.eventId);
      else skipped.push({ invoiceId, reason: outcome.skipped });
    }
    return { found: invoiceIds.length, resent, skipped };
  },
);
