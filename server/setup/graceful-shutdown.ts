import "server-only";
import { closePglite, db, isEmbeddedDatabase } from "@/server/db";
import { workflowEngine } from "@/server/workflows/engine";

type ShutdownGlobals = { hostlaneShutdownInstalled?: boolean };
const globals = globalThis as ShutdownGlobals;

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
type ShutdownSignal = (typeof SIGNALS)[number];
type SignalListener = (signal: ShutdownSignal) => void;

/** How long each phase may take before it is abandoned (steps then re-run after their lease: at least once). */
const PHASE_TIMEOUT_MS = 15_000;

/** Waits for one phase, at most PHASE_TIMEOUT_MS; a phase still running then is abandoned (logged, not an error). */
const within = async (label: string, work: Promise<unknown>) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`[hostlane] shutdown: ${label} took longer than ${PHASE_TIMEOUT_MS / 1000} s; abandoned`);
      resolve();
    }, PHASE_TIMEOUT_MS);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Runs the framework's own listeners: `next start` (next/dist/server/lib/start-server.js) stops accepting
 * connections, lets pending requests finish, closes its server and then calls process.exit(128 + signal).
 * That exit is held back here until our own clean-up is done; it only resolves this promise.
 */
const closeHttpServer = (signal: ShutdownSignal, listeners: SignalListener[]) =>
  new Promise<void>((resolve) => {
    if (!listeners.length) return resolve();
    const exit = process.exit;
    process.exit = (() => {
      process.exit = exit;
      resolve();
    }) as typeof process.exit;
    for (const listener of listeners) listener(signal);
  });

const stopWorkflowExecutor = async () => {
  if (workflowEngine() !== "embedded") {
    // Undelivered outbox rows stay in the database for the next instance's relay.
    const { stopOutboxRelay } = await import("@/server/workflows/outbox/start-outbox-relay");
    await stopOutboxRelay();
    return;
  }
  const { getEmbeddedExecutor } = await import("@/server/workflows/embedded/boot");
  // NOTE: stop() ends the worker loop and waits for the steps in flight; a step cut off by the timeout is run
  // again after its lease expires, which every step already allows (README, "Steps run at least once").
  await (await getEmbeddedExecutor().catch(() => undefined))?.stop();
};

const shutdown = async (signal: ShutdownSignal, frameworkListeners: SignalListener[]) => {
  console.log(`[hostlane] ${signal}: shutting down (finishing requests and workflow steps, then closing the database)`);
  // NOTE: the real exit, taken before closeHttpServer borrows it (it stays borrowed if Next never calls it).
  const exit = process.exit;
  let isClean = true;
  const failed = (label: string) => (error: unknown) => {
    isClean = false;
    console.error(`[hostlane] shutdown: ${label} failed:`, error);
  };
  await Promise.all([
    within("finishing HTTP requests", closeHttpServer(signal, frameworkListeners)),
    within("stopping the workflow executor", stopWorkflowExecutor().catch(failed("stopping the workflow executor"))),
  ]);
  // The database goes last: both phases above still write to it. A close that hangs is a failure, not abandoned.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    isEmbeddedDatabase() ? closePglite() : db.$disconnect(),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no close within ${PHASE_TIMEOUT_MS / 1000} s`)), PHASE_TIMEOUT_MS))),
  ]).catch(failed("closing the database"));
  clearTimeout(timer);
  console.log(isClean ? "[hostlane] shut down cleanly" : "[hostlane] shut down with errors");
  exit.call(process, isClean ? 0 : 1);
};

/**
 * Makes SIGTERM/SIGINT shut the server down cleanly and exit 0: requests and workflow steps in flight finish,
 * the worker loop stops, and the embedded database is closed (its files consistent) and unlocked. Installed
 * from instrumentation (boot), after `next start` registered its own listeners, which are taken over and run
 * as the first phase.
 */
export const installGracefulShutdown = () => {
  if (globals.hostlaneShutdownInstalled) return;
  globals.hostlaneShutdownInstalled = true;
  let shutdownStarted = false;
  for (const signal of SIGNALS) {
    const frameworkListeners = process.listeners(signal) as SignalListener[];
    process.removeAllListeners(signal);
    // NOTE: on, not once: Ctrl+C in a terminal signals the whole process group (npm start and this process), and
    // a second signal with no listener left would kill the process mid-shutdown.
    process.on(signal, () => {
      if (shutdownStarted) return;
      shutdownStarted = true;
      void shutdown(signal, frameworkListeners);
    });
  }
};
