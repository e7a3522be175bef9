import "server-only";
import type { InngestFunction } from "inngest";
import { provisionService } from "./functions/provision-service";
import { purgeWorkflowHistory } from "./functions/purge-workflow-history";

// Every workflow the app serves, one per file in ./functions (house-style.md).
export const functions: InngestFunction.Any[] = [provisionService, purgeWorkflowHistory];
