import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";
import { deleteEndedRuns } from "@/server/system-queue/retention/delete-ended-runs";
import { countRunsByStatus } from "@/server/system-queue/runs/count-runs-by-status";
import { listRuns } from "@/server/system-queue/runs/list-runs";
import { DISPLAY_STATUS_SQL } from "@/server/system-queue/runs/run-status-sql";
import { RUN_DISPLAY_STATUSES, type TRunDisplayStatus } from "@/server/system-queue/system-queue.schemas";
import { newId } from "@/server/workflows/embedded/ids";
import { resetDatabase } from "@/tests/db";

// The status tiles read ended runs from InngestRunCount (kept by triggers) and derive only active runs.
// Oracle: the previous implementation, every run's display status derived from its rows and counted.

const T = Date.parse("2026-05-01T00:00:00Z");
const FUNCTIONS = ["sqt-a", "sqt-b", "sqt-c"] as const;
const STORED = ["RUNNING", "WAITING", "COMPLETED", "FAILED", "CANCELLED"] as const;
type Stored = (typeof STORED)[number];
const isEnded = (status: Stored) => status !== "RUNNING" && status !== "WAITING";

const oracleCounts = async (functionId?: string) => {
  const rows = await db.$queryRaw<{ status: TRunDisplayStatus; count: number }[]>(Prisma.sql`
    SELECT d.status, COUNT(*)::int AS count FROM (
      SELECT (${DISPLAY_STATUS_SQL}) AS status FROM "InngestRun" r WHERE ${functionId ? Prisma.sql`r."functionId" = ${functionId}` : Prisma.sql`TRUE`}
    ) d GROUP BY d.status`);
  const counts = Object.fromEntries(RUN_DISPLAY_STATUSES.map((status) => [status, 0]));
  for (const row of rows) counts[row.status] = row.count;
  return counts;
};

const oracleIds = async (status: TRunDisplayStatus) =>
  (
    await db.$queryRaw<{ id: string }[]>(
      Prisma.sql`SELECT r.id FROM "InngestRun" r WHERE (${DISPLAY_STATUS_SQL}) = ${status} ORDER BY r.id DESC LIMIT 100`,
    )
  ).map((row) => row.id);

type Op =
  | { kind: "insert"; fn: number; status: Stored; hasLeasedJob: boolean }
  | { kind: "setStatus"; pick: number; status: Stored }
  | { kind: "setFunction"; pick: number; fn: number }
  | { kind: "delete"; pick: number }
  | { kind: "purge"; beforeRun: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("insert" as const), fn: fc.nat(2), status: fc.constantFrom(...STORED), hasLeasedJob: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("setStatus" as const), pick: fc.nat(), status: fc.constantFrom(...STORED) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("setFunction" as const), pick: fc.nat(), fn: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("purge" as const), beforeRun: fc.nat(30) }) },
);

const applyOps = async (ops: Op[]) => {
  const ids: string[] = [];
  const pick = (n: number) => (ids.length ? ids[n % ids.length] : undefined);
  for (const [index, op] of ops.entries()) {
    const atMs = T + index * 1_000;
    if (op.kind === "insert") {
      const id = newId(atMs);
      ids.push(id);
      const event = { id, name: "sq-test/x", data: {}, ts: atMs, user: {} };
      await db.inngestRun.create({
        data: {
          id, functionId: FUNCTIONS[op.fn]!, status: op.status, eventName: event.name, event, events: [event], stack: [],
          createdAt: new Date(atMs), endedAt: isEnded(op.status) ? new Date(atMs) : null,
        },
      });
      if (op.hasLeasedJob && !isEnded(op.status)) {
        await db.inngestJob.create({ data: { id: newId(atMs), runId: id, kind: "CALL", stepId: "step", runAt: new Date(atMs), lockedBy: "w", lockedUntil: new Date(atMs + 60_000) } });
      }
    } else if (op.kind === "setStatus") {
      const id = pick(op.pick);
      if (id) await db.inngestRun.updateMany({ where: { id }, data: { status: op.status, endedAt: isEnded(op.status) ? new Date(atMs) : null } });
    } else if (op.kind === "setFunction") {
      const id = pick(op.pick);
      if (id) await db.inngestRun.updateMany({ where: { id }, data: { functionId: FUNCTIONS[op.fn]! } });
    } else if (op.kind === "delete") {
      const id = pick(op.pick);
      if (id) {
        await db.inngestJob.deleteMany({ where: { runId: id } });
        await db.inngestRun.deleteMany({ where: { id } });
        ids.splice(ids.indexOf(id), 1);
      }
    } else {
      await deleteEndedRuns({ endedBefore: new Date(T + op.beforeRun * 1_000), batchSize: 2, maxBatches: 2 });
      const left = new Set((await db.inngestRun.findMany({ select: { id: true } })).map((run) => run.id));
      ids.splice(0, ids.length, ...ids.filter((id) => left.has(id)));
    }
  }
};

describe("run counts and lists over maintained counters", () => {
  it("agree with deriving every run's status, whatever inserts, status and function moves and deletes happened", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        await resetDatabase();
        await applyOps(ops);

        expect(await countRunsByStatus({})).toEqual(await oracleCounts());
        for (const functionId of FUNCTIONS) {
          expect(await countRunsByStatus({ functionId })).toEqual(await oracleCounts(functionId));
        }
        for (const status of RUN_DISPLAY_STATUSES) {
          const page = await listRuns({ status, limit: 100, now: new Date(T) });
          expect(page.runs.map((run) => run.id)).toEqual(await oracleIds(status));
        }
      }),
      { numRuns: 30 },
    );
  });

  it("starts from zero after the tables are truncated", async () => {
    await resetDatabase();
    await applyOps([{ kind: "insert", fn: 0, status: "COMPLETED", hasLeasedJob: false }]);
    expect((await countRunsByStatus({})).COMPLETED).toBe(1);
    await db.$executeRawUnsafe(`TRUNCATE "InngestRun"`);
    expect(await countRunsByStatus({})).toEqual(await oracleCounts());
    expect(await db.inngestRunCount.count()).toBe(0);
  });
});
