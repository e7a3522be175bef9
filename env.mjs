// Environment, validated once. next.config imports this so a bad environment fails the build.
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL URL. Unset: the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** embedded or inngest; unset: inngest when an Inngest server's keys are set (server/workflows/engine.ts). */
  WORKFLOW_ENGINE: z.enum(["embedded", "inngest"]).optional(),
  /** Set only in Playwright runs: mounts /api/test/* (clock and drain). Never in deployments. */
  E2E_HOOKS: z.enum(["0", "1"]).default("0"),
});

const parsed = ZEnv.safeParse(process.env);
if (!parsed.success) {
  console.error("Invalid environment:", z.prettifyError(parsed.error));
  throw new Error("Invalid environment variables");
}

export const env = parsed.data;
