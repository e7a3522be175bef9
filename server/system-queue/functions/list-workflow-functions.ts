import "server-only";
import { db, type DbClient } from "@/server/db";

export type TWorkflowFunctionOption = { id: string; name: string };

/**
 * The functions the app registered at its last sync, for the Function filter. Runs of a function that is
 * no longer served keep their functionId, so the list also includes ids that only appear on runs.
 */
export const listWorkflowFunctions = async (client: DbClient = db): Promise<TWorkflowFunctionOption[]> => {
  const [functions, runFunctionIds] = await Promise.all([
    client.inngestFunction.findMany({ select: { id: true, name: true } }),
    // NOTE: groupBy, not findMany({ distinct }): Prisma de-duplicates `distinct` in memory after reading every row.
    client.inngestRun.groupBy({ by: ["functionId"] }),
  ]);
  const known = new Set(functions.map((fn) => fn.id));
  const retired = runFunctionIds.filter(({ functionId }) => !known.has(functionId)).map(({ functionId }) => ({ id: functionId, name: functionId }));
  return [...functions, ...retired].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
};
