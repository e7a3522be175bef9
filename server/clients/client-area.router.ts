import "server-only";
import { getClientInvoice, listClientInvoices } from "@/server/billing/invoices/invoice-queries";
import { AppError } from "@/server/errors";
import { getClientPackage, listClientPackages } from "@/server/services/package-queries";
import { createTRPCRouter } from "@/server/trpc/init";
import { ZInvoiceIdInput, ZListInvoicesInput, ZPackageIdInput } from "./client-area.schemas";
import { listClientContacts } from "./contact-queries";
import { contactProcedure } from "./contact-procedure";
import { ZAddContactInput, ZContactIdInput, ZUpdateContactInput } from "./contacts.schemas";
import { addContact, removeContact, updateContact } from "./manage-contacts";
import { getClientDashboard } from "./dashboard-queries";
import { ZUpdateOwnTaxIdInput } from "./tax-details.schemas";
import { updateClientTaxDetails } from "./update-client-tax-details";
import { now } from "@/server/clock";

/** Loads one invoice of the signed-in client, or NOT_FOUND: a missing and a foreign invoice look the same. */
const clientInvoiceProcedure = contactProcedure("billing").input(ZInvoiceIdInput).use(async ({ ctx, input, next }) => {
  const invoice = await getClientInvoice({ clientId: ctx.principal.clientId, invoiceId: input.invoiceId });
  if (!invoice) {
    throw new AppError("NOT_FOUND", { userMessage: "Invoice not found." });
  }
  return next({ ctx: { invoice } });
});

/** Same for packages. */
const clientPackageProcedure = contactProcedure("services").input(ZPackageIdInput).use(async ({ ctx, input, next }) => {
  const found = await getClientPackage({ clientId: ctx.principal.clientId, packageId: input.packageId });
  if (!found) {
    throw new AppError("NOT_FOUND", { userMessage: "Package not found." });
  }
  return next({ ctx: { package: found } });
});

/**
 * The client area. Each procedure names the contact permission it needs (contactProcedure); the primary
 * contact holds them all. The signed-in contact's own security settings are in security.router.ts.
 */
export const clientAreaRouter = createTRPCRouter({
  dashboard: contactProcedure("account").query(({ ctx }) => getClientDashboard({ clientId: ctx.principal.clientId })),
  /** "Tax ID Number" on the dashboard: checked with VIES for an EU account, like at checkout. */
  updateTaxId: contactProcedure("account")
    .input(ZUpdateOwnTaxIdInput)
    .mutation(({ ctx, input }) =>
      updateClientTaxDetails({
        clientId: ctx.principal.clientId,
        taxId: input.taxId,
        actor: { kind: "contact", contactId: ctx.principal.contactId, clientId: ctx.principal.clientId },
        now: now(),
      }),
    ),
  listInvoices: contactProcedure("billing")
    .input(ZListInvoicesInput)
    .query(({ ctx, input }) => listClientInvoices({ clientId: ctx.principal.clientId, ...input })),
  getInvoice: clientInvoiceProcedure.query(({ ctx }) => ctx.invoice),
  listPackages: contactProcedure("services").query(({ ctx }) => listClientPackages({ clientId: ctx.principal.clientId })),
  getPackage: clientPackageProcedure.query(({ ctx }) => ctx.package),
  listContacts: contactProcedure("contacts").query(({ ctx }) => listClientContacts({ clientId: ctx.principal.clientId })),
  addContact: contactProcedure("contacts").input(ZAddContactInput).mutation(({ ctx, input }) => addContact({ principal: ctx.principal, fields: input })),
  updateContact: contactProcedure("contacts").input(ZUpdateContactInput).mutation(({ ctx, input }) => updateContact({ principal: ctx.principal, fields: input })),
  removeContact: contactProcedure("contacts").input(ZContactIdInput).mutation(({ ctx, input }) => removeContact({ principal: ctx.principal, contactId: input.contactId })),
});
