import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

/** A brand as staff save it (Admin → Brands). */
export const ZSaveBrandInput = z.object({
  id: ZRecordId.nullable(),
  name: safeText().trim().min(1, "Enter the brand's name.").max(80, "Keep the name under 80 characters."),
  isDefault: z.boolean(),
  logoUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter an http(s) address, or leave it empty." }).max(500)]),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Enter a colour such as #1d4ed8.").transform((colour) => colour.toLowerCase()),
  senderName: safeText().trim().max(80, "Keep the sender name under 80 characters.").regex(/^[^<>"]*$/, "Leave out < > and quotes."),
  senderEmail: z.union([z.literal(""), z.email("Enter an e-mail address, or leave it empty.").max(254)]),
  invoiceHeader: safeText().trim().max(1_000, "Keep the invoice header under 1,000 characters."),
});
export type TSaveBrandInput = z.infer<typeof ZSaveBrandInput>;
