import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getEmbeddedExecutor, startEmbeddedExecutor } from "@/server/workflows/embedded/boot";
import { resetTables } from "../harness";

describe("startEmbeddedExecutor", () => {
  beforeAll(resetTables);
  afterAll(async () => {
    await (await getEmbeddedExecutor())?.stop();
  });

  it("starts one executor per process, syncs the app's own functions and takes the executor lease", async () => {
    const [first, second] = await Promise.all([startEmbeddedExecutor(), startEmbeddedExecutor()]);
    expect(second).toBe(first);
    expect(await startEmbeddedExecutor()).toBe(first);
    expect(await getEmbeddedExecutor()).toBe(first);
    const synced = await db.inngestFunction.findMany();
    expect(synced.length).toBeGreaterThan(0);
    expect(synced.every((fn) => fn.id.startsWith("hostlane-"))).toBe(true);
    expect(await db.inngestLease.findUnique({ where: { name: "executor" } })).toMatchObject({ holder: first.workerId });
  });
});
