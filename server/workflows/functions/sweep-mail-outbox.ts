import "server-only";
import { now } from "@/server/clock";
import { findDueMail } from "@/server/mail/find-due-mail";
import { mailQueuedEvent } from "@/server/mail/mail-queued-event";
import { inngest } from "../client";

/**
 * Every minute: announces each mail whose next attempt is due (a retry after a 4xx reply or a connection
 * error, or a mail whose `mail/queued` never arrived) with one `mail/queued` event per mail. It only fans out;
 * deliver-mail does the work. The event id is the mail and its due time (mailQueuedEvent), so announcing
 * again before delivery started is dropped as a duplicate.
 */
export const sweepMailOutbox = inngest.createFunction(
  { id: "sweep-mail-outbox", name: "Sweep mail outbox", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) => {
    const events = await step.run("find-due-mail", async () =>
      (await findDueMail({ now: now() })).map((mail) => mailQueuedEvent(mail.id, mail.nextAttemptAt!, "sweep")),
    );
    if (events.length > 0) await step.sendEvent("announce-due-mail", events);
    return { announced: events.length };
  },
);
