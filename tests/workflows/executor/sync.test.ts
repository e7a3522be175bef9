import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { assertEmbeddedEnvironment } from "@/server/workflows/embedded/boot";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { fakeDateClock } from "@/server/workflows/embedded/testing";
import { resetWorld, send, serveFunctions, startExecutor, testInngest } from "../harness";

describe("sync validation", () => {
  beforeEach(resetWorld);
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  it("refuses every unsupported option in one error naming each function id and key, and stores nothing", async () => {
    const fns = [
      testInngest.createFunction({ id: "throttled", retries: 1, throttle: { limit: 1, period: "1m" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "limited", retries: 1, rateLimit: { limit: 1, period: "1m" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "debounced", retries: 1, debounce: { period: "60s" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "batched", retries: 1, batchEvents: { maxSize: 5, timeout: "60s" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "prioritised", retries: 1, priority: { run: "1" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "single", retries: 1, singleton: { key: "event.data.x", mode: "skip" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "timed", retries: 1, timeouts: { finish: "1h" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "scoped", retries: 1, concurrency: { limit: 1, scope: "env", key: "event.data.x" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "three", retries: 1, concurrency: [{ limit: 1 }, { limit: 2 }, { limit: 3 }] as never, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "no-retries", triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "bad-cron", retries: 1, triggers: [{ cron: "not a cron" }] }, async () => null),
    ];
    const error = await startExecutor(fns).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain("not supported by the embedded executor; see workflow-engine.md §5.9");
    for (const line of [
      "wft-throttled: throttle", "wft-limited: rateLimit", "wft-debounced: debounce", "wft-batched: batchEvents",
      "wft-prioritised: priority", "wft-single: singleton", "wft-timed: timeouts", 'wft-scoped: concurrency.scope "env"',
      "wft-three: concurrency (3 entries", "wft-no-retries: retries", 'wft-bad-cron: cron "not a cron"',
    ]) {
      expect(message).toContain(line);
    }
    expect(await db.inngestFunction.count()).toBe(0);
  });

  it("accepts supported configs, including concurrency as a number, an object and an array of two", async () => {
    const fns = [
      testInngest.createFunction({ id: "n", retries: 0, concurrency: 2, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "o", retries: 0, concurrency: { limit: 1, key: "event.data.x" }, triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "a", retries: 0, concurrency: [{ limit: 5 }, { limit: 1, key: "event.data.x", scope: "fn" }], triggers: [{ event: "a/b" }] }, async () => null),
      testInngest.createFunction({ id: "c", retries: 0, triggers: [{ cron: "TZ=Europe/Berlin 0 3 * * *" }] }, async () => null),
    ];
    await startExecutor(fns);
    expect((await db.inngestFunction.findMany()).map((f) => f.id).sort()).toEqual(["wft-a", "wft-c", "wft-n", "wft-o"]);
    expect(await db.inngestCron.findMany()).toMatchObject([{ functionId: "wft-c", nextAt: new Date("2026-01-01T02:00:00Z") }]);
  });

  it("refuses to boot in dev mode or with in-band sync disabled", () => {
    vi.stubEnv("INNGEST_DEV", "1");
    expect(() => assertEmbeddedEnvironment()).toThrow(/INNGEST_DEV is set/);
    vi.stubEnv("INNGEST_DEV", "http://localhost:8288");
    expect(() => assertEmbeddedEnvironment()).toThrow(/INNGEST_DEV is set/);
    vi.stubEnv("INNGEST_DEV", "0");
    expect(() => assertEmbeddedEnvironment()).not.toThrow();
    vi.stubEnv("INNGEST_ALLOW_IN_BAND_SYNC", "false");
    expect(() => assertEmbeddedEnvironment()).toThrow(/INNGEST_ALLOW_IN_BAND_SYNC=false/);
  });

  it("fails a run with a message naming signing when the handler rejects the signature (401)", async () => {
    const fn = testInngest.createFunction({ id: "signed", retries: 3, triggers: [{ event: "test/signed" }] }, async () => "never");
    await startExecutor([fn]);
    const wrongKey = await createEmbeddedExecutor({
      db, handler: serveFunctions([fn]), clock: fakeDateClock(vi), autoStart: false, crons: false, signingKey: "signkey-local-00ff",
    });
    await send({ name: "test/signed", data: {} });
    await wrongKey.drain();
    const [run] = await wrongKey.runs({ functionId: "wft-signed" });
    expect(run).toMatchObject({ status: "FAILED", error: { name: "SigningError", message: expect.stringMatching(/signature .*INNGEST_SIGNING_KEY/) } });
  });
});
