import "server-only";
import { TRPCError } from "@trpc/server";
import { getAdminInvoice, listAdminInvoices } from "@/server/admin/admin-invoice-queries";
import { now } from "@/server/clock";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { ZAddPaymentInput, ZInvoiceIdInput, ZListAdminInvoicesInput } from "./billing-admin.schemas";
import { resendInvoicePaidEvent } from "./invoices/resend-invoice-paid-event";
import { recordPayment } from "./payments/record-payment";
import { addAccountCredit } from "./credit/add-account-credit";
import { ZAddAccountCreditInput } from "./credit/account-credit.schemas";

/** Staff billing: invoices, offline payments and re-announcing a paid invoice. Thin: parse, call one use case, shape. */
export const billingAdminRouter = createTRPCRouter({
  listInvoices: staffProcedure("billing.read").input(ZListAdminInvoicesInput).query(({ input }) => listAdminInvoices(input)),

  getInvoice: staffProcedure("billing.read").input(ZInvoiceIdInput).query(async ({ input }) => {
    const invoice = await getAdminInvoice(input);
    if (!invoice) throw new TRPCError({ code: "NOT_FOUND", message: "This invoice does not exist." });
    return invoice;
  }),

  addPayment: staffProcedure("billing.write").input(ZAddPaymentInput).mutation(({ input, ctx }) =>
    recordPayment({
      invoiceId: input.invoiceId,
      method: "BANK_TRANSFER",
      transactionId: input.transactionId,
      amountCents: input.amountCents,
      receivedAt: new Date(`${input.receivedOn}T00:00:00.000Z`),
      staffId: ctx.principal.staffId,
      now: now(),
    }),
  ),

  /** "Add Credit" on a client: account credit the Account Credit payment method spends at checkout. */
  addCredit: staffProcedure("billing.write")
    .input(ZAddAccountCreditInput)
    .mutation(({ input, ctx }) => addAccountCredit({ ...input, staffId: ctx.principal.staffId })),

  resendPaidEvent: staffProcedure("billing.write").input(ZInvoiceIdInput).mutation(({ input, ctx }) =>
    resendInvoicePaidEvent({ invoiceId: input.invoiceId, staffId: ctx.principal.staffId, now: now() }),
  ),
});
