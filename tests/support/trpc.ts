import type { TPrincipal } from "@/server/auth/principal";
import { createCaller } from "@/server/trpc/root";

/** Calls procedures exactly as the HTTP handler would, as the given principal (null = signed out). */
export const callerFor = (principal: TPrincipal | null) => createCaller({ principal });
