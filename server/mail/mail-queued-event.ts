import "server-only";
import { mailQueued } from "@/server/workflows/events";

/**
 * The `mail/queued` event for a mail due at `dueAt`, announced by `queueMail`/`resendMail` ("queue") or by the
 * outbox sweep ("sweep").
 * WARNING: the id is (announcer, mail, due time). Repeats of one announcement (the sweep running again before
 * delivery started, a replayed emit) are dropped as duplicates, and every new due time (a retry, a resend) is a
 * new event. The sweep has its own ids so that a mail whose first delivery run was lost is announced again at
 * the next sweep, not only after the 24 h duplicate window; the extra run that this can cause finds the mail
 * SENT and does nothing.
 */
export const mailQueuedEvent = (mailId: string, dueAt: Date, announcer: "queue" | "sweep" = "queue") =>
  mailQueued.create({ mailId }, { id: `mail-${announcer}-${mailId}-${dueAt.getTime()}` });
