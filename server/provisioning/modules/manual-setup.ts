import "server-only";
import { AppError } from "@/server/errors";
import { openTask } from "@/server/tasks/open-task";
import { operationTaskPurpose, setupTaskPurpose } from "@/server/tasks/task-purposes";
import type { ModuleTarget, OperationOutcome, ProcessingModule, RepeatableModuleTarget } from "../processing-module";

const requireDepartment = (target: ModuleTarget) => {
  if (!target.departmentId) {
    throw new AppError("MODULE_NOT_CONFIGURED", {
      message: `Product "${target.productName}" uses manual setup but has no department to give the task to`,
    });
  }
  return target.departmentId;
};

const taskOutcome = ({ id, status }: { id: string; status: string }): OperationOutcome => ({
  kind: "TASK",
  taskId: id,
  isClosed: status === "CLOSED",
});

const packageLabel = (target: ModuleTarget) => `${target.productName} package #${target.serviceNumber} of ${target.clientName}`;

const operationTask = async (operation: "suspend" | "unsuspend" | "terminate", verb: string, target: RepeatableModuleTarget) =>
  taskOutcome(
    await openTask({
      purpose: operationTaskPurpose(operation, target.serviceId, target.operationKey),
      departmentId: requireDepartment(target),
      serviceId: target.serviceId,
      title: `${verb} ${target.productName} for ${target.clientName}`,
      description: `${verb} the ${packageLabel(target)}. Reason: ${target.reason}. Close the task when it is done.`,
    }),
  );

/**
 * The manual setup module (004, "Manual setup"): there is no remote API, so every operation becomes a task for
 * the product's department. Staff take the task, do the work, and close it with the service details.
 * Idempotent through the task's unique purpose: the same operation returns the same task.
 */
export const manualSetupModule: ProcessingModule = {
  code: "MANUAL",
  ensureCreated: async (target) =>
    taskOutcome(
      await openTask({
        purpose: setupTaskPurpose(target.serviceId),
        departmentId: requireDepartment(target),
        serviceId: target.serviceId,
        title: `Set up ${target.productName} for ${target.clientName}`,
        description: `Set up the ${packageLabel(target)}, then close this task with the user name, server and any notes for the client. The package becomes Active and the welcome e-mail is sent.`,
      }),
    ),
  ensureSuspended: (target) => operationTask("suspend", "Suspend", target),
  ensureUnsuspended: (target) => operationTask("unsuspend", "Unsuspend", target),
  ensureTerminated: (target) => operationTask("terminate", "Terminate", target),
};
