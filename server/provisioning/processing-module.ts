import type { ServiceDetails } from "@/server/services/activate-service";

/** Mirrors the Prisma `ProcessingModule` enum; one value per integration (product.md §7). */
export type ProcessingModuleCode = "MANUAL";

/** The package an operation works on, with what a module needs to name things remotely or for staff. */
export type ModuleTarget = {
  serviceId: string;
  serviceNumber: number;
  productName: string;
  clientName: string;
  /** The department that receives staff tasks for this product (manual setup, or an operation that gave up). */
  departmentId: string | null;
};

/** A repeatable operation (suspend, unsuspend, terminate) needs its own business key, e.g. the overdue invoice id. */
export type RepeatableModuleTarget = ModuleTarget & { operationKey: string; reason: string };

/**
 * What an operation achieved:
 * - DONE: the remote side is in the wanted state now (automatic modules); `remoteId` is stored right away.
 * - TASK: a staff task does the work; the caller waits for `tasks/task.closed` and reads the task's result.
 */
export type OperationOutcome =
  | { kind: "DONE"; remoteId: string | null; details: ServiceDetails | null }
  | { kind: "TASK"; taskId: string; isClosed: boolean };

/**
 * One integration with a control panel, registrar, vendor or upstream billing (004: "processing module").
 * Every operation is ensure-style: it looks before it acts and adopts what already exists, so a retried
 * workflow step never creates a second account, task or remote object (integrations.md §9.3).
 */
export type ProcessingModule = {
  code: ProcessingModuleCode;
  /** Create the service remotely, or adopt the one that already exists. */
  ensureCreated: (target: ModuleTarget) => Promise<OperationOutcome>;
  /** Suspend it if it is active; a suspended service stays as it is. Suspension never deletes anything. */
  ensureSuspended: (target: RepeatableModuleTarget) => Promise<OperationOutcome>;
  /** Reactivate it if it is suspended. */
  ensureUnsuspended: (target: RepeatableModuleTarget) => Promise<OperationOutcome>;
  /** Remove it remotely if it still exists. */
  ensureTerminated: (target: RepeatableModuleTarget) => Promise<OperationOutcome>;
};
