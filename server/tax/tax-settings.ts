import "server-only";
import { z } from "zod";
import { type DbClient, db } from "@/server/db";
import { defineSetting, type TSettingDefinition } from "@/server/settings/setting";

export const ZSeller = z.object({
  companyName: z.string().trim().max(200),
  address: z.string().trim().max(1000),
  /** ISO 3166-1 alpha-2; decides "home country" VAT. */
  country: z.string().trim().toUpperCase().regex(/^([A-Z]{2})?$/, "Choose a two-letter country code."),
  /** With its country prefix, as printed on invoices and sent to VIES as the requester (e.g. NL123456789B01). */
  vatNumber: z.string().trim().toUpperCase().regex(/^([A-Z]{2}[0-9A-Z]{2,12})?$/, "Enter the VAT number with its country prefix, e.g. NL123456789B01.")
});
export type TSeller = z.infer<typeof ZSeller>;

/** Who sells: printed on invoices, and the home country for EU VAT. */
export const sellerSetting = defineSetting<TSeller>("tax.seller", ZSeller, { companyName: "", address: "", country: "", vatNumber: "" });

/** Off (the default): catalog prices exclude tax, tax comes on top. On: prices include it and it is extracted. */
export const pricesIncludeTaxSetting = defineSetting<boolean>("tax.pricesIncludeTax", z.boolean(), false);

/** Both tax settings in one round trip (every quote reads them); a missing or invalid value reads as its default. */
export const getTaxSettings = async (client: DbClient = db) => {
  // NOTE: raw SQL for the same reason as findTaxRules (read by every quote; the plan costs more than the query).
  const rows = await client.$queryRawUnsafe<{ key: string; value: unknown }[]>(`SELECT key, value FROM "Setting" WHERE key = ANY($1::text[])`, [sellerSetting.key, pricesIncludeTaxSetting.key]);
  const read = <T>(setting: TSettingDefinition<T>) => {
    const parsed = setting.schema.safeParse(rows.find((row) => row.key === setting.key)?.value);
    return parsed.success ? parsed.data : setting.defaultValue;
  };
  return { seller: read(sellerSetting), pricesIncludeTax: read(pricesIncludeTaxSetting) };
};
