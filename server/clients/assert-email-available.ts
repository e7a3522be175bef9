import "server-only";
import { type DbClient, db } from "@/server/db";
import { AppError } from "@/server/errors";

const EMAIL_TAKEN_MESSAGE = "An account with this e-mail address already exists. Please sign in to order.";

/** The refusal for a taken sign-in e-mail, with the message under the E-mail field. */
export const emailTakenError = () =>
  new AppError("EMAIL_TAKEN", { userMessage: EMAIL_TAKEN_MESSAGE, fieldErrors: { email: [EMAIL_TAKEN_MESSAGE] } });

/**
 * Throws EMAIL_TAKEN when a contact already signs in with this (lower-cased) e-mail. A check, not a claim:
 * the unique index on Contact.email still decides a race, and callers map that failure to the same error.
 */
export const assertEmailAvailable = async ({ email }: { email: string }, client: DbClient = db) => {
  const existing = await client.contact.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (existing) {
    throw emailTakenError();
  }
};
