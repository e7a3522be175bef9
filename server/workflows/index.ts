import "server-only";
import type { InngestFunction } from "inngest";
import { deliverMailFunction } from "./functions/deliver-mail";
import { provisionService } from "./functions/provision-service";
import { purgeWorkflowHistory } from "./functions/purge-workflow-history";
import { reconcileProvisioning } from "./functions/reconcile-provisioning";
import { recheckVatNumberFunction } from "./functions/recheck-vat-number";
import { sweepMailOutbox } from "./functions/sweep-mail-outbox";

// Every workflow the app serves, one per file in ./functions (house-style.md).
export const functions: InngestFunction.Any[] = [provisionService, reconcileProvisioning, deliverMailFunction, sweepMailOutbox, purgeWorkflowHistory, recheckVatNumberFunction];
