import "server-only";
import { shiftSystemClock, systemClock } from "@/server/clock";
import { db } from "@/server/db";
import { createEmbeddedExecutor, type ControllableClock, type EmbeddedExecutor } from "./executor";
import type { ServeHandler } from "./protocol";

type BootGlobals = { hostlaneEmbeddedExecutor?: Promise<EmbeddedExecutor> };
// NOTE: on globalThis: dev hot reload and Next's separate bundles must never start a second executor.
const globals = globalThis as BootGlobals;

/**
 * The app clock as a controllable clock: `set` shifts the E2E offset, so the app, the executor and
 * POST /api/test/clock move together. Signatures still use Date.now() (protocol.ts).
 */
export const appClock: ControllableClock = {
  now: () => systemClock.now(),
  set: (ms: number) => shiftSystemClock(ms - systemClock.now()),
};

/** Refuses configurations under which the embedded engine would be unsafe or could not sync (§5.2, §4.2). */
export const assertEmbeddedEnvironment = () => {
  const dev = process.env.INNGEST_DEV?.trim().toLowerCase();
  // NOTE: the SDK treats "0"/"false" as not dev; anything else (true, 1, a URL) switches signature checks off.
  if (dev && dev !== "0" && dev !== "false") {
    throw new Error(
      "INNGEST_DEV is set, which puts the SDK in dev mode and turns off signature checks on /api/inngest. " +
        "The embedded workflow executor refuses to start: unset INNGEST_DEV, or use WORKFLOW_ENGINE=inngest with `inngest dev`.",
    );
  }
  const allow = process.env.INNGEST_ALLOW_IN_BAND_SYNC?.trim().toLowerCase();
  if (allow === "false" || allow === "0") {
    throw new Error("INNGEST_ALLOW_IN_BAND_SYNC=false disables in-band sync, which the embedded workflow executor needs. Unset it, or use WORKFLOW_ENGINE=inngest.");
  }
};

/**
 * Starts the embedded executor once per process (instrumentation.ts, §5.5): checks the environment, syncs
 * the app's functions (throwing one error listing every unsupported option) and starts the lease-holding
 * worker loop. Later calls return the same executor.
 */
export const startEmbeddedExecutor = () =>
  (globals.hostlaneEmbeddedExecutor ??= (async () => {
    assertEmbeddedEnvironment();
    const [{ handler }, { inngest }] = await Promise.all([import("../handler"), import("../client")]);
    if (inngest.mode !== "cloud") throw new Error(`The embedded workflow executor needs the Inngest client in cloud mode (signatures checked); it is in ${inngest.mode} mode.`);
    const executor = await createEmbeddedExecutor({ db, handler: handler as unknown as ServeHandler, clock: appClock, autoStart: false });
    await executor.sync();
    await executor.start();
    return executor;
  })().catch((error) => {
    globals.hostlaneEmbeddedExecutor = undefined;
    throw error;
  }));

/** The running executor of this process, or undefined before startEmbeddedExecutor(). */
export const getEmbeddedExecutor = async () => globals.hostlaneEmbeddedExecutor;
