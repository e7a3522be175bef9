import { fromViesCountryCode } from "./eu-vat-rates";

export type TParsedVatNumber = { country: string; number: string };

/**
 * "de 123.456-789", "EL094259216" or "094259216" with the billing country → ISO country and national part.
 * A leading two-letter prefix is the VIES country code (EL = Greece, stored as GR); without one, the
 * billing country is assumed. Null when what is left is not 2–12 letters and digits.
 */
export const parseVatNumber = (raw: string, billingCountry: string): TParsedVatNumber | null => {
  const compact = raw.toUpperCase().replace(/[\s.\-/]/g, "");
  if (!compact) return null;
  const prefixed = /^([A-Z]{2})([0-9A-Z]{2,12})$/.exec(compact);
  const hasPrefix = prefixed && /\d/.test(prefixed[2]!.slice(0, 3)) ? prefixed : null;
  const country = hasPrefix ? fromViesCountryCode(hasPrefix[1]!) : billingCountry.toUpperCase();
  const number = hasPrefix ? hasPrefix[2]! : compact;
  return /^[0-9A-Z]{2,12}$/.test(number) && /^[A-Z]{2}$/.test(country) ? { country, number } : null;
};
