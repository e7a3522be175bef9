import "server-only";
import { writeAuditEntry } from "@/server/audit/write-audit-entry";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { addBillingCycle } from "./add-billing-cycle";

/** What the processing module or the staff member who set the package up reports about it. */
export type ServiceDetails = { username: string; server: string; notes: string };

export type ActivateServiceOptions = { serviceId: string; details: ServiceDetails | null; now: Date };

/**
 * Makes a package that is being set up ACTIVE: stores its service details, stamps `activatedAt` and sets the
 * next due date one billing cycle after activation (null for one-time and free cycles).
 * Idempotent: on a package that is already ACTIVE it changes nothing, so a retried workflow step is safe.
 * Any other status is an INVALID_STATE_TRANSITION (e.g. the package was cancelled while staff worked on it).
 */
export const activateService = async ({ serviceId, details, now }: ActivateServiceOptions, client: DbClient = db) => {
  const service = await client.service.findUnique({ where: { id: serviceId }, select: { status: true, cycle: true, activatedAt: true, nextDueAt: true } });
  if (!service) throw new AppError("NOT_FOUND", { message: `Service ${serviceId} does not exist` });
  if (service.status === "ACTIVE") {
    return { serviceId, status: "ACTIVE" as const, wasActivated: false, nextDueAt: service.nextDueAt?.toISOString() ?? null };
  }
  const nextDueAt = addBillingCycle(now, service.cycle);
  const { count } = await client.service.updateMany({
    where: { id: serviceId, status: "WORK_IN_PROGRESS" },
    data: {
      status: "ACTIVE",
      activatedAt: now,
      nextDueAt,
      ...(details ? { username: details.username || null, server: details.server || null, notes: details.notes || null } : {}),
    },
  });
  if (count !== 1) {
    const current = await client.service.findUnique({ where: { id: serviceId }, select: { status: true } });
    if (current?.status === "ACTIVE") {
      return { serviceId, status: "ACTIVE" as const, wasActivated: false, nextDueAt: nextDueAt?.toISOString() ?? null };
    }
    throw new AppError("INVALID_STATE_TRANSITION", {
      message: `Service ${serviceId} is ${current?.status ?? "missing"}; only a package in progress can be activated`,
    });
  }
  await writeAuditEntry(
    {
      // NOTE: provisioning activates packages from its workflow; the staff member who closed the setup task has
      // their own "task.closed" entry.
      actor: { kind: "system", name: "provisioning" },
      action: "service.activated",
      entity: { type: "Service", id: serviceId },
      before: { status: service.status, activatedAt: service.activatedAt, nextDueAt: service.nextDueAt },
      after: { status: "ACTIVE", activatedAt: now, nextDueAt, ...(details ?? {}) },
    },
    client,
  );
  return { serviceId, status: "ACTIVE" as const, wasActivated: true, nextDueAt: nextDueAt?.toISOString() ?? null };
};
