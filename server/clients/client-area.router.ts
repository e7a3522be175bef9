import "server-only";
import { getClientInvoice, listClientInvoices } from "@/server/billing/invoices/invoice-queries";
import { AppError } from "@/server/errors";
import { getClientPackage, listClientPackages } from "@/server/services/package-queries";
import { clientProcedure, createTRPCRouter } from "@/server/trpc/init";
import { ZInvoiceIdInput, ZListInvoicesInput, ZPackageIdInput } from "./client-area.schemas";
import { listClientContacts } from "./contact-queries";
import { getClientDashboard } from "./dashboard-queries";

/** Loads one invoice of the signed-in client, or NOT_FOUND: a missing and a foreign invoice look the same. */
const clientInvoiceProcedure = clientProcedure.input(ZInvoiceIdInput).use(async ({ ctx, input, next }) => {
  const invoice = await getClientInvoice({ clientId: ctx.principal.clientId, invoiceId: input.invoiceId });
  if (!invoice) {
    throw new AppError("NOT_FOUND", { userMessage: "Invoice not found." });
  }
  return next({ ctx: { invoice } });
});

/** Same for packages. */
const clientPackageProcedure = clientProcedure.input(ZPackageIdInput).use(async ({ ctx, input, next }) => {
  const found = await getClientPackage({ clientId: ctx.principal.clientId, packageId: input.packageId });
  if (!found) {
    throw new AppError("NOT_FOUND", { userMessage: "Package not found." });
  }
  return next({ ctx: { package: found } });
});

export const clientAreaRouter = createTRPCRouter({
  dashboard: clientProcedure.query(({ ctx }) => getClientDashboard({ clientId: ctx.principal.clientId })),
  listInvoices: clientProcedure
    .input(ZListInvoicesInput)
    .query(({ ctx, input }) => listClientInvoices({ clientId: ctx.principal.clientId, ...input })),
  getInvoice: clientInvoiceProcedure.query(({ ctx }) => ctx.invoice),
  listPackages: clientProcedure.query(({ ctx }) => listClientPackages({ clientId: ctx.principal.clientId })),
  getPackage: clientPackageProcedure.query(({ ctx }) => ctx.package),
  listContacts: clientProcedure.query(({ ctx }) => listClientContacts({ clientId: ctx.principal.clientId })),
});
