import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { EXPIRE_PAUSES_BATCH, expirePauses } from "@/server/workflows/embedded/pauses";
import { resetWorld, send, startExecutor, testInngest } from "../harness";

describe("expiring pauses after downtime", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("resolves many expired pauses in bounded batches, each its own transaction, until none is left", async () => {
    const fn = testInngest.createFunction({ id: "await-reply", retries: 0, triggers: [{ event: "test/await" }] }, async ({ step }) => {
      const reply = await step.waitForEvent("reply", { event: "test/reply", timeout: "1h" });
      return reply === null ? "timed out" : "answered";
    });
    const wf = await startExecutor([fn], { maxParallel: 8 });
    const count = EXPIRE_PAUSES_BATCH + 20;
    await send(Array.from({ length: count }, (_, n) => ({ name: "test/await", data: { n } })));
    await wf.drain();
    expect(await db.inngestPause.count({ where: { kind: "WAIT" } })).toBe(count);

    // The executor was down for a day: every wait is long expired. One sweep takes one batch and commits it.
    const clock = wf.clock as { now: () => number; set: (ms: number) => void };
    clock.set(clock.now() + 86_400_000);
    expect(await expirePauses({ db, clock })).toBe(EXPIRE_PAUSES_BATCH);
    expect(await db.inngestPause.count()).toBe(count - EXPIRE_PAUSES_BATCH);
    expect(await db.inngestJob.count()).toBe(EXPIRE_PAUSES_BATCH); // one discovery per resolved wait, committed

    await wf.drain();
    expect(await db.inngestPause.count()).toBe(0);
    const runs = await wf.runs({ functionId: "wft-await-reply" });
    expect(runs).toHaveLength(count);
    expect(runs.every((run) => run.status === "COMPLETED" && run.output === "timed out")).toBe(true);
  }, 60_000);
});
