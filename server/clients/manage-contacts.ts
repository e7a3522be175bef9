import "server-only";
import { ALL_CONTACT_PERMISSIONS } from "@/lib/contact-options";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { hashPassword } from "@/server/auth/password";
import type { TClientPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { normalizeAddress } from "./contact-fields.schemas";
import type { TAddContactFields, TUpdateContactFields } from "./contacts.schemas";
import { asTakenError, assertContactFieldsAvailable } from "./unique-contact-fields";

// Client area → Contacts: "Add Contact", "Edit Contact Info" → "Save Contact", remove. Scoped by the signed-in
// contact's client: a contact of another account is NOT_FOUND, never told apart from a missing one.

const notFound = () => new AppError("NOT_FOUND", { userMessage: "Contact not found." });
const actorOf = (principal: TClientPrincipal) => ({ kind: "contact" as const, contactId: principal.contactId, clientId: principal.clientId });

/** Runs `work` and turns a unique violation on e-mail or user name (a concurrent request won) into its field error. */
const withTakenFields = async <T>(work: () => Promise<T>) => {
  try {
    return await work();
  } catch (error) {
    throw asTakenError(error) ?? error;
  }
};

export const addContact = async ({ principal, fields }: { principal: TClientPrincipal; fields: TAddContactFields }) => {
  const { password, confirmPassword: _confirm, ...rest } = fields;
  const contact = normalizeAddress(rest);
  const passwordHash = password ? await hashPassword(password) : null;
  return withTakenFields(() =>
    db.$transaction(async (tx) => {
      await assertContactFieldsAvailable({ email: contact.email, username: contact.username }, tx);
      const created = await tx.contact.create({ data: { ...contact, passwordHash, clientId: principal.clientId, isPrimary: false }, select: { id: true } });
      await writeAuditEntry(
        {
          actor: actorOf(principal),
          action: "contact.created",
          entity: { type: "contact", id: created.id },
          after: { email: contact.email, username: contact.username, permissions: contact.permissions, emailActions: contact.emailActions },
          details: { clientId: principal.clientId, hasPassword: Boolean(passwordHash) },
        },
        tx,
      );
      return { contactId: created.id };
    }),
  );
};

/**
 * "Save Contact". The primary contact keeps every permission whatever the form sends. A new password ends the
 * contact's other sessions (sessionVersion), as every password change does.
 */
export const updateContact = async ({ principal, fields }: { principal: TClientPrincipal; fields: TUpdateContactFields }) => {
  const { contactId, password, confirmPassword: _confirm, ...rest } = fields;
  const contact = normalizeAddress(rest);
  const passwordHash = password ? await hashPassword(password) : null;
  return withTakenFields(() =>
    db.$transaction(async (tx) => {
      const before = await tx.contact.findFirst({
        where: { id: contactId, clientId: principal.clientId },
        select: { isPrimary: true, email: true, username: true, permissions: true, emailActions: true },
      });
      if (!before) throw notFound();
      await assertContactFieldsAvailable({ email: contact.email, username: contact.username, exceptContactId: contactId }, tx);
      const permissions = before.isPrimary ? ALL_CONTACT_PERMISSIONS : contact.permissions;
      await tx.contact.update({
        where: { id: contactId },
        data: { ...contact, permissions, ...(passwordHash ? { passwordHash, sessionVersion: { increment: 1 } } : {}) },
      });
      await writeAuditEntry(
        {
          actor: actorOf(principal),
          action: "contact.updated",
          entity: { type: "contact", id: contactId },
          before: { email: before.email, username: before.username, permissions: before.permissions, emailActions: before.emailActions },
          after: { email: contact.email, username: contact.username, permissions, emailActions: contact.emailActions },
          details: { clientId: principal.clientId, passwordChanged: Boolean(passwordHash) },
        },
        tx,
      );
      return { contactId };
    }),
  );
};

/** Removes a secondary contact, its sign-in and its two-factor and reset records. Never the primary contact. */
export const removeContact = async ({ principal, contactId }: { principal: TClientPrincipal; contactId: string }) =>
  db.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id: contactId, clientId: principal.clientId }, select: { isPrimary: true, email: true } });
    if (!contact) throw notFound();
    if (contact.isPrimary) {
      throw new AppError("INVALID_STATE_TRANSITION", { userMessage: "The primary contact cannot be removed." });
    }
    const principalRef = { principalKind: "CONTACT" as const, principalId: contactId };
    await tx.twoFactorCredential.deleteMany({ where: principalRef });
    await tx.passwordResetToken.deleteMany({ where: principalRef });
    await tx.contact.delete({ where: { id: contactId } });
    await writeAuditEntry(
      { actor: actorOf(principal), action: "contact.removed", entity: { type: "contact", id: contactId }, before: { email: contact.email }, details: { clientId: principal.clientId } },
      tx,
    );
    return { contactId };
  });
