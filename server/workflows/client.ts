import "server-only";
import { Inngest } from "inngest";
import { embeddedFetch } from "./embedded/fetch";
import { EMBEDDED_EVENT_KEY, EMBEDDED_ORIGIN, embeddedSigningKey, workflowEngine } from "./engine";

/**
 * Client options for the embedded engine. The client stays in cloud mode so signatures are verified
 * (the route is publicly reachable), and every SDK call to "Inngest" goes through `embeddedFetch` (§5.2).
 * Tests build their own clients with these options.
 */
export const embeddedClientOptions = () => ({
  // NOTE: the SDK re-reads process.env on every request; without isDev:false an INNGEST_DEV set after boot
  // would switch it to dev mode, where unsigned calls are accepted (found by the contract tests).
  isDev: false,
  signingKey: embeddedSigningKey(),
  eventKey: EMBEDDED_EVENT_KEY,
  baseUrl: EMBEDDED_ORIGIN,
  fetch: embeddedFetch,
});

// NOTE: checkpointing is off on both engines: the classic one-step-per-request protocol (§4.12).
// In inngest mode the SDK reads INNGEST_SIGNING_KEY, INNGEST_EVENT_KEY and INNGEST_BASE_URL itself (§9.2).
export const inngest = new Inngest({
  id: "hostlane",
  checkpointing: false,
  ...(workflowEngine() === "embedded" ? embeddedClientOptions() : {}),
});
