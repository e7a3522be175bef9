import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { z } from "zod";
import { hashPassword } from "@/server/auth/password";
import { issueInvoice } from "@/server/billing/invoices/issue-invoice";
import { STOREFRONT_CURRENCY } from "@/server/catalog/catalog-queries";
import { orderItemExtras } from "@/server/catalog/offer-lines";
import { reserveStock } from "@/server/catalog/reserve-stock";
import { assertEmailAvailable, emailTakenError } from "@/server/clients/assert-email-available";
import { createClientWithPrimaryContact } from "@/server/clients/create-client-with-primary-contact";
import { type DbClient, db } from "@/server/db";
import { Prisma as PrismaRuntime } from "@/server/db/generated/client";
import { AppError, type FieldErrors } from "@/server/errors";
import { queueMail } from "@/server/mail/queue-mail";
import { type TPlaceOrderInput, ZPlaceOrderInput } from "./checkout.schemas";
import { invoiceCreatedMail, orderConfirmationMail } from "./order-emails";
import { redeemPromoCode } from "@/server/promotions/redeem-promo-code";
import { quoteOrder } from "./quote-order";
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
 * Guest checkout: creates the client, its primary contact (who can sign in with the password given), the order
 * with its items, one PENDING package per item, and the first invoice, ISSUED and UNPAID. All in one
 * transaction; on any refusal nothing is created. Everything from the browser is re-validated here, including
 * product and cycle references and the Terms of Service.
 *
 * The two mails go to the outbox inside the same transaction (a transactional outbox: they exist only if the
 * order does, and are delivered after commit by the mail sender). Provisioning starts when the invoice is paid.
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
      { items: fields.items, currency: STOREFRONT_CURRENCY, country: fields.country, state: fields.state, customer: taxCustomer(fields), promoCode: fields.promoCode, now },
      tx,
    );
    const { soldOutProductIds } = await reserveStock({ productIds: quote.items.map((item) => item.productId) }, tx);
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
        },
      },
      tx,
    );
    const order = await tx.order.create({
      data: {
        clientId,
        status: "PENDING",
        paymentMethod: fields.paymentMethod,
        currency: quote.currency,
        subtotalCents: quote.subtotalCents,
        taxCents: quote.taxCents,
        totalCents: quote.totalCents,
        placedAt: now,
      },
      select: { id: true, number: true },
    });
    // NOTE: the use is taken in this transaction: a refusal (used up meanwhile) rolls the whole order back.
    if (quote.promo) await redeemPromoCode({ promoCodeId: quote.promo.id, clientId, orderId: order.id, oncePerClient: quote.promo.oncePerClient }, tx);

    const invoiceLines = [];
    for (const item of quote.items) {
      const orderItem = await tx.orderItem.create({
        data: {
          orderId: order.id,
          productId: item.productId,
          priceId: item.priceId,
          cycle: item.cycle,
          amountCents: item.amountCents,
          setupFeeCents: item.setupFeeCents,
          extras: orderItemExtras(item),
        },
        select: { id: true },
      });
      // NOTE: the package waits in PENDING with no next renewal date; its first period starts when it is
      // activated after payment (server/services/activate-*), not at ordering time.
      const service = await tx.service.create({
        data: {
          clientId,
          productId: item.productId,
          orderItemId: orderItem.id,
          status: "PENDING",
          cycle: item.cycle,
          currency: quote.currency,
          priceCents: item.amountCents,
        },
        select: { id: true },
      });
      invoiceLines.push(
        ...item.lines.map((line) => ({
          description: line.description,
          serviceId: service.id,
          amountCents: line.amountCents,
          taxName: line.taxName,
          taxes: line.taxes,
          taxCents: line.taxCents,
        })),
      );
    }

    const invoice = await issueInvoice(
      { clientId, orderId: order.id, currency: quote.currency, lines: invoiceLines, taxNotes: quote.notes, now },
      tx,
    );
    const invoiceNumber = invoice.number!;
    await writeAuditEntry(
      {
        actor: { kind: "contact", contactId: contact.id, clientId, label: `${contact.firstName} ${contact.lastName} <${contact.email}>` },
        action: "order.placed",
        entity: { type: "Order", id: order.id },
        details: { orderNumber: order.number, invoiceId: invoice.id, invoiceNumber, totalCents: invoice.totalCents, currency: invoice.currency },
      },
      tx,
    );

    const confirmation = orderConfirmationMail({ firstName: contact.firstName, orderNumber: order.number, quote });
    await queueMail(
      { dedupeKey: `order-confirmation:${order.id}`, template: "order-confirmation", to: contact.email, clientId, now, ...confirmation },
      tx,
    );
    const invoiceMail = invoiceCreatedMail({ firstName: contact.firstName, invoiceNumber, dueAt: invoice.dueAt, quote });
    await queueMail(
      { dedupeKey: `invoice-created:${invoice.id}`, template: "invoice-created", to: contact.email, clientId, now, ...invoiceMail },
      tx,
    );

    return {
      clientId,
      contactId: contact.id,
      email: contact.email,
      orderId: order.id,
      orderNumber: order.number,
      invoiceId: invoice.id,
      invoiceNumber,
      currency: invoice.currency,
      subtotalCents: invoice.subtotalCents,
      taxCents: invoice.taxCents,
      totalCents: invoice.totalCents,
      dueAt: invoice.dueAt,
      soldOutProductIds,
    };
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
