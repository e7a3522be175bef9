import "server-only";
import { manualSetupModule } from "./modules/manual-setup";
import type { ProcessingModule, ProcessingModuleCode } from "./processing-module";

const MODULES: Record<ProcessingModuleCode, ProcessingModule> = {
  MANUAL: manualSetupModule,
};

/** The module a product's packages are processed with. */
export const getProcessingModule = (code: ProcessingModuleCode): ProcessingModule => MODULES[code];
