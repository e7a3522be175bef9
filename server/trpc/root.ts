import "server-only";
import { createCallerFactory, createTRPCRouter } from "./init";

/** Every domain router, mounted once. Add a router here when a domain gains procedures. */
export const appRouter = createTRPCRouter({});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
