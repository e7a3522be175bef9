/**
 * Task purposes are business keys ("provision:<serviceId>"): the unique `purpose` column makes opening a task
 * idempotent. WARNING: existing tasks depend on these formats; a changed format would open a second task.
 */
const SETUP_PREFIX = "provision:";

/** The one setup task of a package. */
export const setupTaskPurpose = (serviceId: string) => `${SETUP_PREFIX}${serviceId}`;

/** Setup tasks hand their details (user name, server, notes) to the package when closed. */
export const isSetupTaskPurpose = (purpose: string) => purpose.startsWith(SETUP_PREFIX);

/** A repeatable operation on a package (suspend, unsuspend, terminate), keyed by what caused it. */
export const operationTaskPurpose = (operation: string, serviceId: string, operationKey: string) =>
  `${operation}:${serviceId}:${operationKey}`;
