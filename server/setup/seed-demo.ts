import "server-only";
import { writeSetting } from "@/server/settings/setting";
import { addEuVatRules } from "@/server/tax/admin/add-eu-vat-rules";
import { sellerSetting } from "@/server/tax/tax-settings";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { ADMINISTRATOR_ROLE_ID } from "@/server/staff/built-in-roles";
import { ensureBuiltInRoles } from "@/server/staff/ensure-built-in-roles";

export const DEMO_ADMIN_EMAIL = "admin@hostlane.local";

const MONTHLY_AND_ANNUAL = (monthlyCents: number, annualCents: number, setupFeeCents = 0) => [
  { currency: "USD", cycle: "MONTHLY" as const, amountCents: monthlyCents, setupFeeCents },
  { currency: "USD", cycle: "ANNUALLY" as const, amountCents: annualCents, setupFeeCents },
];

const DEMO_SELLER = {
  companyName: "Hostlane Demo B.V.",
  address: "Herengracht 100\n1015 BS Amsterdam\nNetherlands",
  country: "NL",
  vatNumber: "NL123456789B01",
};

/**
 * The demo's add-ons and configurable options: "Daily Backups" and "Priority Support" for both hosting plans,
 * and Business's "Extra Storage" (a quantity) and "Dedicated IP" (yes/no). Their defaults add nothing to a
 * quote, so an order without choices costs what the plan costs.
 */
const seedDemoExtras = async ({ businessSlug }: { businessSlug: string }, tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => {
  const hostingPlans = { connect: [{ slug: "starter" }, { slug: businessSlug }] };
  await tx.addon.create({
    data: {
      name: "Daily Backups", slug: "daily-backups", position: 1, description: "Off-site backups kept for 30 days.", products: hostingPlans,
      prices: {
        create: [
          ...MONTHLY_AND_ANNUAL(200 /* $2.00 */, 2_000 /* $20.00 */),
          // An explicit EUR price: it wins over the converted one (€1.84).
          { currency: "EUR", cycle: "MONTHLY", amountCents: 199 /* €1.99 */ },
        ],
      },
    },
  });
  await tx.addon.create({
    data: {
      name: "Priority Support", slug: "priority-support", position: 2, description: "Answers within one hour, day and night.", products: hostingPlans,
      prices: { create: MONTHLY_AND_ANNUAL(500 /* $5.00 */, 5_000 /* $50.00 */, 1_000 /* $10.00 setup */) },
    },
  });
  const product = { connect: { slug: businessSlug } };
  await tx.configOption.create({
    data: {
      product, name: "Extra Storage", slug: "extra-storage", kind: "QUANTITY", position: 1, minQuantity: 0, maxQuantity: 100, stepQuantity: 10,
      values: { create: [{ label: "GB", slug: "gb", prices: { create: MONTHLY_AND_ANNUAL(25 /* $0.25 per GB */, 250 /* $2.50 per GB */) } }] },
    },
  });
  await tx.configOption.create({
    data: {
      product, name: "Dedicated IP", slug: "dedicated-ip", kind: "YES_NO", position: 2,
      values: { create: [{ label: "Yes", slug: "yes", prices: { create: MONTHLY_AND_ANNUAL(300 /* $3.00 */, 3_000 /* $30.00 */) } }] },
    },
  });
};

/**
 * Seeds the demo catalog, departments and a staff administrator on an empty installation.
 * Returns the administrator's credentials the one time they are created (null when already seeded),
 * so start-up can print them once. HOSTLANE_ADMIN_PASSWORD fixes the password instead of generating one.
 */
export const seedDemo = async (client: typeof db = db): Promise<{ email: string; password: string } | null> => {
  if ((await client.staff.count()) > 0) return null;
  const password = process.env.HOSTLANE_ADMIN_PASSWORD || randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  await client.$transaction(async (tx) => {
    await tx.currency.create({ data: { code: "USD", symbol: "$", minorUnits: 2, isDefault: true } });
    await tx.brand.create({ data: { name: "Hostlane", isDefault: true, invoiceHeader: `${DEMO_SELLER.companyName}\n${DEMO_SELLER.address}\nVAT number: ${DEMO_SELLER.vatNumber}` } });
    // NOTE: no EUR prices are stored except one: the rest are converted from USD at this rate (Admin → Currencies).
    await tx.currency.create({ data: { code: "EUR", symbol: "€", minorUnits: 2, exchangeRate: "0.92" } });
    await tx.taxRule.create({
      data: { name: "Sales Tax", country: "US", rateMillionths: 82_500 /* 8.25 % */, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
    });
    // The demo provider sells from the Netherlands: home VAT for Dutch customers, EU rates or reverse charge elsewhere.
    await writeSetting(sellerSetting, DEMO_SELLER, tx);
    await addEuVatRules({ actor: { kind: "system", name: "demo-seed" } }, tx);
    const provisioning = await tx.department.create({ data: { name: "Provisioning", email: "provisioning@hostlane.local" } });
    await tx.department.create({ data: { name: "Billing", email: "billing@hostlane.local" } });
    await tx.invoiceSequence.create({ data: { name: "invoice", prefix: "INV-", next: 1 } });

    const hosting = await tx.productGroup.create({
      data: { name: "Shared Hosting", slug: "shared-hosting", position: 1, description: "Fast, managed web hosting with Plesk." },
    });
    const domains = await tx.productGroup.create({
      data: { name: "Domains", slug: "domains", position: 2, description: "Register and transfer domain names." },
    });
    const starter = await tx.product.create({
      data: {
        groupId: hosting.id, name: "Starter", slug: "starter", type: "SHARED_HOSTING", position: 1, departmentId: provisioning.id,
        description: "1 website, 10 GB SSD storage, free SSL, daily backups.",
        prices: { create: MONTHLY_AND_ANNUAL(599 /* $5.99 */, 5_990 /* $59.90 */) },
      },
    });
    const business = await tx.product.create({
      data: {
        groupId: hosting.id, name: "Business", slug: "business", type: "SHARED_HOSTING", position: 2, departmentId: provisioning.id,
        description: "Unlimited websites, 100 GB SSD storage, staging, priority support.",
        prices: { create: MONTHLY_AND_ANNUAL(1_499 /* $14.99 */, 14_990 /* $149.90 */, 1_000 /* $10.00 setup */) },
      },
    });
    await tx.product.create({
      data: {
        groupId: domains.id, name: ".com Domain Registration", slug: "com-domain", type: "DOMAIN", position: 1, departmentId: provisioning.id,
        description: "Register a .com domain for one year.",
        prices: { create: [{ currency: "USD", cycle: "ANNUALLY", amountCents: 1_299 /* $12.99 */ }] },
      },
    });
    await tx.promoCode.create({
      data: {
        code: "WELCOME10", description: "10 % off the first period of hosting, for new clients.", kind: "PERCENT", percentBasisPoints: 1_000,
        recurrence: "ONCE", productIds: [starter.id, business.id], newClientsOnly: true,
      },
    });
    await seedDemoExtras({ businessSlug: business.slug }, tx);
    await ensureBuiltInRoles(tx);
    await tx.staff.create({ data: { email: DEMO_ADMIN_EMAIL, name: "Administrator", passwordHash, roles: { connect: [{ id: ADMINISTRATOR_ROLE_ID }] } } });
  });
  return { email: DEMO_ADMIN_EMAIL, password };
};
