import "server-only";
import type { DbClient } from "@/server/db";

type Filter = { functionId?: string; status?: string; eventName?: string };

const unwrap = (memo: unknown) => (memo && typeof memo === "object" && "v" in memo ? (memo as { v: unknown }).v : undefined);

/** Read-only views of the executor tables for tests and the System Queue (§5.13, §6). */
export const inspectors = (db: DbClient) => {
  const prisma = db as unknown as import("@/server/db/generated/client").PrismaClient;
  const run = async (id: string) => {
    const row = await prisma.inngestRun.findUnique({ where: { id } });
    if (!row) return undefined;
    const steps = await prisma.inngestStep.findMany({ where: { runId: id } });
    const stack = row.stack as string[];
    const order = (hash: string) => {
      const index = stack.indexOf(hash);
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return {
      ...row,
      stack,
      steps: steps
        .sort((a, b) => order(a.hashedId) - order(b.hashedId))
        .map((step) => ({ ...step, isPending: step.memo === null, result: unwrap(step.memo) })),
    };
  };
  return {
    runs: (filter: Filter = {}) =>
      prisma.inngestRun.findMany({
        where: { functionId: filter.functionId, status: filter.status, eventName: filter.eventName },
        orderBy: { id: "asc" },
      }),
    run,
    pauses: (runId?: string) => prisma.inngestPause.findMany({ where: runId ? { runId } : {}, orderBy: { id: "asc" } }),
    jobs: (runId?: string) => prisma.inngestJob.findMany({ where: runId ? { runId } : {}, orderBy: { runAt: "asc" } }),
    events: (name?: string) => prisma.inngestEvent.findMany({ where: name ? { name } : {}, orderBy: { id: "asc" } }),
  };
};
