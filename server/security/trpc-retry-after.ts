import "server-only";
import type { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors";

/** tRPC's responseMeta: a rate-limited call answers 429 with `Retry-After` (the largest wait in a batch). */
export const retryAfterResponseMeta = ({ errors }: { errors: TRPCError[] }) => {
  const waits = errors.map((error) => (error.cause instanceof AppError ? error.cause.details.retryAfterSeconds : undefined)).filter((wait) => wait !== undefined);
  return waits.length ? { headers: new Headers({ "Retry-After": String(Math.max(...waits)) }) } : {};
};
