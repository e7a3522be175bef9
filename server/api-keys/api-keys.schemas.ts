import { z } from "zod";

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(80),
  roleId: z.string().min(1, "Choose a role.").max(64),
});
export const ZApiKeyIdInput = z.object({ apiKeyId: z.string().min(1).max(64) });
