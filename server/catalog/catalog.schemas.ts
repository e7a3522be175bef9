import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

export const ZBillingCycle = z.enum(BILLING_CYCLES);

export const ZOfferRef = z.object({ productId: ZRecordId, cycle: ZBillingCycle });

export const ZGetProductInput = z.object({ slug: safeText().min(1).max(120) });
