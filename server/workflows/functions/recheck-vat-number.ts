import "server-only";
import { now } from "@/server/clock";
import { recheckVatNumber } from "@/server/tax/vies/recheck-vat-number";
import { inngest } from "../client";
import { vatRecheckRequested } from "../events";

/** Waits before each re-check: VIES outages of a member state usually last minutes to hours, rarely days. */
export const VAT_RECHECK_DELAYS = ["15m", "1h", "6h", "1d", "1d", "1d", "1d"] as const;

/**
 * A VAT number VIES could not answer for (integrations.md §6.1) is asked again after growing waits until an
 * answer comes. A VALID answer marks it verified, so later invoices reverse-charge; what was already
 * invoiced with VAT stays (staff may issue a credit note). One run per number at a time; a run finds the
 * number already answered (e.g. by a later checkout) and stops.
 */
export const recheckVatNumberFunction = inngest.createFunction(
  {
    id: "recheck-vat-number",
    name: "Re-check VAT number with VIES",
    triggers: [vatRecheckRequested],
    concurrency: { key: "event.data.vatNumberId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const { vatNumberId } = event.data;
    for (const [round, delay] of VAT_RECHECK_DELAYS.entries()) {
      await step.sleep(`wait-${round}`, delay);
      const result = await step.run(`recheck-${round}`, async () => {
        const recorded = await recheckVatNumber({ vatNumberId, now: now() });
        return recorded ? { answer: recorded.answer } : null;
      });
      if (!result) return { outcome: "already-answered", rounds: round + 1 };
      if (result.answer !== "UNAVAILABLE") return { outcome: result.answer, rounds: round + 1 };
    }
    return { outcome: "still-unavailable", rounds: VAT_RECHECK_DELAYS.length };
  },
);
