import "server-only";
import { now } from "@/server/clock";
import { deliverMail } from "@/server/mail/deliver-mail";
import { inngest } from "../client";
import { mailQueued } from "../events";

/**
 * Delivers one outbox mail over SMTP (server/mail/deliver-mail.ts holds every rule).
 *
 * Retry contract: SMTP refusals and connection errors are not thrown; they are recorded on the mail with its
 * own retry schedule, and the mail-outbox sweep announces the retry when it is due. The function's retries only
 * cover our own errors (the database unreachable). One run per mail at a time, so a resend racing a retry can
 * never hand the same mail to the server twice at once.
 */
export const deliverMailFunction = inngest.createFunction(
  {
    id: "deliver-mail",
    name: "Deliver mail",
    triggers: [mailQueued],
    concurrency: { limit: 1, key: "event.data.mailId" },
    retries: 3,
  },
  async ({ event, step }) => step.run("deliver-mail", () => deliverMail({ mailId: event.data.mailId, now: now() })),
);
