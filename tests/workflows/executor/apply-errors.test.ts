import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { deferred, resetWorld, send, startExecutor, testInngest, within } from "../harness";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("errors while recording a reply", () => {
  beforeEach(resetWorld);
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it("leaves the job for a retry when the connection drops while the reply is applied (transient), instead of failing the run", async () => {
    let executions = 0;
    const stepDone = deferred();
    const fn = testInngest.createFunction({ id: "dropped", retries: 0, triggers: [{ event: "test/dropped" }] }, async ({ step }) =>
      step.run("work", () => {
        executions += 1;
        stepDone.resolve();
        return `execution-${executions}`;
      }),
    );
    // NOTE: the classic reply path; with checkpointing the step's result is recorded by its checkpoint (below).
    const wf = await startExecutor([fn], { checkpointing: false });
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await send({ name: "test/dropped", data: {} });
    const runId = (await db.inngestRun.findFirstOrThrow({ where: { functionId: "wft-dropped" } })).id;

    // One connection holds the run's row lock, so recording the step's result waits; another kills that backend.
    const locker = new pg.Client(process.env.DATABASE_URL);
    const killer = new pg.Client(process.env.DATABASE_URL);
    await Promise.all([locker.connect(), killer.connect()]);
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "InngestRun" WHERE id = $1 FOR UPDATE`, [runId]);
    const drained = wf.drain();
    await stepDone.promise;
    await within(
      (async () => {
        for (;;) {
          const { rows } = await killer.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%InngestStep%' AND pid <> pg_backend_pid()`,
          );
          if (rows.length > 0) return;
          await pause(20);
        }
      })(),
      5_000,
      "the reply statement waiting on the row lock",
    );
    await locker.query("ROLLBACK");
    await Promise.all([locker.end(), killer.end()]);
    await drained;
    expect(errors.mock.calls.some(([text]) => String(text).includes("transient, retried after the job lease"))).toBe(true);
    expect(await wf.run(runId)).toMatchObject({ status: "RUNNING", endedAt: null });
    expect(await wf.jobs(runId)).toMatchObject([{ stepId: "step", attempt: 0 }]);

    // After the job lease the call is re-sent; the step runs again (at-least-once) and is recorded once.
    await wf.advanceTime("61s");
    expect(await wf.run(runId)).toMatchObject({ status: "COMPLETED", output: "execution-2" });
    expect(executions).toBe(2);
  });

  it("with checkpointing, a checkpoint whose connection drops is retried by the SDK: the step is recorded once and not run again", async () => {
    let executions = 0;
    const stepDone = deferred();
    const fn = testInngest.createFunction({ id: "dropped-checkpoint", retries: 0, triggers: [{ event: "test/dropped-checkpoint" }] }, async ({ step }) =>
      step.run("work", () => {
        executions += 1;
        stepDone.resolve();
        return `execution-${executions}`;
      }),
    );
    const wf = await startExecutor([fn]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await send({ name: "test/dropped-checkpoint", data: {} });
    const runId = (await db.inngestRun.findFirstOrThrow({ where: { functionId: "wft-dropped-checkpoint" } })).id;

    const locker = new pg.Client(process.env.DATABASE_URL);
    const killer = new pg.Client(process.env.DATABASE_URL);
    await Promise.all([locker.connect(), killer.connect()]);
    await locker.query("BEGIN");
    await locker.query(`SELECT 1 FROM "InngestRun" WHERE id = $1 FOR UPDATE`, [runId]);
    const drained = wf.drain();
    await stepDone.promise;
    await within(
      (async () => {
        for (;;) {
          const { rows } = await killer.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH job AS%' AND pid <> pg_backend_pid()`,
          );
          if (rows.length > 0) return;
          await pause(20);
        }
      })(),
      5_000,
      "the checkpoint statement waiting on the run's row lock",
    );
    await locker.query("ROLLBACK");
    await Promise.all([locker.end(), killer.end()]);
    await drained;
    expect(errors.mock.calls.some(([text]) => String(text).includes("could not store a checkpoint"))).toBe(true);
    expect(await wf.run(runId)).toMatchObject({ status: "COMPLETED", output: "execution-1" });
    expect(executions).toBe(1);
    expect((await wf.run(runId))!.steps).toMatchObject([{ name: "work", attempts: 1 }]);
  });
});
