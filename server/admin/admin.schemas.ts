import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

export const ADMIN_CLIENTS_PAGE_SIZE = 50;
export const ZListAdminClientsInput = z.object({
  search: safeText().trim().max(100).optional(),
  status: z.enum(["ACTIVE", "INACTIVE", "CLOSED", "FRAUD"]).optional(),
  clientGroupId: ZRecordId.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const ZClientIdInput = z.object({ clientId: ZRecordId });
export const ZServiceIdInput = z.object({ serviceId: ZRecordId });
