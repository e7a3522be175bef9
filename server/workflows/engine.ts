import "server-only";
import { randomBytes } from "node:crypto";

/** embedded (default): the in-process executor; inngest: a real Inngest server (workflow-engine.md §1, §9). */
export type WorkflowEngine = "embedded" | "inngest";

/**
 * WORKFLOW_ENGINE decides when set. Otherwise configuring an Inngest server's keys (INNGEST_EVENT_KEY and
 * INNGEST_SIGNING_KEY) selects it, and a machine with neither runs the embedded executor: switching is
 * configuration only, the function code is the same.
 */
export const workflowEngine = (environment: NodeJS.ProcessEnv = process.env): WorkflowEngine => {
  if (environment.WORKFLOW_ENGINE === "inngest" || environment.WORKFLOW_ENGINE === "embedded") {
    return environment.WORKFLOW_ENGINE;
  }
  return environment.INNGEST_EVENT_KEY && environment.INNGEST_SIGNING_KEY ? "inngest" : "embedded";
};

/**
 * Non-routable origin used as the client's `baseUrl` in embedded mode: every SDK call to "Inngest" lands in
 * `embeddedFetch` and can never leak to inn.gs or api.inngest.com (§5.2).
 */
export const EMBEDDED_ORIGIN = "http://inngest.embedded.invalid";

/** The event key the embedded client sends with; `embeddedFetch` refuses any other. */
export const EMBEDDED_EVENT_KEY = "local";

/** The URL functions register with in-band sync; the host is irrelevant for in-process calls (§5.3). */
export const EMBEDDED_SERVE_URL = "http://hostlane.embedded.invalid/api/inngest";

type KeyGlobals = { hostlaneEmbeddedSigningKey?: string };
const globals = globalThis as KeyGlobals;

/**
 * The key the embedded executor signs with and the SDK verifies with. From INNGEST_SIGNING_KEY when set;
 * otherwise generated once per process and kept on globalThis, because the route bundle and
 * instrumentation.ts load separate module instances but must agree on it (§5.2, §8 risk 10).
 */
export const embeddedSigningKey = () =>
  process.env.INNGEST_SIGNING_KEY ||
  (globals.hostlaneEmbeddedSigningKey ??= `signkey-local-${randomBytes(32).toString("hex")}`);
