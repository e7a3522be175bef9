import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { vi } from "vitest";
import type { TPrincipal } from "@/server/auth/principal";
import { db } from "@/server/db";
import { ADMINISTRATOR_ROLE_ID } from "@/server/staff/built-in-roles";
import { ensureBuiltInRoles } from "@/server/staff/ensure-built-in-roles";
import { embeddedClientOptions } from "@/server/workflows/client";
import { createEmbeddedExecutor } from "@/server/workflows/embedded/executor";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { fakeDateClock, noJitter } from "@/server/workflows/embedded/testing";

// Test-only workflows run by the real embedded executor (workflow-engine.md §6), under their own app id so
// they never collide with the app's functions. Their shapes cover every display status the System Queue
// derives: completed, failed, sleeping, waiting for an event, retrying, and (before a drain) queued.

export const T0 = new Date("2026-03-01T09:00:00Z");

const noop = () => {};
// NOTE: the SDK logs every step error; these tests provoke them on purpose.
const silentLogger = { info: noop, warn: noop, error: noop, debug: noop };

export const sqInngest = new Inngest({ id: "sqt", logger: silentLogger, ...embeddedClientOptions() });

export const EVENTS = {
  complete: "sq-test/provision.requested",
  fail: "sq-test/charge.requested",
  sleep: "sq-test/reminder.requested",
  wait: "sq-test/payment.expected",
  paid: "sq-test/payment.received",
  flaky: "sq-test/sync.requested",
} as const;

export const FUNCTION_IDS = {
  complete: "sqt-sq-provision",
  fail: "sqt-sq-charge",
  sleep: "sqt-sq-reminder",
  wait: "sqt-sq-await-payment",
  flaky: "sqt-sq-flaky-sync",
  cron: "sqt-sq-nightly",
} as const;

const provision = sqInngest.createFunction(
  { id: "sq-provision", name: "Provision service", retries: 0, triggers: [{ event: EVENTS.complete }] },
  async ({ event, step }) => {
    const plan = await step.run("load-provisioning-plan", () => ({ serviceId: (event.data as { serviceId: string }).serviceId }));
    const { remoteId } = await step.run("ensure-remote-account", () => ({ remoteId: `remote-${plan.serviceId}` }));
    return { serviceId: plan.serviceId, remoteId };
  },
);

const charge = sqInngest.createFunction(
  { id: "sq-charge", name: "Charge card", retries: 3, triggers: [{ event: EVENTS.fail }] },
  async ({ step }) => {
    await step.run("load-invoice", () => ({ invoiceId: "inv_1" }));
    await step.run("charge-card", () => {
      throw new NonRetriableError("Card declined: do not honor");
    });
  },
);

const reminder = sqInngest.createFunction(
  { id: "sq-reminder", name: "Payment reminder", retries: 0, triggers: [{ event: EVENTS.sleep }] },
  async ({ step }) => {
    await step.run("find-open-invoice", () => ({ invoiceId: "inv_2" }));
    await step.sleep("wait-before-reminder", "3d");
    return step.run("send-reminder", () => ({ sent: true }));
  },
);

const awaitPayment = sqInngest.createFunction(
  { id: "sq-await-payment", name: "Await payment", retries: 0, triggers: [{ event: EVENTS.wait }] },
  async ({ step }) => {
    const payment = await step.waitForEvent("wait-for-payment", { event: EVENTS.paid, timeout: "7d" });
    return { isPaid: payment !== null };
  },
);

/** Fails its step until `flakyFailuresLeft` reaches zero, so it sits in a retry backoff. */
export const flaky = { failuresLeft: 0 };
const flakySync = sqInngest.createFunction(
  { id: "sq-flaky-sync", name: "Reseller sync", retries: 4, triggers: [{ event: EVENTS.flaky }] },
  async ({ step }) =>
    step.run("call-upstream", () => {
      if (flaky.failuresLeft > 0) {
        flaky.failuresLeft -= 1;
        throw new Error("Upstream answered 503");
      }
      return { synced: 3 };
    }),
);

const nightly = sqInngest.createFunction(
  { id: "sq-nightly", name: "Nightly renewals", retries: 0, triggers: [{ cron: "0 3 * * *" }] },
  async () => ({ fannedOut: 0 }),
);

export const testFunctions = [provision, charge, reminder, awaitPayment, flakySync, nightly];

/** Empties every table; the cast keeps Prisma's raw decoder away from PostgreSQL's `name` type. */
const resetTables = async () => {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map(({ tablename }) => `"${tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
};

/** A fresh database, Date faked at T0 (only Date, so drivers and timers keep working), functions synced. */
export const startWorld = async () => {
  await resetTables();
  // STAFF is a real Administrator: permissions are read from the database.
  await ensureBuiltInRoles();
  await db.staff.create({ data: { id: STAFF_ID, email: "ada@hostlane.test", name: "Ada Admin", roles: { connect: [{ id: ADMINISTRATOR_ROLE_ID }] } } });
  flaky.failuresLeft = 0;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  const executor = await createEmbeddedExecutor({
    db,
    handler: serve({ client: sqInngest, functions: testFunctions }) as unknown as ServeHandler,
    clock: fakeDateClock(vi),
    autoStart: false,
    crons: false,
    random: noJitter,
  });
  await executor.sync();
  return executor;
};

/** Sends one event through the embedded Event API and returns the id of the run it started. */
export const startRun = async (name: string, data: Record<string, unknown> = {}) => {
  const { ids } = await sqInngest.send({ name, data });
  const run = await db.inngestRun.findFirst({ where: { event: { path: ["id"], equals: ids[0] } }, select: { id: true } });
  if (!run) throw new Error(`no run was started by ${name}`);
  return run.id;
};

const STAFF_ID = "staff_1";
export const STAFF: TPrincipal = { kind: "staff", staffId: STAFF_ID, name: "Ada Admin" };
export const CLIENT: TPrincipal = { kind: "client", contactId: "contact_1", clientId: "client_1", name: "Carl Client" };
