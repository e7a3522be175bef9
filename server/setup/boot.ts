import "server-only";
import { workflowEngine } from "@/server/workflows/engine";
import { ensureAuthSecret } from "./ensure-auth-secret";
import { installGracefulShutdown } from "./graceful-shutdown";
import { migrateDatabase } from "./migrate-database";
import { seedDemo } from "./seed-demo";

type BootGlobals = { hostlaneBoot?: Promise<void> };
const globals = globalThis as BootGlobals;

const boot = async () => {
  installGracefulShutdown();
  const applied = await migrateDatabase();
  if (applied.length) {
    console.log(`[hostlane] applied migrations: ${applied.join(", ")}`);
  }
  await ensureAuthSecret();
  const admin = await seedDemo();
  if (admin) {
    console.log(
      [
        "",
        "  Demo data created. Staff administrator (shown once, change it after signing in):",
        `    e-mail:   ${admin.email}`,
        `    password: ${admin.password}`,
        "    sign in:  /admin/login",
        "",
      ].join("\n"),
    );
  }
  if (workflowEngine() === "embedded") {
    const { startEmbeddedExecutor } = await import("@/server/workflows/embedded/boot");
    await startEmbeddedExecutor();
  } else {
    // Events use cases wrote to the outbox (in their transactions) are sent from here, after each commit.
    const { startOutboxRelay } = await import("@/server/workflows/outbox/start-outbox-relay");
    startOutboxRelay();
  }
};

/** Migrates, seeds and starts the workflow engine once per process (hot reload and several bundles included). */
export const bootApplication = () =>
  (globals.hostlaneBoot ??= boot().catch((error: unknown) => {
    // NOTE: another process owns the embedded database: stop at once instead of serving 500s beside it. By name:
    // Next may bundle the lock module more than once.
    if (error instanceof Error && error.name === "PgliteLockedError") {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }));
