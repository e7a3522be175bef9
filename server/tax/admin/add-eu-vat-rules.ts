import "server-only";
import { writeAuditEntry, type TAuditActor } from "@/server/audit/write-audit-entry";
import { type DbClient, db } from "@/server/db";
import { inTransaction } from "@/server/workflows/embedded/sql";
import { EU_VAT_PERIODS } from "../eu-vat-rates";
import { parseTaxRate } from "../tax-rate";

export const EU_VAT_RULE_NAME = "VAT";

/**
 * "Taxes → Add EU VAT rules": the EU-27 standard rates as dated level 1 rules (integrations.md §6.3).
 * Idempotent: a period already present (same country, no state, level 1, same start) is left as it is, so
 * running it again, or twice at once (serialised on an advisory lock), adds nothing. Audited when it adds.
 */
export const addEuVatRules = async ({ actor }: { actor: TAuditActor }, client: DbClient = db) =>
  inTransaction(client, async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tax.add-eu-vat-rules'))`;
    const existing = await tx.taxRule.findMany({
      where: { state: null, level: 1, country: { in: [...new Set(EU_VAT_PERIODS.map((period) => period.country))] } },
      select: { country: true, effectiveFrom: true },
    });
    const present = new Set(existing.map((rule) => `${rule.country}:${rule.effectiveFrom.toISOString()}`));
    const missing = EU_VAT_PERIODS.filter((period) => !present.has(`${period.country}:${new Date(`${period.effectiveFrom}T00:00:00Z`).toISOString()}`));
    if (missing.length === 0) return { added: 0 };
    await tx.taxRule.createMany({
      data: missing.map((period) => ({
        name: EU_VAT_RULE_NAME,
        country: period.country,
        rateMillionths: parseTaxRate(period.rate)!,
        effectiveFrom: new Date(`${period.effectiveFrom}T00:00:00Z`),
        effectiveTo: period.effectiveTo ? new Date(`${period.effectiveTo}T00:00:00Z`) : null,
      })),
    });
    await writeAuditEntry(
      {
        actor,
        action: "taxes.eu-vat-rules-added",
        entity: { type: "TaxRule", id: "eu-vat" },
        details: { added: missing.length, countries: [...new Set(missing.map((period) => period.country))] },
      },
      tx,
    );
    return { added: missing.length };
  });
