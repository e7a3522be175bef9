import "server-only";
import type { Clock } from "@/server/clock";
import type { DbClient } from "@/server/db";

/** A `functions[]` entry of the in-band sync reply (§4.3), as stored in InngestFunction.config. */
export type FunctionConfig = {
  id: string;
  name: string;
  triggers: ({ event: string; expression?: string } | { cron: string })[];
  steps: { step: { id: string; name: string; runtime: { type: string; url: string }; retries?: { attempts: number } } };
  idempotency?: string;
  concurrency?: unknown;
  cancel?: { event: string; if?: string; timeout?: string }[];
  [key: string]: unknown;
};

/** The event object a function sees (§4.4). */
export type RunEvent = { name: string; data: Record<string, unknown>; id: string; ts: number; user: Record<string, unknown> };

/** What every piece of executor code needs: where the state lives and what time it is. */
export type Ctx = { db: DbClient; clock: Clock };

export type RunStatus = "RUNNING" | "WAITING" | "COMPLETED" | "FAILED" | "CANCELLED";

export type SerializedError = { name: string; message: string; stack?: string; [key: string]: unknown };
