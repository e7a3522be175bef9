import "server-only";
import { db, type DbClient } from "@/server/db";
import { Prisma } from "@/server/db/generated/client";

export type TWorkflowFunctionOption = { id: string; name: string };

/**
 * The functions the app registered at its last sync, for the Function filter. Runs of a function that is
 * no longer served keep their functionId, so the list also includes ids that only appear on runs.
 */
export const listWorkflowFunctions = async (client: DbClient = db): Promise<TWorkflowFunctionOption[]> => {
  const [functions, runFunctionIds] = await Promise.all([
    client.inngestFunction.findMany({ select: { id: true, name: true } }),
    // NOTE: a loose index scan (one index probe per distinct function) rather than GROUP BY, which would read
    // every run: there can be millions of runs but only a few dozen functions.
    client.$queryRaw<{ functionId: string }[]>(Prisma.sql`
      WITH RECURSIVE f AS (
        SELECT MIN("functionId") AS "functionId" FROM "InngestRun"
        UNION ALL
        SELECT (SELECT MIN(r."functionId") FROM "InngestRun" r WHERE r."functionId" > f."functionId") FROM f WHERE f."functionId" IS NOT NULL
      )
      SELECT "functionId" FROM f WHERE "functionId" IS NOT NULL`),
  ]);
  const known = new Set(functions.map((fn) => fn.id));
  const retired = runFunctionIds.filter(({ functionId }) => !known.has(functionId)).map(({ functionId }) => ({ id: functionId, name: functionId }));
  return [...functions, ...retired].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
};
