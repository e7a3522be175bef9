import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { resetWorld, send, serveFunctions, startExecutor, testInngest } from "../harness";

describe("replies that did not come from the SDK, and unsupported ops", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("retries a proxy error (no x-inngest-sdk-handled) and a throwing transport within the attempt budget", async () => {
    const fn = testInngest.createFunction({ id: "behind-proxy", retries: 2, triggers: [{ event: "test/proxy" }] }, async ({ step }) =>
      step.run("work", () => "worked"),
    );
    const real = serveFunctions([fn]);
    let posts = 0;
    const flaky: ServeHandler = {
      PUT: real.PUT,
      POST: async (request, context) => {
        posts += 1;
        if (posts === 1) return new Response("<html>502 Bad Gateway</html>", { status: 502 });
        if (posts === 2) throw new Error("socket hang up");
        return real.POST(request, context);
      },
    };
    const wf = await startExecutor([fn], { handler: flaky });
    await send({ name: "test/proxy", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-behind-proxy" });
    expect((await wf.jobs(run!.id))[0]).toMatchObject({ attempt: 1 });
    await wf.advanceTime("10m");
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "worked" });
    expect(posts).toBe(4); // two failures, then the discovery that runs the step and the one that completes
  });

  it("fails the run when transport errors exhaust the budget, with the transport error", async () => {
    const fn = testInngest.createFunction({ id: "unreachable", retries: 1, triggers: [{ event: "test/unreachable" }] }, async () => "never");
    const real = serveFunctions([fn]);
    const broken: ServeHandler = { PUT: real.PUT, POST: async () => new Response("upstream timeout", { status: 504 }) };
    const wf = await startExecutor([fn], { handler: broken });
    await send({ name: "test/unreachable", data: {} });
    await wf.advanceTime("10m");
    expect(await wf.runs({ functionId: "wft-unreachable" })).toMatchObject([
      { status: "FAILED", error: { message: expect.stringContaining("did not come from the Inngest SDK") } },
    ]);
  });

  it("fails a run that uses a gateway-only step (waitForSignal) with 'unsupported in embedded executor'", async () => {
    const fn = testInngest.createFunction({ id: "signals", retries: 0, triggers: [{ event: "test/signal" }] }, async ({ step }) =>
      step.waitForSignal("approval", { signal: "approve-1", timeout: "1h", onConflict: "replace" }),
    );
    const wf = await startExecutor([fn]);
    await send({ name: "test/signal", data: {} });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-signals" })).toMatchObject([
      { status: "FAILED", error: { message: "unsupported in embedded executor: WaitForSignal" } },
    ]);
  });
});
