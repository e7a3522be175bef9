import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

const ZTaxId = safeText().trim().max(50, "Use at most 50 characters.");

/** Staff edit both on the client's details page. */
export const ZUpdateClientTaxDetailsInput = z.object({ clientId: ZRecordId, isTaxable: z.boolean(), taxId: ZTaxId });
export type TUpdateClientTaxDetailsInput = z.infer<typeof ZUpdateClientTaxDetailsInput>;

/** A client edits only its tax ID: whether the account is taxable is the provider's decision. */
export const ZUpdateOwnTaxIdInput = z.object({ taxId: ZTaxId });
