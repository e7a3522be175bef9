import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetWorld, send, startExecutor, T0, testInngest } from "../harness";

const DAY = 86_400_000;

describe("sleep and sleepUntil", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  it("wakes a sleep at the right instant on the executor clock, in order with other work", async () => {
    const seen: [string, number][] = [];
    const fn = testInngest.createFunction({ id: "dunning", retries: 0, triggers: [{ event: "test/overdue" }] }, async ({ step }) => {
      await step.sleep("grace", "3d");
      await step.run("remind", () => seen.push(["remind", Date.now() - T0.getTime()]));
      await step.sleepUntil("suspend-at", new Date(T0.getTime() + 7 * DAY));
      await step.run("suspend", () => seen.push(["suspend", Date.now() - T0.getTime()]));
      return "suspended";
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/overdue", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-dunning" });
    expect(run?.status).toBe("WAITING");
    const [wake] = await wf.jobs(run!.id);
    expect(wake).toMatchObject({ kind: "WAKE" });
    expect(wake!.runAt.getTime()).toBe(T0.getTime() + 3 * DAY);

    await wf.advanceTime("8d");
    expect(seen).toEqual([["remind", 3 * DAY], ["suspend", 7 * DAY]]);
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "suspended" });
    expect(Date.now()).toBe(T0.getTime() + 8 * DAY);
  });

  it("fails the run when a sleep is longer than 366 days", async () => {
    const fn = testInngest.createFunction({ id: "toolong", retries: 0, triggers: [{ event: "test/toolong" }] }, async ({ step }) => {
      await step.sleep("forever", "400d");
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/toolong", data: {} });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-toolong" });
    expect(run).toMatchObject({ status: "FAILED", error: { message: expect.stringContaining("366 days") } });
  });
});

describe("waitForEvent", () => {
  beforeEach(resetWorld);
  afterEach(() => vi.useRealTimers());

  const waiter = () =>
    testInngest.createFunction({ id: "waiter", retries: 0, triggers: [{ event: "test/order.placed" }] }, async ({ step }) => {
      const paid = await step.waitForEvent("paid", { event: "test/order.paid", timeout: "2d", if: "event.data.orderId == async.data.orderId" });
      return paid ? { paidBy: (paid.data as { by: string }).by, id: paid.id } : "timed out";
    });

  it("resumes with the whole matching event, ignoring events whose `if` does not match", async () => {
    const wf = await startExecutor([waiter()]);
    await send({ name: "test/order.placed", data: { orderId: "o1" } });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-waiter" });
    expect(run?.status).toBe("WAITING");
    expect(await wf.pauses(run!.id)).toMatchObject([{ kind: "WAIT", eventName: "test/order.paid" }]);

    await send({ name: "test/order.paid", data: { orderId: "other", by: "x" } });
    await wf.drain();
    expect((await wf.run(run!.id))?.status).toBe("WAITING");

    await wf.advanceTime("1d");
    await send({ name: "test/order.paid", id: "pay-1", data: { orderId: "o1", by: "card" } });
    await wf.drain();
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: { paidBy: "card", id: "pay-1" } });
    expect(await wf.pauses()).toEqual([]);
  });

  it("resumes with null when the timeout passes", async () => {
    const wf = await startExecutor([waiter()]);
    await send({ name: "test/order.placed", data: { orderId: "o2" } });
    await wf.advanceTime("47h");
    const [run] = await wf.runs({ functionId: "wft-waiter" });
    expect(run?.status).toBe("WAITING");
    await wf.advanceTime("1h");
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "timed out" });
  });

  it("sees an event caused in parallel with the wait (Promise.all): the pause exists before the trigger step runs", async () => {
    const fn = testInngest.createFunction({ id: "race-ok", retries: 0, triggers: [{ event: "test/race.ok" }] }, async ({ step }) => {
      const [reply] = await Promise.all([
        step.waitForEvent("reply", { event: "test/race.reply", timeout: "1h", match: "data.key" }),
        step.run("ask", () => testInngest.send({ name: "test/race.reply", data: { key: "k1" } })),
      ]);
      return reply ? "got reply" : "missed";
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/race.ok", data: { key: "k1" } });
    await wf.drain();
    expect(await wf.runs({ functionId: "wft-race-ok" })).toMatchObject([{ status: "COMPLETED", output: "got reply" }]);
  });

  it("does not see an event sent by the step before the wait (no lookback, as on Inngest): the wait times out", async () => {
    const fn = testInngest.createFunction({ id: "race-lost", retries: 0, triggers: [{ event: "test/race.lost" }] }, async ({ step }) => {
      await step.run("ask", () => testInngest.send({ name: "test/race.answer", data: { key: "k2" } }));
      const reply = await step.waitForEvent("reply", { event: "test/race.answer", timeout: "1h", match: "data.key" });
      if (reply) return "got reply";
      return step.run("recheck", () => "rechecked after timeout");
    });
    const wf = await startExecutor([fn]);
    await send({ name: "test/race.lost", data: { key: "k2" } });
    await wf.drain();
    const [run] = await wf.runs({ functionId: "wft-race-lost" });
    expect(run?.status).toBe("WAITING");
    expect(await wf.events("test/race.answer")).toHaveLength(1);
    await wf.advanceTime("1h");
    expect(await wf.run(run!.id)).toMatchObject({ status: "COMPLETED", output: "rechecked after timeout" });
  });
});
