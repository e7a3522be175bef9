import "server-only";
import { type DbClient, db } from "@/server/db";

/** Mails announced per sweep; the next sweep, a minute later, takes the rest. */
export const DUE_MAIL_BATCH = 500;

/**
 * QUEUED mails whose next attempt is due: retries after a 4xx reply or connection error, and any mail whose
 * `mail/queued` announcement was lost. Oldest due first. Held mails (no next attempt) are not due.
 */
export const findDueMail = async ({ now, limit = DUE_MAIL_BATCH }: { now: Date; limit?: number }, client: DbClient = db) =>
  client.outboxMail.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, nextAttemptAt: true },
  });
