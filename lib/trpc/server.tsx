import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache } from "react";
import { createTrpcContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { makeQueryClient } from "./query-client";

/** For server components: prefetch with `trpc.x.y.queryOptions()` and pass state down via HydrationBoundary. */
export const getQueryClient = cache(makeQueryClient);
export const trpc = createTRPCOptionsProxy({ ctx: createTrpcContext, router: appRouter, queryClient: getQueryClient });
