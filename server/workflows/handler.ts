import "server-only";
import { serve } from "inngest/next";
import { inngest } from "./client";
import { functions } from "./index";

/** The one serve() handler, shared by the route and the embedded executor (§5.2). */
export const handler = serve({ client: inngest, functions });
