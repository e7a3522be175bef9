import { z } from "zod";
import { INVOICE_SORT_KEYS } from "@/server/billing/invoices/invoice-queries";
import { ZRecordId } from "@/server/validation/safe-text";

export const ZListInvoicesInput = z
  .object({ sort: z.enum(INVOICE_SORT_KEYS).default("date"), direction: z.enum(["asc", "desc"]).default("desc") })
  .default({ sort: "date", direction: "desc" });

export const ZInvoiceIdInput = z.object({ invoiceId: ZRecordId });

export const ZPackageIdInput = z.object({ packageId: ZRecordId });
