// Environment, validated once. next.config imports this so a bad environment fails the build.
import { z } from "zod";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** PostgreSQL URL. Unset: the embedded PGlite database in PGLITE_DIR. */
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  /** embedded (default): the in-process executor; inngest: a real Inngest server (workflow-engine.md §9). */
  WORKFLOW_ENGINE: z.enum(["embedded", "inngest"]).default("embedded"),
  /** Set only in Playwright runs: mounts /api/test/* (clock and drain). Never in deployments. */
  E2E_HOOKS: z.enum(["0", "1"]).default("0"),
});

const parsed = ZEnv.safeParse(process.env);
if (!parsed.success) {
  console.error("Invalid environment:", z.prettifyError(parsed.error));
  throw new Error("Invalid environment variables");
}

export const env = parsed.data;
