import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { EMBEDDED_EVENT_KEY, EMBEDDED_ORIGIN, EMBEDDED_SERVE_URL, embeddedSigningKey } from "@/server/workflows/engine";
import { embeddedFetch } from "@/server/workflows/embedded/fetch";
import { callHandler, type ServeHandler } from "@/server/workflows/embedded/protocol";
import { deferred, resetWorld, send, serveFunctions, startExecutor, testInngest } from "../harness";

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

  it("aborts a call on its timeout: the request's signal fires and what the call still sends is refused, not ingested", async () => {
    const late = deferred<{ isAborted: boolean; status: number }>();
    const hanging: ServeHandler = {
      PUT: async () => new Response(null, { status: 500 }),
      POST: async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const sent = await embeddedFetch(`${EMBEDDED_ORIGIN}/e/${EMBEDDED_EVENT_KEY}`, { method: "POST", body: JSON.stringify([{ name: "test/late", data: {} }]) });
        late.resolve({ isAborted: request.signal.aborted, status: sent.status });
        return new Response("null", { status: 200 });
      },
    };
    const result = await callHandler({ handler: hanging, method: "POST", url: EMBEDDED_SERVE_URL, body: {}, signingKey: embeddedSigningKey(), timeoutMs: 50 });
    expect(result).toEqual({ kind: "transport", error: "Error: no response within 50 ms" });
    expect(await late.promise).toEqual({ isAborted: true, status: 409 });
    expect(await db.inngestEvent.count({ where: { name: "test/late" } })).toBe(0);
  });
});
