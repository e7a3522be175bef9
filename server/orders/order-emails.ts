import "server-only";
import { formatMoney } from "@/lib/format-money";
import { formatTaxLabel } from "@/lib/format-tax-label";
import { formatDate } from "@/lib/format-date";
import { type MailBlock, renderMail } from "@/server/mail/render-mail";
import type { TOrderQuote } from "./quote-order";

// The mails queued when an order is placed, in plain text and HTML. Amounts come from the stored quote,
// so the e-mail says exactly what the invoice says.

const lineRows = (quote: TOrderQuote): MailBlock => ({
  rows: quote.items.flatMap((item) => item.lines).map((line) => [line.description, formatMoney(line.amountCents, quote.currency)] as const),
});

const totalRows = (quote: TOrderQuote): MailBlock => ({
  rows: [
    ["Subtotal", formatMoney(quote.subtotalCents, quote.currency)],
    [formatTaxLabel(quote.items.flatMap((item) => item.lines)), formatMoney(quote.taxCents, quote.currency)],
    ["Total", formatMoney(quote.totalCents, quote.currency)],
    ...quote.notes.map((note) => [note, ""] as const),
  ],
});

export const orderConfirmationMail = ({ firstName, orderNumber, quote }: { firstName: string; orderNumber: number; quote: TOrderQuote }) =>
  renderMail({
    subject: `Order #${orderNumber} confirmation`,
    blocks: [
      `Hello ${firstName},`,
      `Thank you for your order #${orderNumber}. Your account has been created and your packages are pending until the first invoice is paid.`,
      "Order contents:",
      lineRows(quote),
      totalRows(quote),
      "You can follow your order, invoices and packages in the client area.",
    ],
  });

export const invoiceCreatedMail = ({
  firstName,
  invoiceNumber,
  dueAt,
  quote,
}: {
  firstName: string;
  invoiceNumber: string;
  dueAt: Date | null;
  quote: TOrderQuote;
}) =>
  renderMail({
    subject: `Invoice ${invoiceNumber}`,
    blocks: [
      `Hello ${firstName},`,
      `Invoice ${invoiceNumber} has been issued to your account. It is due on ${formatDate(dueAt)}.`,
      lineRows(quote),
      totalRows(quote),
      `Payment method: Bank Transfer. Please quote ${invoiceNumber} as the payment reference.`,
    ],
  });
