import { z } from "zod";

export const ZListAdminClientsInput = z.object({ search: z.string().trim().max(100).optional() });
export const ZClientIdInput = z.object({ clientId: z.string().min(1) });
export const ZServiceIdInput = z.object({ serviceId: z.string().min(1) });
