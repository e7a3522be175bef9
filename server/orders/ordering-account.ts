import "server-only";
import type { TClientPrincipal } from "@/server/auth/principal";
import { contactPermissions } from "@/server/clients/contact-permissions";
import { type DbClient, db } from "@/server/db";

/**
 * What Order Summary shows a signed-in client instead of the contact fields: the account the order goes to,
 * its currency (the cart is priced in it) and whether this contact may order (billing permission).
 */
export const getOrderingAccount = async ({ principal }: { principal: TClientPrincipal }, client: DbClient = db) => {
  const [permissions, account, contact] = await Promise.all([
    contactPermissions(principal, client),
    client.client.findUniqueOrThrow({ where: { id: principal.clientId }, select: { number: true, companyName: true, currency: true, country: true, state: true, taxId: true, creditBalanceCents: true } }),
    client.contact.findUniqueOrThrow({ where: { id: principal.contactId }, select: { firstName: true, lastName: true, email: true } }),
  ]);
  return {
    name: `${contact.firstName} ${contact.lastName}`,
    email: contact.email,
    accountLabel: `${account.companyName || `${contact.firstName} ${contact.lastName}`} (Client #${account.number})`,
    billingCountry: account.state ? `${account.country}, ${account.state}` : account.country,
    taxId: account.taxId,
    currency: account.currency,
    /** Offered as the "Account Credit" payment method when there is any. */
    creditBalanceCents: account.creditBalanceCents,
    canOrder: permissions.has("billing"),
  };
};

export type TOrderingAccount = Awaited<ReturnType<typeof getOrderingAccount>>;
