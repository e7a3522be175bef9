import "server-only";
import { z } from "zod";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { AppError, type FieldErrors } from "@/server/errors";
import { writeSetting } from "@/server/settings/setting";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { toViesCountryCode } from "../eu-vat-rates";
import { getTaxSettings, pricesIncludeTaxSetting, sellerSetting, ZSeller } from "../tax-settings";

const ZTaxSettingsFields = z.object({
  seller: z.object({
    companyName: z.string(),
    address: z.string(),
    country: z.string(),
    vatNumber: z.string().transform((value) => value.replace(/[\s.-]/g, "")),
  }).pipe(ZSeller),
  pricesIncludeTax: z.boolean(),
}).strict();

/**
 * Admin → Settings → Seller and Taxes: the seller's name, address, country and VAT number, and whether catalog
 * prices include tax. Field errors name the field ("seller.vatNumber"); nothing changes on a refusal.
 */
export const updateTaxSettings = async ({ fields, staffId }: { fields: unknown; staffId: string }, client: DbClient = db) => {
  const parsed = ZTaxSettingsFields.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    throw new AppError("INVALID_INPUT", { userMessage: "Please correct the highlighted fields.", fieldErrors });
  }
  const next = parsed.data;
  if (next.seller.vatNumber && next.seller.country && !next.seller.vatNumber.startsWith(toViesCountryCode(next.seller.country))) {
    throw new AppError("INVALID_INPUT", {
      userMessage: "Please correct the highlighted fields.",
      fieldErrors: { "seller.vatNumber": ["The VAT number must start with the seller's country prefix."] },
    });
  }
  return inTransaction(client, async (tx) => {
    const before = await getTaxSettings(tx);
    await writeSetting(sellerSetting, next.seller, tx);
    await writeSetting(pricesIncludeTaxSetting, next.pricesIncludeTax, tx);
    await writeAuditEntry(
      { actor: { kind: "staff", staffId }, action: "settings.taxes-changed", entity: { type: "Setting", id: sellerSetting.key }, before, after: next },
      tx,
    );
    return next;
  });
};
