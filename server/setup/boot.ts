import "server-only";
import { workflowEngine } from "@/server/workflows/engine";
import { ensureAuthSecret } from "./ensure-auth-secret";
import { migrateDatabase } from "./migrate-database";
import { seedDemo } from "./seed-demo";

type BootGlobals = { hostlaneBoot?: Promise<void> };
const globals = globalThis as BootGlobals;

const boot = async () => {
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
export const bootApplication = () => (globals.hostlaneBoot ??= boot());
