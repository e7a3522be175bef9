import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { payInvoiceFromCredit } from "@/server/billing/credit/pay-from-credit";
import { issueInvoice } from "@/server/billing/invoices/issue-invoice";
import { orderItemExtras } from "@/server/catalog/offer-lines";
import { reserveStock } from "@/server/catalog/reserve-stock";
import { brandDocumentsForClient } from "@/server/brands/brand-queries";
import { mailRecipientsByAction, recipientAddresses } from "@/server/clients/mail-recipients";
import type { DbClient } from "@/server/db";
import { queueMail } from "@/server/mail/queue-mail";
import { redeemPromoCode } from "@/server/promotions/redeem-promo-code";
import { invoiceCreatedMail, orderConfirmationMail } from "./order-emails";
import type { TOrderQuote } from "./quote-order";
import type { TWhoisContact } from "./whois-contact";

export type RecordOrderOptions = {
  clientId: string;
  /** The contact placing the order: the audit entry's actor. */
  contact: { id: string; firstName: string; lastName: string; email: string };
  quote: TOrderQuote;
  /** Account Credit pays the invoice at once from the account's credit, or refuses the order (nothing written). */
  paymentMethod: "BANK_TRANSFER" | "ACCOUNT_CREDIT";
  /** The domain registrant when it differs from the primary contact (whoisContactOf). */
  whoisContact: TWhoisContact | null;
  now: Date;
};

/**
 * What every checkout writes for a priced order, inside the caller's transaction: the stock taken, the order and
 * its items, one PENDING package per item, the promo code's use, the first invoice (ISSUED, UNPAID), the audit
 * entry, and the two mails in the outbox for the contacts whose e-mail actions ask for them ("general" for the
 * order confirmation, "invoices" for the invoice; the primary contact when nobody ticked one). Provisioning starts
 * when the invoice is paid: at once with Account Credit (call pokeEventDelivery() after the commit when `isPaid`).
 * Everything that does not need the invoice number is written before it is claimed: claiming locks the
 * sequence row until this transaction commits, so every concurrent order (and any other invoice) waits for what
 * comes after the claim (README "Benchmarks"). After it: the invoice, the audit entry, the payment from credit
 * and the invoice mail.
 */
export const recordOrder = async ({ clientId, contact, quote, paymentMethod, whoisContact, now }: RecordOrderOptions, tx: DbClient) => {
  const { soldOutProductIds } = await reserveStock({ productIds: quote.items.map((item) => item.productId) }, tx);
  const order = await tx.order.create({
    data: {
      clientId,
      status: "PENDING",
      paymentMethod,
      ...(whoisContact ? { whoisContact } : {}),
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

  const [recipients, brand] = await Promise.all([
    mailRecipientsByAction({ clientId, actions: ["general", "invoices"] }, tx),
    brandDocumentsForClient({ clientId }, tx),
  ]);
  const fromAddress = brand.mailFrom;
  const confirmation = orderConfirmationMail({ recipient: recipients.general[0]!, orderNumber: order.number, quote });
  await queueMail({ dedupeKey: `order-confirmation:${order.id}`, template: "order-confirmation", to: recipientAddresses(recipients.general), clientId, fromAddress, now, ...confirmation }, tx);

  const invoice = await issueInvoice({ clientId, orderId: order.id, currency: quote.currency, lines: invoiceLines, taxNotes: quote.notes, header: brand.invoiceHeader, now }, tx);
  const invoiceNumber = invoice.number!;
  const actor = { kind: "contact", contactId: contact.id, clientId, label: `${contact.firstName} ${contact.lastName} <${contact.email}>` } as const;
  await writeAuditEntry(
    {
      actor,
      action: "order.placed",
      entity: { type: "Order", id: order.id },
      details: { orderNumber: order.number, invoiceId: invoice.id, invoiceNumber, totalCents: invoice.totalCents, currency: invoice.currency },
    },
    tx,
  );

  const isPaid = paymentMethod === "ACCOUNT_CREDIT" && (await payInvoiceFromCredit({ invoiceId: invoice.id, actor, now }, tx)).paymentStatus === "PAID";
  const invoiceMail = invoiceCreatedMail({ recipient: recipients.invoices[0]!, invoiceNumber, dueAt: invoice.dueAt, quote, isPaidFromCredit: isPaid });
  await queueMail({ dedupeKey: `invoice-created:${invoice.id}`, template: "invoice-created", to: recipientAddresses(recipients.invoices), clientId, fromAddress, now, ...invoiceMail }, tx);

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
    paymentMethod,
    isPaid,
    soldOutProductIds,
  };
};

export type TRecordedOrder = Awaited<ReturnType<typeof recordOrder>>;
