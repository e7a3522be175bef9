import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { retryAfterResponseMeta } from "@/server/security/trpc-retry-after";
import { createTrpcContext } from "@/server/trpc/init";
import { checkTrpcRequest, TRPC_MAX_BATCH_SIZE } from "@/server/trpc/request-limits";
import { appRouter } from "@/server/trpc/root";

const endpoint = "/api/trpc";
const procedures = new Set(Object.keys(appRouter._def.procedures));

const handler = async (request: Request) => {
  const checked = await checkTrpcRequest(request, { endpoint, procedures });
  if (checked instanceof Response) return checked;
  return fetchRequestHandler({
    endpoint,
    req: checked,
    router: appRouter,
    createContext: createTrpcContext,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    responseMeta: retryAfterResponseMeta,
  });
};

export { handler as GET, handler as POST };
