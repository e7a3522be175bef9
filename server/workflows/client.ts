import "server-only";
import { Inngest } from "inngest";
import { embeddedFetch } from "./embedded/fetch";
import { EMBEDDED_EVENT_KEY, EMBEDDED_ORIGIN, embeddedSigningKey, workflowEngine } from "./engine";

/**
 * Async checkpointing on the embedded engine (workflow-checkpointing.md §5.1): set explicitly, because the
 * SDK's default changed between v4 minors. `bufferedSteps: 1` keeps the at-least-once window at the step in
 * flight, as in classic mode; `maxRuntime` bounds how long one request keeps starting new steps. Whether a
 * call checkpoints is decided per call by the executor (`ctx.fn_id`/`ctx.qi_id`).
 */
export const EMBEDDED_CHECKPOINTING = { bufferedSteps: 1, maxRuntime: "10s" } as const;

/**
 * Client options for the embedded engine. The client stays in cloud mode so signatures are verified
 * (the route is publicly reachable), and every SDK call to "Inngest" goes through `embeddedFetch` (§5.2).
 * Tests build their own clients with these options.
 */
export const embeddedClientOptions = () => ({
  checkpointing: EMBEDDED_CHECKPOINTING,
  // NOTE: the SDK re-reads process.env on every request; without isDev:false an INNGEST_DEV set after boot
  // would switch it to dev mode, where unsigned calls are accepted (found by the contract tests).
  isDev: false,
  signingKey: embeddedSigningKey(),
  eventKey: EMBEDDED_EVENT_KEY,
  baseUrl: EMBEDDED_ORIGIN,
  fetch: embeddedFetch,
});

// NOTE: checkpointing stays off on the Inngest engine (the classic protocol, §4.12; turning it on there is a
// separate decision); the embedded options switch it on. In inngest mode the SDK reads INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and INNGEST_BASE_URL itself (§9.2).
export const inngest = new Inngest({
  id: "hostlane",
  checkpointing: false,
  ...(workflowEngine() === "embedded" ? embeddedClientOptions() : {}),
});
