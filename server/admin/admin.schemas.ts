import { z } from "zod";
import { safeText, ZRecordId } from "@/server/validation/safe-text";

export const ZListAdminClientsInput = z.object({ search: safeText().trim().max(100).optional() });
export const ZClientIdInput = z.object({ clientId: ZRecordId });
export const ZServiceIdInput = z.object({ serviceId: ZRecordId });
