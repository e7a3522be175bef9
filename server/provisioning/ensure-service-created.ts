import "server-only";
import { clientDisplayName } from "@/lib/client-display-name";
import { db, type DbClient } from "@/server/db";
import { AppError } from "@/server/errors";
import { getProcessingModule } from "./get-processing-module";
import type { ModuleTarget } from "./processing-module";

export type EnsureServiceCreatedOptions = { serviceId: string };


/** Loads what the product's processing module needs to know about a package. */
export const loadModuleTarget = async (serviceId: string, client: DbClient = db) => {
  const service = await client.service.findUnique({
    where: { id: serviceId },
    select: {
      id: true, number: true,
      product: { select: { name: true, module: true, departmentId: true } },
      client: { select: { number: true, companyName: true, contacts: { where: { isPrimary: true }, take: 1, select: { firstName: true, lastName: true } } } },
    },
  });
  if (!service) throw new AppError("NOT_FOUND", { message: `Service ${serviceId} does not exist` });
  const target: ModuleTarget = {
    serviceId: service.id,
    serviceNumber: service.number,
    productName: service.product.name,
    clientName: clientDisplayName(service.client),
    departmentId: service.product.departmentId,
  };
  return { module: getProcessingModule(service.product.module), target };
};

/**
 * Runs the product's processing module to create the package remotely, or hands it to staff as a task
 * (manual setup). Ensure-style and safe to repeat: a retry adopts what the first attempt created.
 */
export const ensureServiceCreated = async ({ serviceId }: EnsureServiceCreatedOptions, client: DbClient = db) => {
  const { module, target } = await loadModuleTarget(serviceId, client);
  return module.ensureCreated(target);
};
