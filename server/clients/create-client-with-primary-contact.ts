import "server-only";
import { ALL_CONTACT_EMAIL_ACTIONS, ALL_CONTACT_PERMISSIONS } from "@/lib/contact-options";
import { type DbClient, db } from "@/server/db";
import type { TLocale } from "@/lib/i18n/locales.mjs";

export type TNewPrimaryContact = {
  company: string;
  firstName: string;
  lastName: string;
  /** Already lower-cased: it is the sign-in name and unique across all contacts. */
  email: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  phone: string;
  passwordHash: string;
  /** The language the customer ordered in: their mails and documents are written in it. */
  language: TLocale;
};

export type CreateClientWithPrimaryContactOptions = {
  currency: string;
  contact: TNewPrimaryContact;
  /** The VAT number given at checkout (already checked with VIES): the account's tax ID for later orders and invoices. */
  taxId?: string;
};

/**
 * A new client account with its primary contact, as checkout creates it. The billing country and state are
 * taken from the contact's address (they drive tax rules); the account starts ACTIVE and taxable, and the primary
 * contact receives every e-mail action.
 * Run it in the caller's transaction; a taken e-mail fails on the unique index.
 */
export const createClientWithPrimaryContact = async ({ currency, contact, taxId = "" }: CreateClientWithPrimaryContactOptions, client: DbClient = db) => {
  const created = await client.client.create({
    data: {
      companyName: contact.company,
      status: "ACTIVE",
      country: contact.country,
      state: contact.state,
      isTaxable: true,
      taxId,
      currency,
      contacts: { create: { ...contact, isPrimary: true, emailActions: ALL_CONTACT_EMAIL_ACTIONS, permissions: ALL_CONTACT_PERMISSIONS } },
    },
    select: { id: true, number: true, contacts: { select: { id: true, email: true, firstName: true, lastName: true } } },
  });
  const [primary] = created.contacts;
  if (!primary) {
    throw new Error("The primary contact was not created");
  }
  return { clientId: created.id, clientNumber: created.number, contact: primary };
};
