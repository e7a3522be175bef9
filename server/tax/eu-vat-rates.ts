// EU-27 standard VAT rates as dated periods (integrations.md §6.3: ibericode/vat-rates as of 2025-08-12).
// Periods start on 2024-01-01, the start of the table's coverage; the five changes of 2024–2025 are their own
// periods so an invoice dated before a change keeps the old rate. Verify against TEDB before each new year.

export type TEuVatPeriod = { country: string; rate: string; effectiveFrom: string; effectiveTo?: string };

const TABLE_START = "2024-01-01";

const UNCHANGED: Record<string, string> = {
  AT: "20", BE: "21", BG: "20", HR: "25", CY: "19", CZ: "21", DK: "25", FR: "20", DE: "19", GR: "24", HU: "27",
  IE: "23", IT: "22", LV: "21", LT: "21", LU: "17", MT: "18", NL: "21", PL: "23", PT: "23", SI: "22", ES: "21", SE: "25",
};

const CHANGED: { country: string; before: string; after: string; on: string }[] = [
  { country: "EE", before: "22", after: "24", on: "2025-07-01" },
  { country: "FI", before: "24", after: "25.5", on: "2024-09-01" },
  { country: "RO", before: "19", after: "21", on: "2025-08-01" },
  { country: "SK", before: "20", after: "23", on: "2025-01-01" },
];

export const EU_VAT_PERIODS: readonly TEuVatPeriod[] = [
  ...Object.entries(UNCHANGED).map(([country, rate]) => ({ country, rate, effectiveFrom: TABLE_START })),
  ...CHANGED.flatMap(({ country, before, after, on }) => [
    { country, rate: before, effectiveFrom: TABLE_START, effectiveTo: on },
    { country, rate: after, effectiveFrom: on },
  ]),
];

/** ISO 3166-1 alpha-2 codes of the 27 member states (Greece is GR here; EL only at the VIES boundary). */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([...Object.keys(UNCHANGED), ...CHANGED.map((change) => change.country)]);

export const isEuMemberState = (country: string) => EU_MEMBER_STATES.has(country.toUpperCase());

/** VIES names Greece EL; every other member state uses its ISO code. */
export const toViesCountryCode = (isoCountry: string) => (isoCountry === "GR" ? "EL" : isoCountry);
export const fromViesCountryCode = (viesCountry: string) => (viesCountry === "EL" ? "GR" : viesCountry);
