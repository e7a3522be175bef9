import { z } from "zod";

export const ZMailIdInput = z.object({ mailId: z.string().min(1) });
