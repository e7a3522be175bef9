import "server-only";
import type { TClientPrincipal } from "@/server/auth/principal";
import { type DbClient, db } from "@/server/db";
import { isEuMemberState } from "@/server/tax/eu-vat-rates";
import { insufficientCreditError } from "@/server/billing/credit/pay-from-credit";
import { pokeEventDelivery } from "@/server/workflows/emit";
import type { TClientPlaceOrderFields, TClientQuoteOrderFields } from "./checkout.schemas";
import { quoteOrder } from "./quote-order";
import { recordOrder } from "./record-order";
import { whoisContactOf } from "./whois-contact";

const PLACE_ORDER_TIMEOUT_MS = 20_000;

type TOrderingAccountRow = {
  id: string; firstName: string; lastName: string; email: string; language: string;
  currency: string; country: string; state: string; isTaxable: boolean; taxId: string; creditBalanceCents: number;
  groupName: string | null; discountBasisPoints: number | null;
};

/**
 * The account a signed-in contact orders into, and how its orders are priced: the account's currency, billing
 * country and state, "is taxable" and tax ID (an EU account's tax ID is its VAT number, whose stored VIES status
 * counts; quoting never calls VIES). Ordering creates invoices: the procedures need the billing permission.
 */
const loadOrderingAccount = async (principal: TClientPrincipal, client: DbClient) => {
  // NOTE: one plain statement for the contact, its account and the account's group (the contact belongs to the
  // principal's account, or nothing is found): every signed-in quote and order reads it, and the nested Prisma
  // read planned three queries afresh each time (issue #9).
  const [row] = await client.$queryRawUnsafe<TOrderingAccountRow[]>(
    `SELECT ct.id, ct."firstName", ct."lastName", ct.email, ct.language, c.currency, c.country, c.state, c."isTaxable", c."taxId",
       c."creditBalanceCents", g.name AS "groupName", g."discountBasisPoints"
     FROM "Contact" ct JOIN "Client" c ON c.id = ct."clientId" LEFT JOIN "ClientGroup" g ON g.id = c."clientGroupId"
     WHERE ct.id = $1 AND ct."clientId" = $2`,
    principal.contactId,
    principal.clientId,
  );
  if (!row) throw new Error(`The ordering contact ${principal.contactId} of client ${principal.clientId} does not exist`);
  const { groupName, discountBasisPoints, currency, country, state, isTaxable, taxId, creditBalanceCents, language, ...contact } = row;
  const account = { currency, country, state, isTaxable, taxId, creditBalanceCents, clientGroup: groupName === null ? null : { name: groupName, discountBasisPoints: discountBasisPoints! } };
  const vatNumber = account.taxId && isEuMemberState(account.country) ? account.taxId : "";
  const pricing = {
    currency: account.currency,
    country: account.country,
    state: account.state,
    customer: { vatNumber, isBusiness: Boolean(vatNumber), isTaxable: account.isTaxable, taxId: account.taxId },
    clientId: principal.clientId,
    clientGroup: account.clientGroup,
    // The invoice is issued in the ordering contact's language.
    language,
  };
  return { contact, pricing, creditBalanceCents: account.creditBalanceCents };
};

/** "Continue" for a signed-in client: prices the cart for its account. Creates nothing. */
export const quoteClientOrder = async ({ principal, input, now }: { principal: TClientPrincipal; input: TClientQuoteOrderFields; now: Date }, client: DbClient = db) => {
  const { pricing, creditBalanceCents } = await loadOrderingAccount(principal, client);
  const quote = await quoteOrder({ ...pricing, items: input.items, promoCode: input.promoCode, now }, client);
  // Said at "Continue" already; "Place Order" checks again where it counts (payInvoiceFromCredit).
  if (input.paymentMethod === "ACCOUNT_CREDIT" && creditBalanceCents < quote.totalCents) {
    throw insufficientCreditError({ balanceCents: creditBalanceCents, totalCents: quote.totalCents, currency: quote.currency });
  }
  return quote;
};

/**
 * "Place Order" for a signed-in client: the order, packages and invoice go to its existing account (no new
 * client, no password), priced again on the server in one transaction with everything recordOrder writes.
 */
export const placeClientOrder = async ({ principal, input, now }: { principal: TClientPrincipal; input: TClientPlaceOrderFields; now: Date }, client: DbClient = db) => {
  const run = async (tx: DbClient) => {
    const { contact, pricing } = await loadOrderingAccount(principal, tx);
    const quote = await quoteOrder({ ...pricing, items: input.items, promoCode: input.promoCode, now }, tx);
    return recordOrder({ clientId: principal.clientId, contact, quote, paymentMethod: input.paymentMethod, whoisContact: whoisContactOf(input, quote), now }, tx);
  };
  if (!("$transaction" in client)) return run(client);
  const placed = await client.$transaction(run, { timeout: PLACE_ORDER_TIMEOUT_MS, maxWait: PLACE_ORDER_TIMEOUT_MS });
  // Paid from credit: the invoice.paid event that starts provisioning is committed; deliver it now.
  if (placed.isPaid) pokeEventDelivery();
  return placed;
};
