import { vi } from "vitest";
import { db } from "@/server/db";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { fakeDateClock, noJitter } from "@/server/workflows/embedded/testing";
import { handler } from "@/server/workflows/handler";

/**
 * The embedded executor over the app's own functions, synced and driven explicitly on the faked Date:
 * no loop and no crons (drain, advanceTime and tickCron decide). Call vi.useFakeTimers({ toFake: ["Date"] }) first.
 */
export const startAppWorkflows = async () => {
  const executor = await createEmbeddedExecutor({
    db, handler: handler as unknown as ServeHandler, clock: fakeDateClock(vi), autoStart: false, crons: false, random: noJitter,
  });
  await executor.sync();
  return executor;
};
