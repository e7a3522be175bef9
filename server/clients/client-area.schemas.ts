import { z } from "zod";
import { INVOICE_SORT_KEYS } from "@/server/billing/invoices/invoice-queries";

export const ZListInvoicesInput = z
  .object({ sort: z.enum(INVOICE_SORT_KEYS).default("date"), direction: z.enum(["asc", "desc"]).default("desc") })
  .default({ sort: "date", direction: "desc" });

export const ZInvoiceIdInput = z.object({ invoiceId: z.string().min(1).max(64) });

export const ZPackageIdInput = z.object({ packageId: z.string().min(1).max(64) });
