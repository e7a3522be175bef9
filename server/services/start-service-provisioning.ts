import "server-only";
import { db, type DbClient } from "@/server/db";

export type StartServiceProvisioningOptions = { serviceId: string };

/**
 * Moves a paid PENDING package to WORK_IN_PROGRESS ("in progress" in 004: a processing module or a staff task is
 * setting it up). Idempotent: a package already in progress stays so and says it should still be provisioned;
 * any other status (already ACTIVE, cancelled meanwhile, …) is reported and left alone.
 * Returns null when the package does not exist.
 */
export const startServiceProvisioning = async ({ serviceId }: StartServiceProvisioningOptions, client: DbClient = db) => {
  await client.service.updateMany({ where: { id: serviceId, status: "PENDING" }, data: { status: "WORK_IN_PROGRESS" } });
  const service = await client.service.findUnique({ where: { id: serviceId }, select: { status: true } });
  if (!service) return null;
  return { status: service.status, shouldProvision: service.status === "WORK_IN_PROGRESS" };
};
