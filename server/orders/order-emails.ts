import "server-only";
import { formatMoney } from "@/lib/format-money";
import { formatTaxLabel } from "@/lib/format-tax-label";
import { formatDate } from "@/lib/format-date";
import { mailTranslator } from "@/server/i18n/mail-translator";
import { type MailBlock, renderMail } from "@/server/mail/render-mail";
import type { TOrderQuote } from "./quote-order";

// The mails queued when an order is placed, in plain text and HTML, in the greeted contact's language. Amounts
// come from the stored quote, so the e-mail says exactly what the invoice says.

type TMailText = ReturnType<typeof mailTranslator>;

const lineRows = ({ locale }: TMailText, quote: TOrderQuote): MailBlock => ({
  rows: quote.items.flatMap((item) => item.lines).map((line) => [line.description, formatMoney(line.amountCents, quote.currency, locale)] as const),
});

const totalRows = ({ t, locale }: TMailText, quote: TOrderQuote): MailBlock => ({
  rows: [
    [t("subtotal"), formatMoney(quote.subtotalCents, quote.currency, locale)],
    [formatTaxLabel(quote.items.flatMap((item) => item.lines), t("tax")), formatMoney(quote.taxCents, quote.currency, locale)],
    [t("total"), formatMoney(quote.totalCents, quote.currency, locale)],
    ...quote.notes.map((note) => [note, ""] as const),
  ],
});

type TRecipient = { firstName: string; language: string };

export const orderConfirmationMail = ({ recipient, orderNumber, quote }: { recipient: TRecipient; orderNumber: number; quote: TOrderQuote }) => {
  const text = mailTranslator(recipient.language);
  const { t } = text;
  return renderMail({
    locale: text.locale,
    subject: t("orderConfirmation.subject", { number: orderNumber }),
    blocks: [
      t("greeting", { name: recipient.firstName }),
      t("orderConfirmation.thanks", { number: orderNumber }),
      t("orderConfirmation.contents"),
      lineRows(text, quote),
      totalRows(text, quote),
      t("orderConfirmation.followUp"),
    ],
  });
};

export const invoiceCreatedMail = ({
  recipient,
  invoiceNumber,
  dueAt,
  quote,
  isPaidFromCredit,
}: {
  recipient: TRecipient;
  invoiceNumber: string;
  dueAt: Date | null;
  quote: TOrderQuote;
  /** Paid in full from the account credit when it was issued: no payment is asked for. */
  isPaidFromCredit: boolean;
}) => {
  const text = mailTranslator(recipient.language);
  const { t, locale } = text;
  return renderMail({
    locale,
    subject: t("invoiceCreated.subject", { number: invoiceNumber }),
    blocks: [
      t("greeting", { name: recipient.firstName }),
      t("invoiceCreated.issued", { number: invoiceNumber, date: formatDate(dueAt, locale) }),
      lineRows(text, quote),
      totalRows(text, quote),
      isPaidFromCredit ? t("invoiceCreated.paidFromCredit") : t("invoiceCreated.bankTransfer", { number: invoiceNumber }),
    ],
  });
};
