import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { resetTables } from "../harness";

const fixture = path.resolve("tests/workflows/fixtures/durable-worker.ts");

const startWorker = (mode: "crash" | "resume", marker: string) =>
  spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", fixture], {
    env: { ...process.env, MODE: mode, MARKER_FILE: marker },
    stdio: ["ignore", "pipe", "pipe"],
  });

const waitForLine = (child: ChildProcess, line: string, timeoutMs: number) =>
  new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no "${line}" within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      if (!output.includes(line)) {
        clearTimeout(timer);
        reject(new Error(`worker exited (${code}) before "${line}"; output:\n${output}`));
      }
    });
  });

describe("durability across a process crash", () => {
  beforeEach(resetTables);

  it("resumes a run whose process was SIGKILLed mid-step: completed steps never re-run, the interrupted one re-runs", async () => {
    const marker = path.join(mkdtempSync(path.join(tmpdir(), "wf-durable-")), "marks.log");
    const crashing = startWorker("crash", marker);
    await waitForLine(crashing, "HANGING", 30_000);
    crashing.kill("SIGKILL");
    await new Promise((resolve) => crashing.once("exit", resolve));
    expect(readFileSync(marker, "utf8").trim().split("\n")).toEqual(["one", "two-start"]);
    const [interrupted] = await db.inngestRun.findMany({ where: { functionId: "wft-durable" } });
    expect(interrupted?.status).toBe("RUNNING");

    const resuming = startWorker("resume", marker);
    await waitForLine(resuming, "DONE", 40_000);
    expect(readFileSync(marker, "utf8").trim().split("\n")).toEqual(["one", "two-start", "two-start", "two-done", "three"]);
    expect(await db.inngestRun.findMany({ where: { functionId: "wft-durable" } })).toMatchObject([{ status: "COMPLETED", output: "survived" }]);
  }, 90_000);
});
