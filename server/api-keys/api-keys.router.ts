import "server-only";
import { now } from "@/server/clock";
import { listRoles } from "@/server/staff/role-queries";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { listApiKeys } from "./api-key-queries";
import { ZApiKeyIdInput, ZCreateApiKeyInput } from "./api-keys.schemas";
import { createApiKey } from "./create-api-key";
import { revokeApiKey } from "./revoke-api-key";

/** Admin → API Keys (`api-keys.manage`). */
export const apiKeysRouter = createTRPCRouter({
  list: staffProcedure("api-keys.manage").query(() => listApiKeys()),

  /** The roles a key can be created for (staff with only `api-keys.manage` still need to pick one). */
  roles: staffProcedure("api-keys.manage").query(async () => (await listRoles()).map(({ id, name }) => ({ id, name }))),

  create: staffProcedure("api-keys.manage").input(ZCreateApiKeyInput).mutation(({ input, ctx }) => createApiKey({ ...input, actorStaffId: ctx.principal.staffId })),

  revoke: staffProcedure("api-keys.manage").input(ZApiKeyIdInput).mutation(({ input, ctx }) => revokeApiKey({ ...input, actorStaffId: ctx.principal.staffId, now: now() })),
});
