import "server-only";
import { formatMoney } from "@/lib/format-money";
import { formatDate } from "@/lib/format-date";
import type { TOrderQuote } from "./quote-order";

// Plain-text bodies for the mails queued when an order is placed. Amounts come from the stored quote,
// so the e-mail says exactly what the invoice says.

const lineText = (quote: TOrderQuote) =>
  quote.items
    .flatMap((item) => item.lines)
    .map((line) => `  ${line.description}: ${formatMoney(line.amountCents, quote.currency)}`)
    .join("\n");

const totalsText = (quote: TOrderQuote) =>
  [
    `Subtotal: ${formatMoney(quote.subtotalCents, quote.currency)}`,
    `${quote.tax ? `${quote.tax.name} (${(quote.tax.rateBasisPoints / 100).toFixed(2)} %)` : "Tax"}: ${formatMoney(quote.taxCents, quote.currency)}`,
    `Total: ${formatMoney(quote.totalCents, quote.currency)}`,
  ].join("\n");

export const orderConfirmationMail = ({ firstName, orderNumber, quote }: { firstName: string; orderNumber: number; quote: TOrderQuote }) => ({
  subject: `Order #${orderNumber} confirmation`,
  text: [
    `Hello ${firstName},`,
    "",
    `Thank you for your order #${orderNumber}. Your account has been created and your packages are pending until the first invoice is paid.`,
    "",
    "Order contents:",
    lineText(quote),
    "",
    totalsText(quote),
    "",
    "You can follow your order, invoices and packages in the client area.",
  ].join("\n"),
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
}) => ({
  subject: `Invoice ${invoiceNumber}`,
  text: [
    `Hello ${firstName},`,
    "",
    `Invoice ${invoiceNumber} has been issued to your account. It is due on ${formatDate(dueAt)}.`,
    "",
    lineText(quote),
    "",
    totalsText(quote),
    "",
    `Payment method: Bank Transfer. Please quote ${invoiceNumber} as the payment reference.`,
  ].join("\n"),
});
