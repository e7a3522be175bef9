import "server-only";
import { z } from "zod";
import { hashPassword } from "@/server/auth/password";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { assertEmailAvailable, emailTakenError } from "@/server/clients/assert-email-available";
import { createClientWithPrimaryContact } from "@/server/clients/create-client-with-primary-contact";
import { type DbClient, db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError, type FieldErrors } from "@/server/errors";
import { type TPlaceOrderInput, ZPlaceOrderInput } from "./checkout.schemas";
import { quoteOrder } from "./quote-order";
import { recordOrder } from "./record-order";
import { whoisContactOf } from "./whois-contact";
import { taxCustomer } from "./review-order";
import { verifyVatNumberForOrder } from "@/server/tax/vies/verify-vat-number";

// NOTE: a larger order waits on the invoice-sequence row lock behind concurrent orders; 5 s (Prisma's default)
// is too tight under a burst, and nothing in here calls out of the database.
const PLACE_ORDER_TIMEOUT_MS = 20_000;

export type PlaceOrderOptions = { input: TPlaceOrderInput; now: Date };

/** A unique violation on Contact.email. With the pg driver adapter the constraint is only named inside `meta`. */
const isContactEmailTaken = (error: unknown) => {
  if (!(error instanceof PrismaRuntime.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes("Contact") && meta.includes("email");
};

/**
 * Guest checkout: creates the client and its primary contact (who can sign in with the password given), then
 * the order, packages and first invoice (recordOrder). All in one transaction; on any refusal nothing is
 * created. Everything from the browser is re-validated here, including product and cycle references and the
 * Terms of Service. The mails go to the outbox inside the same transaction (they exist only if the order does).
 */
export const placeOrder = async ({ input, now }: PlaceOrderOptions, client: DbClient = db) => {
  const parsed = ZPlaceOrderInput.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    throw new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors: fieldErrors as FieldErrors });
  }
  const fields = parsed.data;
  // NOTE: scrypt is deliberately slow; hash before the transaction so no row lock waits on it.
  const passwordHash = await hashPassword(fields.password);
  // NOTE: VIES is called before the transaction (no row lock waits on it); INVALID refuses with nothing created.
  if (fields.vatNumber) await verifyVatNumberForOrder({ vatNumber: fields.vatNumber, billingCountry: fields.country, now }, client);

  const run = async (tx: DbClient) => {
    await assertEmailAvailable({ email: fields.email }, tx);

    const quote = await quoteOrder(
      {
        items: fields.items, currency: fields.currency ?? STOREFRONT_CURRENCY, country: fields.country, state: fields.state, customer: taxCustomer(fields),
        promoCode: fields.promoCode, language: fields.language, now,
      },
      tx,
    );
    const { clientId, contact } = await createClientWithPrimaryContact(
      {
        currency: quote.currency,
        taxId: fields.vatNumber,
        contact: {
          company: fields.company,
          firstName: fields.firstName,
          lastName: fields.lastName,
          email: fields.email,
          address1: fields.address1,
          address2: fields.address2,
          city: fields.city,
          state: fields.state,
          zip: fields.zip,
          country: fields.country,
          phone: fields.phone,
          passwordHash,
          language: fields.language,
        },
      },
      tx,
    );
    return recordOrder({ clientId, contact, quote, paymentMethod: fields.paymentMethod, whoisContact: whoisContactOf(fields, quote), now }, tx);
  };

  try {
    return "$transaction" in client
      ? await client.$transaction(run, { timeout: PLACE_ORDER_TIMEOUT_MS, maxWait: PLACE_ORDER_TIMEOUT_MS })
      : await run(client);
  } catch (error) {
    // NOTE: two checkouts racing with the same e-mail: the loser's insert hits the unique index. Its transaction
    // is already rolled back here, so answering EMAIL_TAKEN is safe.
    if (isContactEmailTaken(error)) {
      throw emailTakenError();
    }
    throw error;
  }
};

export type TPlacedOrder = Awaited<ReturnType<typeof placeOrder>>;
