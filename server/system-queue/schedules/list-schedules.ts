import "server-only";
import { db, type DbClient } from "@/server/db";

export type TQueueSchedule = { functionId: string; functionName: string | null; expr: string; nextAt: Date };

/** Cron triggers and when each fires next, soonest first. */
export const listSchedules = async (client: DbClient = db): Promise<TQueueSchedule[]> => {
  const crons = await client.inngestCron.findMany({ orderBy: [{ nextAt: "asc" }, { functionId: "asc" }], select: { functionId: true, expr: true, nextAt: true } });
  const functions = await client.inngestFunction.findMany({
    where: { id: { in: [...new Set(crons.map((cron) => cron.functionId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(functions.map((fn) => [fn.id, fn.name]));
  return crons.map((cron) => ({ ...cron, functionName: nameOf.get(cron.functionId) ?? null }));
};
