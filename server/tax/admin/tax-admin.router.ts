import "server-only";
import { now } from "@/server/clock";
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { addEuVatRules } from "./add-eu-vat-rules";
import { deleteTaxRule } from "./delete-tax-rule";
import { saveTaxRule } from "./save-tax-rule";
import { ZDeleteTaxRuleInput, ZSaveTaxRuleInput, ZUpdateTaxSettingsInput } from "./tax-admin.schemas";
import { updateTaxSettings } from "./update-tax-settings";
import { verifyVatNumber } from "../vies/verify-vat-number";

/**
 * Admin → Taxes and the tax part of Admin → Settings. Tax rules are catalog data ("Change products, prices and
 * taxes"); the seller and price-display settings are settings.
 */
export const taxAdminRouter = createTRPCRouter({
  saveRule: staffProcedure("catalog.write")
    .input(ZSaveTaxRuleInput)
    .mutation(({ input, ctx }) => saveTaxRule({ ruleId: input.ruleId, fields: input.fields, staffId: ctx.principal.staffId })),
  deleteRule: staffProcedure("catalog.write")
    .input(ZDeleteTaxRuleInput)
    .mutation(({ input, ctx }) => deleteTaxRule({ ruleId: input.ruleId, staffId: ctx.principal.staffId })),
  addEuVatRules: staffProcedure("catalog.write").mutation(({ ctx }) => addEuVatRules({ actor: { kind: "staff", staffId: ctx.principal.staffId } })),
  updateSettings: staffProcedure("settings.manage")
    .input(ZUpdateTaxSettingsInput)
    .mutation(({ input, ctx }) => updateTaxSettings({ fields: input.fields, staffId: ctx.principal.staffId })),
  /** Staff check a VAT number by hand (e.g. while editing a client); the answer is kept as evidence. */
  checkVatNumber: staffProcedure("clients.write")
    .input(z.object({ vatNumber: z.string().max(40), country: z.string().length(2) }))
    .mutation(async ({ input }) => {
      const result = await verifyVatNumber({ vatNumber: input.vatNumber, billingCountry: input.country.toUpperCase(), now: now() });
      return { country: result.country, number: result.number, status: result.status, consultationNumber: result.check?.consultationNumber ?? null, checkedAt: result.check?.checkedAt ?? null };
    }),
});
