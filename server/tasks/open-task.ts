import "server-only";
import { db, type DbClient } from "@/server/db";

export type OpenTaskOptions = {
  /** Business key, e.g. "provision:<serviceId>". WARNING: existing rows depend on the key formats in use. */
  purpose: string;
  departmentId: string;
  title: string;
  description?: string;
  serviceId?: string;
};

/**
 * Opens a task for a department, or returns the task already opened for the same purpose, whatever its status,
 * so a retried workflow step never creates a second one. Returns the task's id and status.
 */
export const openTask = async ({ purpose, departmentId, title, description = "", serviceId }: OpenTaskOptions, client: DbClient = db) => {
  // NOTE: createMany + skipDuplicates claims the unique purpose without raising P2002, which would abort an
  // enclosing transaction; a concurrent second caller inserts nothing and reads the winner's row.
  await client.task.createMany({ data: [{ purpose, departmentId, title, description, serviceId }], skipDuplicates: true });
  return client.task.findUniqueOrThrow({ where: { purpose }, select: { id: true, status: true } });
};
