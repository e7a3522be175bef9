import { it, vi } from "vitest";
import { buildCallBody, callFunction, createContractClient, hashStepId, serveFunctions, syncInBand } from "./helpers";

it("explore2", async () => {
  const { client } = createContractClient();
  const fns = [
    client.createFunction({ id: "one", retries: 0, triggers: [{ event: "contract/run" }] }, async ({ step }) => step.run("a", () => 1)),
    client.createFunction(
      { id: "all", triggers: [{ event: "contract/run" }], throttle: { limit: 1, period: "1m", key: "event.data.x" }, rateLimit: { limit: 1, period: "1h" },
        debounce: { period: "5m" }, priority: { run: "event.data.p" }, singleton: { mode: "skip" }, timeouts: { start: "1m", finish: "1h" },
        concurrency: [{ limit: 1 }, { limit: 2, key: "event.data.x", scope: "env" }] },
      async () => 1,
    ),
    client.createFunction({ id: "batch", triggers: [{ event: "contract/run" }], batchEvents: { maxSize: 10, timeout: "5s" } }, async () => 1),
  ];
  const handler = serveFunctions(client, fns);
  const sync = await syncInBand(handler);
  const j = sync.json as Record<string, unknown> & { functions: unknown[] };
  //console.log(Object.keys(j), JSON.stringify({ ...j, functions: undefined }));
  //console.log(JSON.stringify(j.functions, null, 1));
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const t0 = Date.now();
  const p = callFunction(handler, { fnId: "one", stepId: hashStepId("zzz"), body: buildCallBody() });
  let done = false;
  void p.finally(() => { done = true; });
  while (!done) {
    await new Promise((r) => setImmediate(r));
    await vi.advanceTimersByTimeAsync(1_000);
  }
  const r = await p;
  vi.useRealTimers();
  console.log("unknown", r.status, r.text, Date.now() - t0);
});
