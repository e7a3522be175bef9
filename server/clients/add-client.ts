import "server-only";
import { ALL_CONTACT_PERMISSIONS } from "@/lib/contact-options";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { hashPassword } from "@/server/auth/password";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TAddClientFields, TClientStepFields } from "./add-client.schemas";
import { normalizeAddress } from "./contact-fields.schemas";
import { asTakenError, assertContactFieldsAvailable } from "./unique-contact-fields";

const GROUP_GONE = "This client group no longer exists. Choose another.";

const BRAND_GONE = "This theme no longer exists. Choose another.";

const assertBrandExists = async (brandId: string | null, client: Pick<typeof db, "brand"> = db) => {
  if (brandId && !(await client.brand.findUnique({ where: { id: brandId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", { userMessage: BRAND_GONE, fieldErrors: { brand: [BRAND_GONE] } });
  }
};

const assertGroupExists = async (clientGroupId: string | null, client: Pick<typeof db, "clientGroup"> = db) => {
  if (clientGroupId && !(await client.clientGroup.findUnique({ where: { id: clientGroupId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", { userMessage: GROUP_GONE, fieldErrors: { clientGroupId: [GROUP_GONE] } });
  }
};

/**
 * "Save and Add Primary Contact": checks the first screen without writing anything. The client is only created
 * with its primary contact (addClient), so an abandoned flow leaves no account without a contact behind.
 */
export const checkClientStep = async ({ fields }: { fields: TClientStepFields }) => {
  await assertGroupExists(fields.clientGroupId);
  await assertBrandExists(fields.brand);
  return { ok: true as const };
};

/** `fields` as ZAddClientInput parsed them (the procedure input). */
export type AddClientOptions = { fields: TAddClientFields; actorStaffId: string };

/**
 * Clients → Add New Client: the client account and its primary contact (all permissions, all e-mail actions
 * the staff member ticked) in one transaction with the audit entry. A taken e-mail or user name is a field
 * error, also when a concurrent request takes it first (the unique index decides).
 */
export const addClient = async ({ fields, actorStaffId }: AddClientOptions) => {
  const { companyName, brand: brandId, clientGroupId, status, billingDay, billingCountry, isTaxable, taxId, password, confirmPassword: _confirm, ...rawContact } =
    fields;
  const contact = normalizeAddress(rawContact);
  const passwordHash = password ? await hashPassword(password) : null;
  try {
    return await db.$transaction(async (tx) => {
      await assertGroupExists(clientGroupId, tx);
      await assertBrandExists(brandId, tx);
      await assertContactFieldsAvailable({ email: contact.email, username: contact.username }, tx);
      const created = await tx.client.create({
        data: {
          companyName,
          brandId,
          clientGroupId,
          status,
          billingDay,
          country: billingCountry,
          state: billingCountry === contact.country ? contact.state : "",
          isTaxable,
          taxId,
          currency: STOREFRONT_CURRENCY,
          contacts: { create: { ...contact, passwordHash, isPrimary: true, permissions: ALL_CONTACT_PERMISSIONS } },
        },
        select: { id: true, number: true, contacts: { select: { id: true } } },
      });
      await writeAuditEntry(
        {
          actor: { kind: "staff", staffId: actorStaffId },
          action: "client.created",
          entity: { type: "client", id: created.id },
          after: { companyName, brandId, clientGroupId, status, billingDay, country: billingCountry, isTaxable, taxId },
          details: { primaryContactId: created.contacts[0]?.id, email: contact.email, username: contact.username, hasPassword: Boolean(passwordHash) },
        },
        tx,
      );
      return { clientId: created.id, clientNumber: created.number };
    });
  } catch (error) {
    // The transaction is rolled back by now, so answering with the field error is safe.
    throw asTakenError(error) ?? error;
  }
};
