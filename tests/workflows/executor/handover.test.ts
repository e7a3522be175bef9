import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ingest } from "@/server/workflows/embedded/ingest";
import { resetTables } from "../harness";

const fixture = path.resolve("tests/workflows/fixtures/lease-worker.ts");
const EXECUTOR_LEASE_MS = 2_000;
const EXECUTOR_LEASE_RENEW_MS = 400;
const JOB_LEASE_MS = 1_500;
const RUNS = 4;
const HANG_N = 1;

type Worker = { name: string; child: ChildProcess; output: () => string };

const startWorker = (name: string, dir: string): Worker => {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", fixture], {
    env: {
      ...process.env,
      WORKER_NAME: name,
      MARKER_FILE: path.join(dir, "marks.log"),
      HANG_DIR: dir,
      HANG_N: String(HANG_N),
      JOB_LEASE_MS: String(JOB_LEASE_MS),
      EXECUTOR_LEASE_MS: String(EXECUTOR_LEASE_MS),
      EXECUTOR_LEASE_RENEW_MS: String(EXECUTOR_LEASE_RENEW_MS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { name, child, output: () => output };
};

const waitFor = async <T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, workers: Worker[]) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`no ${what} within ${timeoutMs} ms; worker output:\n${workers.map((w) => `--- ${w.name}\n${w.output()}`).join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const leaseHolder = async () => (await db.inngestLease.findUnique({ where: { name: "executor" } }))?.holder;

describe("executor lease hand-over between two app processes", () => {
  beforeEach(resetTables);

  it("runs steps only in the lease holder; after a SIGKILL the other process takes over within the lease time and finishes every run, no completed step run twice", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wf-handover-"));
    const marksFile = path.join(dir, "marks.log");
    writeFileSync(marksFile, "");
    const marks = () => readFileSync(marksFile, "utf8").trim().split("\n").filter(Boolean).map((line) => line.split(" ") as [string, string, string, string]);
    const workers = [startWorker("worker-a", dir), startWorker("worker-b", dir)];
    try {
      await waitFor("start of both workers", 60_000, () => (workers.every((w) => w.output().includes("STARTED")) ? true : undefined), workers);
      const holderName = await waitFor("executor lease holder", 10_000, leaseHolder, workers);
      const holder = workers.find((w) => w.name === holderName)!;
      const survivor = workers.find((w) => w !== holder)!;

      await ingest(Array.from({ length: RUNS }, (_, n) => ({ name: "test/handover", data: { n } })));
      await waitFor("a step hanging in the lease holder", 30_000, () => (holder.output().includes("HANGING") ? true : undefined), workers);
      expect(survivor.output()).not.toContain("HANGING");
      expect(new Set(marks().map(([, , , by]) => by))).toEqual(new Set([holder.name]));

      const killedAt = Date.now();
      holder.child.kill("SIGKILL");
      await new Promise((resolve) => holder.child.once("exit", resolve));
      await waitFor("take-over by the other process", 15_000, async () => ((await leaseHolder()) === survivor.name ? true : undefined), workers);
      const takeOverMs = Date.now() - killedAt;
      // The holder's last renewal was at most one renew interval before the kill; the other process retries every interval.
      expect(takeOverMs).toBeLessThanOrEqual(EXECUTOR_LEASE_MS + EXECUTOR_LEASE_RENEW_MS + 1_500);

      const runs = await waitFor("every run completed", 30_000, async () => {
        const all = await db.inngestRun.findMany({ where: { functionId: "wft-handover" } });
        return all.length === RUNS && all.every((run) => run.status === "COMPLETED") ? all : undefined;
      }, workers);
      expect(runs.map((run) => run.output)).toEqual(Array(RUNS).fill("handed over"));

      const lines = marks();
      const count = (runId: string, step: string, phase: string) => lines.filter(([r, s, p]) => r === runId && s === step && p === phase).length;
      const hungRun = runs.find((run) => (run.event as { data: { n: number } }).data.n === HANG_N)!;
      for (const run of runs) {
        for (const step of ["one", "two", "three"]) {
          expect(count(run.id, step, "done"), `${step} of run ${run.id} completed once`).toBe(1);
          // Only the step that was in flight when the holder died runs again (at-least-once), in the survivor.
          expect(count(run.id, step, "start")).toBe(run.id === hungRun.id && step === "two" ? 2 : 1);
        }
      }
      expect(lines.filter(([r, s, p, by]) => r === hungRun.id && s === "two" && p === "done" && by === survivor.name)).toHaveLength(1);

      // A clean stop hands the lease back at once instead of letting it run out.
      survivor.child.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => survivor.child.once("exit", (exitCode) => resolve(exitCode)));
      expect(code).toBe(0);
      expect(await leaseHolder()).toBeUndefined();
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
    }
  }, 120_000);
});
