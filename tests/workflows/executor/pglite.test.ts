import { PGlite } from "@electric-sql/pglite";
import type { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PrismaClient } from "@/server/db/generated/client";
import { migrate } from "@/server/db/migrate";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { ingest } from "@/server/workflows/embedded/ingest";
import { fakeDateClock, noJitter } from "@/server/workflows/embedded/testing";
import { serveFunctions, T0, testInngest } from "../harness";

// The zero-setup default database: one in-process connection, so no transaction may wait on other work.
describe("the executor on PGlite", () => {
  const pglite = new PGlite();
  // NOTE: the adapter's bundled driver-adapter-utils types differ from the client's; server/db does the same cast.
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg });

  beforeAll(async () => {
    await migrate({ exec: (sql) => pglite.exec(sql), query: (sql, params) => pglite.query(sql, params) });
  }, 60_000);
  afterEach(() => vi.useRealTimers());
  afterAll(async () => {
    await db.$disconnect();
    await pglite.close();
  });

  it("runs parallel steps, a sleep, a wait and a retry to completion", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(T0);
    let calls = 0;
    const fn = testInngest.createFunction({ id: "on-pglite", retries: 1, triggers: [{ event: "test/pglite" }] }, async ({ step }) => {
      const [a, b] = await Promise.all([step.run("a", () => 1), step.run("b", () => 2)]);
      await step.sleep("nap", "1d");
      const flaky = await step.run("flaky", () => {
        calls += 1;
        if (calls === 1) throw new Error("once");
        return 3;
      });
      const reply = await step.waitForEvent("reply", { event: "test/pglite.reply", timeout: "1h" });
      return a + b + flaky + ((reply?.data as { n?: number } | undefined)?.n ?? 0);
    });
    const wf = await createEmbeddedExecutor({
      db, handler: serveFunctions([fn]), clock: fakeDateClock(vi), autoStart: false, crons: false, random: noJitter, maxParallel: 4,
    });
    await wf.sync();
    await ingest({ name: "test/pglite", data: {} }, { db });
    await wf.advanceTime("1d1m");
    const [run] = await wf.runs({ functionId: "wft-on-pglite" });
    expect(run?.status).toBe("WAITING");
    await ingest({ name: "test/pglite.reply", data: { n: 4 } }, { db });
    await wf.drain();
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: 10 });
    expect(calls).toBe(2);
  });
});
