import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/next";
import { vi } from "vitest";
import { db } from "@/server/db";
import { embeddedClientOptions } from "@/server/workflows/client";
import { createEmbeddedExecutor, type ExecutorOptions } from "@/server/workflows/embedded/executor";
import type { ServeHandler } from "@/server/workflows/embedded/protocol";
import { fakeDateClock, noJitter } from "@/server/workflows/embedded/testing";

/**
 * A test-only client: same embedded options as the app's (checkpointing included), its own app id, so tests
 * never touch the app's functions.
 */
// NOTE: a silent logger: the SDK logs every thrown step error, and the tests throw on purpose.
const quiet = () => undefined;
export const testInngest = new Inngest({
  id: "wft",
  ...embeddedClientOptions(),
  logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
});

export const T0 = new Date("2026-01-01T00:00:00Z");

/** Empties the executor's tables (the only ones these tests write); `::text` keeps Prisma's decoder off the `name` type. */
export const resetTables = async () => {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    `SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'Inngest%'`,
  );
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map(({ tablename }) => `"${tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
};

/** Fresh database, Date faked at T0 (only Date: drivers and timers keep working). */
export const resetWorld = async () => {
  await resetTables();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
};

export const serveFunctions = (functions: InngestFunction.Any[]) =>
  serve({ client: testInngest, functions }) as unknown as ServeHandler;

/** An executor over test functions, driven explicitly (no loop, no crons) on the faked Date. */
export const startExecutor = async (functions: InngestFunction.Any[], options: Partial<ExecutorOptions> = {}) => {
  const executor = await createEmbeddedExecutor({
    db,
    handler: serveFunctions(functions),
    clock: fakeDateClock(vi),
    autoStart: false,
    crons: false,
    random: noJitter,
    ...options,
  });
  await executor.sync();
  return executor;
};

export const send = (events: Parameters<typeof testInngest.send>[0]) => testInngest.send(events);

/** A promise the test settles by hand: a gate inside a step body, or a signal that something happened. */
export const deferred = <T = void>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
};

/** Fails with `what` instead of hanging the test when `promise` does not settle in time (real time). */
export const within = <T>(promise: Promise<T>, ms: number, what: string) => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))),
  ]);
};
