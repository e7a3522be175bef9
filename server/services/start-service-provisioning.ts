import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db, type DbClient } from "@/server/db";
import { inTransaction } from "@/server/workflows/embedded/sql";

export type StartServiceProvisioningOptions = { serviceId: string };

/**
 * Moves a paid PENDING package to WORK_IN_PROGRESS ("in progress" in 004: a processing module or a staff task is
 * setting it up). Idempotent: a package already in progress stays so and says it should still be provisioned;
 * any other status (already ACTIVE, cancelled meanwhile, …) is reported and left alone.
 * Returns null when the package does not exist.
 */
export const startServiceProvisioning = async ({ serviceId }: StartServiceProvisioningOptions, client: DbClient = db) =>
  inTransaction(client, async (tx) => {
    const { count } = await tx.service.updateMany({ where: { id: serviceId, status: "PENDING" }, data: { status: "WORK_IN_PROGRESS" } });
    if (count === 1) {
      await writeAuditEntry(
        {
          actor: { kind: "system", name: "provisioning" },
          action: "service.provisioning-started",
          entity: { type: "Service", id: serviceId },
          before: { status: "PENDING" },
          after: { status: "WORK_IN_PROGRESS" },
        },
        tx,
      );
    }
    const service = await tx.service.findUnique({ where: { id: serviceId }, select: { status: true } });
    if (!service) return null;
    return { status: service.status, shouldProvision: service.status === "WORK_IN_PROGRESS" };
  });
