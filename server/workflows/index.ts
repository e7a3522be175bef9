import "server-only";
import type { InngestFunction } from "inngest";

// Every workflow the app serves, one per file in ./functions (house-style.md).
export const functions: InngestFunction.Any[] = [];
