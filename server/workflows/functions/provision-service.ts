import "server-only";
import { NonRetriableError } from "inngest";
import { now } from "@/server/clock";
import { AppError } from "@/server/errors";
import { ensureServiceCreated } from "@/server/provisioning/ensure-service-created";
import { getProvisioningPlan } from "@/server/provisioning/get-provisioning-plan";
import { activateService } from "@/server/services/activate-service";
import { queueWelcomeMail } from "@/server/services/queue-welcome-mail";
import { startServiceProvisioning } from "@/server/services/start-service-provisioning";
import { getTaskOutcome } from "@/server/tasks/task-queries";
import { inngest } from "../client";
import { invoicePaid, taskClosed } from "../events";

/**
 * How long one wait for a closed setup task lasts before the task is re-checked in a step. waitForEvent has no
 * lookback (workflow-engine.md §3 rule 10): a task closed between the check and the wait is found by the re-check.
 */
const SETUP_TASK_WAIT = "1d";
/** Rounds of SETUP_TASK_WAIT before the run gives up (about three months); staff can retry it from the System Queue. */
const MAX_SETUP_TASK_WAITS = 90;

/**
 * Domain errors are permanent (a missing package, a package cancelled meanwhile, a module without a department):
 * retrying cannot fix them, so they fail the run at once instead of burning the retry budget.
 */
const failPermanentlyOnAppError = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
};

/**
 * Sets up the packages a paid invoice pays for (004 "service processing"): each PENDING package goes to
 * WORK_IN_PROGRESS and its processing module runs; with manual setup that opens a task for the product's
 * department and the run waits until staff close it. Then the package becomes ACTIVE with the details from the
 * module or the task, and the welcome e-mail is queued.
 *
 * Retry contract: every step is idempotent (conditional status moves, the task's unique purpose, the mail's dedupe
 * key), so retries and replays of `billing/invoice.paid` never open a second task or send a second e-mail.
 * A replay after the first run finished finds no PENDING package and does nothing.
 */
export const provisionService = inngest.createFunction(
  { id: "provision-service", name: "Provision paid packages", triggers: [invoicePaid], retries: 5 },
  async ({ event, step }) => {
    const { invoiceId } = event.data;
    const plan = await step.run("load-provisioning-plan", () => getProvisioningPlan({ invoiceId }));
    if (!plan) throw new NonRetriableError(`Invoice ${invoiceId} does not exist`);
    if (!plan.isPaid) throw new NonRetriableError(`Invoice ${invoiceId} is not paid; nothing is provisioned`);

    // Start every package first, so all setup tasks reach staff at once rather than one after another.
    const started = [];
    for (const serviceId of plan.serviceIds) {
      const progress = await step.run(`start-provisioning-${serviceId}`, () => startServiceProvisioning({ serviceId }));
      if (!progress?.shouldProvision) continue;
      const outcome = await step.run(`ensure-created-${serviceId}`, () =>
        failPermanentlyOnAppError(() => ensureServiceCreated({ serviceId })),
      );
      started.push({ serviceId, outcome });
    }

    const activated: string[] = [];
    for (const { serviceId, outcome } of started) {
      let details = outcome.kind === "DONE" ? outcome.details : null;
      if (outcome.kind === "TASK") {
        const { taskId } = outcome;
        for (let round = 0; ; round += 1) {
          const task = await step.run(`check-setup-task-${serviceId}-${round}`, () => getTaskOutcome({ taskId }));
          if (!task) throw new NonRetriableError(`Setup task ${taskId} of service ${serviceId} no longer exists`);
          if (task.isClosed) {
            details = task.result;
            break;
          }
          if (round >= MAX_SETUP_TASK_WAITS) {
            throw new NonRetriableError(`Setup task ${taskId} of service ${serviceId} is still open after ${MAX_SETUP_TASK_WAITS} waits`);
          }
          // Whether the event arrives or the wait times out, the next round re-checks the task itself.
          await step.waitForEvent(`wait-for-setup-task-${serviceId}-${round}`, {
            event: taskClosed,
            timeout: SETUP_TASK_WAIT,
            if: `async.data.taskId == '${taskId}'`,
          });
        }
      }
      const activation = await step.run(`activate-service-${serviceId}`, () =>
        failPermanentlyOnAppError(() => activateService({ serviceId, details, now: now() })),
      );
      await step.run(`queue-welcome-mail-${serviceId}`, () => queueWelcomeMail({ serviceId, now: now() }));
      // A concurrent replay may have activated it first; report only what this run did.
      if (activation.wasActivated) activated.push(serviceId);
    }
    return { invoiceId, activated };
  },
);
