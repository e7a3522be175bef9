import "server-only";
import { ensureBuiltInRoles } from "@/server/staff/ensure-built-in-roles";
import { serveCachedStorefrontPages } from "@/server/storefront/serve-cached-pages";
import { workflowEngine } from "@/server/workflows/engine";
import { ensureAuthSecret } from "./ensure-auth-secret";
import { ensureEncryptionKey } from "./ensure-encryption-key";
import { installGracefulShutdown } from "./graceful-shutdown";
import { migrateDatabase } from "./migrate-database";
import { ConfigurationError, describeMissingSecrets, missingProductionSecrets } from "./required-secrets.mjs";
import { seedDemo } from "./seed-demo";

type BootGlobals = { hostlaneBoot?: Promise<void> };
const globals = globalThis as BootGlobals;

const boot = async () => {
  installGracefulShutdown();
  // The production server answers the cached storefront pages from their stored responses (README "Storefront
  // caching"); `next dev` renders them on every request anyway.
  if (process.env.NODE_ENV === "production" && !serveCachedStorefrontPages()) {
    console.warn("[hostlane] not exactly one listening HTTP server: Next answers every storefront page request itself");
  }
  // Before the database: a production start without its secrets stops here, having changed nothing.
  const missing = missingProductionSecrets(process.env);
  if (missing.length) throw new ConfigurationError(describeMissingSecrets(missing));
  ensureEncryptionKey();
  const applied = await migrateDatabase();
  if (applied.length) {
    console.log(`[hostlane] applied migrations: ${applied.join(", ")}`);
  }
  await ensureAuthSecret();
  await ensureBuiltInRoles();
  const admin = await seedDemo();
  if (admin) {
    console.log(
      [
        "",
        "  Demo data created. Staff administrator (shown once, change it after signing in):",
        `    e-mail:   ${admin.email}`,
        // NOTE: a password the operator chose (HOSTLANE_ADMIN_PASSWORD) is never echoed into the logs.
        `    password: ${admin.password === process.env.HOSTLANE_ADMIN_PASSWORD ? "the one in HOSTLANE_ADMIN_PASSWORD" : admin.password}`,
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
    // ConfigurationError: a missing or bad secret (server/setup/required-secrets.mjs); the message says what to set.
    if (error instanceof Error && (error.name === "PgliteLockedError" || error.name === "ConfigurationError")) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }));
