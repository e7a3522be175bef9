import { createTranslator } from "next-intl";
import type { TBillingCycle } from "@/lib/billing-cycles";
import { DEFAULT_LOCALE, intlLocale, isLocale, type TLocale } from "@/lib/i18n/locales.mjs";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * The texts an invoice is issued with, in the customer's language: its line descriptions and tax legends
 * (the "Invoice" namespace of the catalogs). They are frozen on the invoice when it is issued, like its amounts.
 * The pricing code takes this object, not a language, so it stays free of message keys.
 */
export const documentText = (language: string | null | undefined = DEFAULT_LOCALE) => {
  const locale: TLocale = isLocale(language) ? language : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const percent = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 3 });
  return {
    locale,
    /** "Starter (Monthly)" */
    lineWithCycle: (description: string, cycle: TBillingCycle) => t("Invoice.lineWithCycle", { description, cycle: t(`Common.cycles.${cycle}`) }),
    /** "Business Setup Fee" */
    setupFee: (description: string) => t("Invoice.setupFee", { description }),
    /** "Client group discount (Resellers, 12.5 %): Business (Monthly)" */
    groupDiscount: (group: string, basisPoints: number, line: string) => t("Invoice.groupDiscount", { group, percent: percent.format(basisPoints / 100), line }),
    /** "Promo Code WELCOME10: Starter (Monthly)" */
    promoDiscount: (code: string, line: string) => t("Invoice.promoDiscount", { code, line }),
    reverseCharge: t("Invoice.reverseCharge"),
    supplierVatNumber: (number: string) => t("Invoice.supplierVatNumber", { number }),
    customerVatNumber: (number: string) => t("Invoice.customerVatNumber", { number }),
    customerTaxId: (taxId: string) => t("Invoice.customerTaxId", { taxId }),
    vatUnverified: (number: string) => t("Invoice.vatUnverified", { number }),
  };
};

export type TDocumentText = ReturnType<typeof documentText>;

/** English: the default of every pricing function, so existing callers and tests read as before. */
export const ENGLISH_DOCUMENT_TEXT = documentText(DEFAULT_LOCALE);
