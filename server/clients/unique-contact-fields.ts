import "server-only";
import { type DbClient, db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError } from "@/server/errors";

const EMAIL_TAKEN = "A contact with this e-mail address already exists.";
const USERNAME_TAKEN = "This user name is already taken.";

const takenError = (field: "email" | "username") =>
  field === "email"
    ? new AppError("EMAIL_TAKEN", { userMessage: EMAIL_TAKEN, fieldErrors: { email: [EMAIL_TAKEN] } })
    : new AppError("EMAIL_TAKEN", { userMessage: USERNAME_TAKEN, fieldErrors: { username: [USERNAME_TAKEN] } });

/**
 * Refuses an e-mail or user name another contact signs in with. A check for a friendly answer; the unique
 * indexes still decide a race, and `asTakenError` turns that failure into the same field error.
 */
export const assertContactFieldsAvailable = async (
  { email, username, exceptContactId }: { email: string; username: string | null; exceptContactId?: string },
  client: DbClient = db,
) => {
  const others = await client.contact.findMany({
    where: { OR: [{ email }, ...(username ? [{ username }] : [])], ...(exceptContactId ? { NOT: { id: exceptContactId } } : {}) },
    select: { email: true, username: true },
  });
  if (others.some((other) => other.email === email)) throw takenError("email");
  if (username && others.some((other) => other.username === username)) throw takenError("username");
};

/** The field error for a unique violation on Contact.email or Contact.username, or null for any other error. */
export const asTakenError = (error: unknown) => {
  if (!(error instanceof PrismaRuntime.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  // NOTE: with the pg driver adapter the constraint is only named inside `meta`.
  const meta = JSON.stringify(error.meta ?? {});
  if (!meta.includes("Contact")) return null;
  if (meta.includes("username")) return takenError("username");
  if (meta.includes("email")) return takenError("email");
  return null;
};
