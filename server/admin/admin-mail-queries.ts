import "server-only";
import { db, type DbClient } from "@/server/db";

const OUTBOX_LIST_LIMIT = 200;

/** The mail outbox, newest first; the body is left out of the list and read one message at a time. */
export const listOutboxMail = (client: DbClient = db) =>
  client.outboxMail.findMany({
    orderBy: { createdAt: "desc" },
    take: OUTBOX_LIST_LIMIT,
    select: { id: true, to: true, subject: true, template: true, createdAt: true, sentAt: true },
  });

export const getOutboxMail = ({ mailId }: { mailId: string }, client: DbClient = db) =>
  client.outboxMail.findUnique({
    where: { id: mailId },
    select: { id: true, to: true, subject: true, template: true, text: true, createdAt: true, sentAt: true, clientId: true },
  });
