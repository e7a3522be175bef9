import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cancelRun, retryRun, runNow } from "@/server/workflows/embedded/actions";
import { resetWorld, send, startExecutor, testInngest } from "../harness";

describe("staff actions", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("cancelRun cancels an active run and refuses an ended one", async () => {
    const fn = testInngest.createFunction({ id: "sleeper", retries: 0, triggers: [{ event: "test/sleeper" }] }, async ({ step }) => {
      await step.sleep("nap", "1d");
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/sleeper", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-sleeper" });
    await cancelRun({ runId: run!.id });
    expect(await wf.run(run!.id)).toMatchObject({ status: "CANCELLED" });
    expect(await wf.jobs(run!.id)).toEqual([]);
    expect(await wf.events("inngest/function.cancelled")).toHaveLength(1);
    await expect(cancelRun({ runId: run!.id })).rejects.toThrow(/already ended \(CANCELLED\)/);
    await expect(cancelRun({ runId: "nope" })).rejects.toThrow(/not found/);
  });

  it("runNow wakes a sleeping run at once; it refuses a run with nothing scheduled", async () => {
    const fn = testInngest.createFunction({ id: "napper", retries: 0, triggers: [{ event: "test/napper" }] }, async ({ step }) => {
      await step.sleep("nap", "7d");
      return "awake";
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/napper", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-napper" });
    await runNow({ runId: run!.id });
    await wf.drain();
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "awake" });
    await expect(runNow({ runId: run!.id })).rejects.toThrow(/already ended \(COMPLETED\)/);
  });

  it("retryRun re-runs a failing step now while the run waits on its backoff, and starts a new run for a failed one", async () => {
    let shouldFail = true;
    let calls = 0;
    const fn = testInngest.createFunction(
      { id: "charge", retries: 1, idempotency: "event.data.invoiceId", triggers: [{ event: "test/charge" }] },
      async ({ step }) =>
        step.run("capture", () => {
          calls += 1;
          if (shouldFail) throw new Error("gateway down");
          return "captured";
        }),
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/charge", data: { invoiceId: "inv-1" } });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-charge" });
    expect(calls).toBe(1);
    expect(await retryRun({ runId: run!.id })).toEqual({ runId: run!.id });
    await wf.drain();
    expect(calls).toBe(2);
    expect(await wf.run(run!.id)).toMatchObject({ status: "FAILED", error: { message: "gateway down" } });

    shouldFail = false;
    const { runId } = await retryRun({ runId: run!.id });
    expect(runId).not.toBe(run!.id);
    await wf.drain();
    expect(await wf.run(runId)).toMatchObject({ status: "COMPLETED", output: "captured" });
    expect(await wf.run(run!.id)).toMatchObject({ status: "FAILED" });
    await expect(retryRun({ runId })).rejects.toThrow(/completed successfully/);
  });
});
