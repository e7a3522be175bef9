import { z } from "zod";
import { BILLING_CYCLES } from "@/lib/billing-cycles";

export const ZBillingCycle = z.enum(BILLING_CYCLES);

export const ZOfferRef = z.object({ productId: z.string().min(1).max(64), cycle: ZBillingCycle });

export const ZGetProductInput = z.object({ slug: z.string().min(1).max(120) });
